"""``stad-desktop import actors FILE``: import actors and their contact persons from
a spreadsheet (XLSX or CSV): the program's own export, or a download from
Enhetsregisteret or Frivillighetsregisteret. All or nothing: a file with a bad row
stores nothing, and the first problems are listed with their row numbers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stad_desktop.cli.database import db_path, open_services
from stad_desktop.cli.errors import EXIT_BAD_INPUT, EXIT_OK, CliError
from stad_desktop.language import Translator, plural_message


def add_arguments(parser: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr._
    parser.add_argument("what", choices=["actors"], help=_("what to import: actors"))
    parser.add_argument("file", metavar="FILE", help=_("the spreadsheet: .xlsx or .csv"))
    parser.add_argument("--db", metavar="PATH", dest="sub_db")
    parser.add_argument(
        "--dry-run", action="store_true", help=_("check the file and tell what would be done")
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help=_("give matched actors the file's values (empty fields filled, changed updated)"),
    )
    parser.add_argument("--sheet", metavar="NAME", help=_("the sheet of the workbook to read"))


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.services.actor_import import ActorImportService, ImportRefused, RowStatus
    from stad_desktop.services.actor_import.plan import problem_lines

    _ = tr._
    source = Path(args.file)
    path = db_path(args, create=True)
    services = open_services(path)
    try:
        importer = ActorImportService(services.db)
        try:
            plan = importer.read(source, sheet=args.sheet)
        except ImportRefused as exc:
            raise CliError(exc.message, EXIT_BAD_INPUT) from exc
        if not plan.valid:
            for problem in problem_lines(plan):
                print(problem.render(tr), file=sys.stderr)
            raise CliError(
                plural_message(
                    "Nothing is imported: {count} row of {file} has a problem.",
                    "Nothing is imported: {count} rows of {file} have problems.",
                    sum(1 for p in plan.rows if p.status is RowStatus.INVALID),
                    {"file": source.name},
                ),
                EXIT_BAD_INPUT,
            )
        for planned in plan.rows:
            if planned.status is RowStatus.NEAR and planned.near is not None:
                print(
                    _(
                        "Row {row}: {name} is much like {other}; left out (choose in the "
                        "window's import to add it or take it as the same actor)."
                    ).format(
                        row=planned.row.number, name=planned.row.data.name, other=planned.near.name
                    )
                )
        if args.dry_run:
            counts = plan.counts(args.update)
            print(
                _(
                    "Dry run, nothing stored: {added} would be added, {matched} matched, "
                    "{updated} updated, {skipped} skipped."
                ).format(**vars(counts))
            )
            return EXIT_OK
        try:
            change = importer.store(plan, update=args.update)
        except ImportRefused as exc:
            raise CliError(exc.message, EXIT_BAD_INPUT) from exc
    finally:
        services.db.close()
    summary = change.value
    print(
        _(
            "Imported from {file}: {added} added, {matched} matched, {updated} updated, "
            "{skipped} skipped."
        ).format(
            file=source.name,
            added=summary.added,
            matched=summary.matched,
            updated=summary.updated,
            skipped=summary.skipped,
        )
    )
    return EXIT_OK
