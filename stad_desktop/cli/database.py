"""The database a command works on, and opening it for a command."""

from __future__ import annotations

import argparse
from pathlib import Path

from stad_desktop.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, CliError


def db_path(args: argparse.Namespace, *, create: bool = False) -> Path:
    """The database the command works on; ``create``: the default one's folder is
    made when missing (for a command that may create the database)."""
    from stad_desktop import paths

    explicit = getattr(args, "sub_db", None) or args.db
    if explicit:
        return Path(explicit)
    path = paths.default_db_path()
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def open_services(path: Path, *, create: bool = True, read_only: bool = False):  # type: ignore[no-untyped-def]
    """Open a database for a command, turning storage problems into a CliError.
    ``read_only``: for commands that only read (no lock, no backup, nothing written
    beside the file; a missing or empty file is refused)."""
    from stad_desktop.services import Services
    from stad_desktop.storage import StorageError, StorageProblem, open_database
    from stad_desktop.storage.reading import open_read_only

    try:
        if read_only:
            return Services(open_read_only(path))
        return Services(open_database(path, create=create))
    except StorageError as exc:
        damaged = exc.problem is StorageProblem.CORRUPT
        raise CliError(exc.message, EXIT_FAILURE if damaged else EXIT_BAD_INPUT) from exc
