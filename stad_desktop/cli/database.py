"""The database a command works on, and opening it for a command.

A database is a file (a path) or a database on a PostgreSQL server (an address,
``postgresql+psycopg://user@host:port/db``); ``paths.database_target`` decides which.
A password is never taken from the command line: an address holding one is refused.
The server's password comes from PGPASSFILE/``~/.pgpass`` (libpq reads it), or is
asked for on the terminal when the server wants one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, CliError
from stad_desktop.paths import ServerDatabase

if TYPE_CHECKING:
    from stad_desktop.services import Services
    from stad_desktop.storage import Database, StorageError

# Problems that exit 1 (a failure, not a wrong command line): a damaged file, a
# server that cannot be reached or is lost, rights the user lacks. Others exit 2.
_FAILURES = ("corrupt", "unreachable", "connection_lost", "no_permission")


def db_path(args: argparse.Namespace, *, create: bool = False) -> Path | ServerDatabase:
    """The database the command works on: a file's path, or a server's database
    (``--db`` or ``STAD_DESKTOP_DB``); ``create``: the default file's folder is made
    when missing (for a command that may create the database). An address holding a
    password is refused here (exit 2), before anything is opened."""
    from stad_desktop import paths

    explicit = getattr(args, "sub_db", None) or args.db
    target = paths.database_target(explicit) if explicit else paths.default_database()
    if isinstance(target, ServerDatabase):
        check_address(target)
        return target
    if create and not explicit:
        target.parent.mkdir(parents=True, exist_ok=True)
    return target


def check_address(server: ServerDatabase) -> None:
    """Refuse (CliError, exit 2) an address that is not PostgreSQL's or holds a password."""
    from stad_desktop.storage import StorageError
    from stad_desktop.storage.server_address import engine_url

    try:
        engine_url(server)
    except StorageError as exc:
        raise CliError(exc.message, EXIT_BAD_INPUT) from exc


def storage_cli_error(exc: StorageError) -> CliError:
    """The one line for a storage problem, exit 1 or 2 (see ``_FAILURES``)."""
    return CliError(exc.message, EXIT_FAILURE if exc.problem in _FAILURES else EXIT_BAD_INPUT)


def ask_password(server: ServerDatabase) -> str | None:
    """The password for ``server``, asked for on the terminal; None where no one can
    answer (no terminal) or nothing was typed."""
    if not sys.stdin.isatty():
        return None
    import getpass

    from stad_desktop.language import _

    try:
        typed = getpass.getpass(_("Password for {database}: ").format(database=server.name))
    except (EOFError, KeyboardInterrupt):
        return None
    return typed or None


def open_server(server: ServerDatabase, *, migrate: bool = True) -> Database:
    """Open the database on ``server``, asking for the password on the terminal when
    the server wants one and none is kept in PGPASSFILE/``~/.pgpass``. Raises
    StorageError."""
    from stad_desktop.storage import StorageError, StorageProblem, open_database

    try:
        return open_database(server, migrate=migrate)
    except StorageError as exc:
        needed = exc.problem is StorageProblem.PASSWORD_NEEDED
        password = ask_password(server) if needed else None
        if password is None:
            raise
    return open_database(server, migrate=migrate, password=password)


def open_services(
    target: Path | ServerDatabase, *, create: bool = True, read_only: bool = False
) -> Services:
    """Open a database for a command, turning storage problems into a CliError.
    ``read_only``: for commands that only read (no lock, no backup, nothing written
    beside the file; a missing or empty file is refused). A server's database is
    opened as the window opens it (there is nothing beside a file to leave)."""
    from stad_desktop.services import Services
    from stad_desktop.storage import StorageError, open_database
    from stad_desktop.storage.reading import open_read_only

    try:
        if isinstance(target, ServerDatabase):
            return Services(open_server(target))
        if read_only:
            return Services(open_read_only(target))
        return Services(open_database(target, create=create))
    except StorageError as exc:
        raise storage_cli_error(exc) from exc
