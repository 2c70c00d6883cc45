"""``stad-desktop check``: check a database: integrity, revision and counts."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from stad_desktop.cli.database import db_path
from stad_desktop.cli.errors import EXIT_FAILURE, EXIT_OK, CliError
from stad_desktop.language import Translator


def add_arguments(check: argparse.ArgumentParser, tr: Translator) -> None:
    check.add_argument("--db", metavar="PATH", dest="sub_db")


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.storage.errors import StorageError, StorageProblem
    from stad_desktop.storage.sqlite_file import integrity_check, require_database_file

    path = db_path(args)
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
