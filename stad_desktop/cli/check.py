"""``stad-desktop check``: check a database: integrity, revision and counts."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from typing import TYPE_CHECKING

from stad_desktop.cli.database import db_path
from stad_desktop.cli.errors import EXIT_FAILURE, EXIT_OK, CliError
from stad_desktop.language import Translator
from stad_desktop.paths import ServerDatabase

if TYPE_CHECKING:
    from stad_desktop.services.readmodels import Counts


def add_arguments(check: argparse.ArgumentParser, tr: Translator) -> None:
    check.add_argument("--db", metavar="PATH", dest="sub_db")


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.storage.errors import StorageError, StorageProblem
    from stad_desktop.storage.sqlite_file import integrity_check, require_database_file

    path = db_path(args)
    if isinstance(path, ServerDatabase):
        return _check_server(path, tr)
    try:
        state = require_database_file(path)
    except StorageError as exc:
        if exc.problem in (
            StorageProblem.MISSING,
            StorageProblem.EMPTY,
            StorageProblem.MISSING_FOLDER,
        ):
            raise CliError(exc.message) from exc
        print(tr.render(exc.message), file=sys.stderr)
        return EXIT_FAILURE
    from stad_desktop.services import Services
    from stad_desktop.storage.backups import list_backups
    from stad_desktop.storage.reading import open_read_only

    try:
        db = open_read_only(path, check_pages=False)  # the fuller check follows
    except StorageError as exc:
        print(tr.render(exc.message), file=sys.stderr)
        return EXIT_FAILURE
    try:
        try:
            problems = integrity_check(path)
        except sqlite3.Error as exc:
            problems = [str(exc)]
        if problems:
            print(
                tr._("The database {path} is damaged: {detail}").format(
                    path=path, detail="; ".join(problems[:5])
                ),
                file=sys.stderr,
            )
            return EXIT_FAILURE
        services = Services(db)
        counts = services.counts()
        reports = services.upgrade_reports.reports()
    except StorageError as exc:
        print(tr.render(exc.message), file=sys.stderr)
        return EXIT_FAILURE
    finally:
        db.close()
    print(tr._("Database: {path}").format(path=path))
    print(tr._("Integrity: ok"))
    print(tr._("Schema revision: {revision}").format(revision=state.revision or "-"))
    _print_counts(counts, tr)
    copies = list_backups(path)
    if copies:
        from stad_desktop.format import format_date

        print(
            tr._("Backups: {count}, the newest from {date} {time}").format(
                count=len(copies),
                date=format_date(copies[0].created.date(), tr, "long"),
                time=f"{copies[0].created:%H:%M}",
            )
        )
    else:
        print(tr._("Backups: none yet"))
    for report in reports:
        # A file not upgraded yet is read through an upgraded copy: it is told what
        # its upgrade will change.
        if (state.revision or "") < report.revision:
            heading = tr._("The upgrade to revision {revision} will change:")
        else:
            heading = tr._("Changed by the upgrade to revision {revision}:")
        print(heading.format(revision=report.revision))
        for line in report.render(tr):
            print(f"  {line}")
    return EXIT_OK


def _print_counts(counts: Counts, tr: Translator) -> None:
    print(
        tr._(
            "Actors: {actors}, projects: {projects}, entries: {entries}, meetings: {meetings}"
        ).format(
            actors=counts.actors,
            projects=counts.projects,
            entries=counts.entries,
            meetings=counts.meetings,
        )
    )


def _check_server(server: ServerDatabase, tr: Translator) -> int:
    """A database on a server: reached, its revision and counts. Its pages and its
    backups are the server's business (``backup`` writes a snapshot file of it); an
    older revision is told, not upgraded."""
    from stad_desktop.cli.database import open_server, storage_cli_error
    from stad_desktop.services import Services
    from stad_desktop.storage import StorageError
    from stad_desktop.storage.revisions import HEAD

    try:
        db = open_server(server, migrate=False)
    except StorageError as exc:
        raise storage_cli_error(exc) from exc
    try:
        revision = db.revision()
        counts = Services(db).counts() if revision == HEAD else None
    except StorageError as exc:
        raise storage_cli_error(exc) from exc
    finally:
        db.close()
    print(tr._("Database: {path}").format(path=server.name))
    print(tr._("Schema revision: {revision}").format(revision=revision or "-"))
    if counts is None:
        print(tr._("The program upgrades the database when it opens it."))
    else:
        _print_counts(counts, tr)
    return EXIT_OK
