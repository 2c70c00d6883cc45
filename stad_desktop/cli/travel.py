"""``stad-desktop travel take|bring-home``: travel copies from the command line.

``take`` writes a travel copy of the office database; ``bring-home`` merges one back
(see ``services.travel``). Conflicts without ``--prefer`` are listed and change
nothing (exit 2); so do refusals. ``--dry-run`` shows what would happen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from stad_desktop.cli.database import db_path, open_services
from stad_desktop.cli.errors import EXIT_BAD_INPUT, EXIT_OK, CliError
from stad_desktop.language import LANGUAGES, Translator, plural_message


def add_arguments(travel: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr._
    kinds = travel.add_subparsers(
        dest="travel_action", metavar="take|bring-home", parser_class=type(travel), required=True
    )
    take = kinds.add_parser(
        "take", help=_("write a travel copy of the database to take on the road")
    )
    take.add_argument("--db", metavar="PATH", dest="sub_db")
    take.add_argument(
        "-o", "--output", metavar="FILE", required=True, help=_("the travel copy to write")
    )
    home = kinds.add_parser(
        "bring-home", help=_("merge a travel copy back into the database it was taken from")
    )
    home.add_argument("trip", metavar="TRIP", help=_("the travel copy"))
    home.add_argument("--db", metavar="PATH", dest="sub_db")
    home.add_argument(
        "--prefer",
        choices=("office", "travel"),
        help=_("resolve every conflict with the office's or the travel copy's value"),
    )
    home.add_argument(
        "--dry-run", action="store_true", help=_("show what would be merged; change nothing")
    )
    for parser in (take, home):
        parser.add_argument(
            "--lang", dest="sub_lang", choices=LANGUAGES, help=_("language: nn, nb or en")
        )


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.services.travel import TravelRefused

    services = open_services(db_path(args), create=args.travel_action == "take")
    try:
        if args.travel_action == "take":
            services.travel.take(Path(args.output))
            print(tr._("Travel copy written to {path}.").format(path=args.output))
            print(
                tr._("Bring it home with: stad-desktop travel bring-home {path} --db {db}").format(
                    path=args.output, db=services.db.address
                )
            )
            return EXIT_OK
        trip = Path(args.trip)
        if args.dry_run:
            plan = services.travel.plan(trip)
            _print_summary(plan.summary, tr)
            _print_conflicts(plan.conflicts, tr, sys.stdout)
            print(tr._("Dry run: nothing has been changed."))
            return EXIT_OK
        summary = services.travel.bring_home(trip, prefer=args.prefer)
        _print_summary(summary, tr)
        return EXIT_OK
    except TravelRefused as exc:
        if exc.conflicts:
            _print_conflicts(exc.conflicts, tr, sys.stderr)
            raise CliError(
                plural_message(
                    "{count} conflict needs a choice: give --prefer office or --prefer "
                    "travel, or bring the copy home in the window. Nothing has been changed.",
                    "{count} conflicts need a choice: give --prefer office or --prefer "
                    "travel, or bring the copy home in the window. Nothing has been changed.",
                    len(exc.conflicts),
                ),
                EXIT_BAD_INPUT,
            ) from exc
        raise CliError(exc.message, EXIT_BAD_INPUT) from exc
    finally:
        services.db.close()


def _print_summary(summary: Any, tr: Translator) -> None:
    print(
        tr._(
            "Added: {added}, changed: {changed}, merged: {merged}, conflicts: {conflicts} "
            "(office kept: {office}, travel kept: {travel})."
        ).format(
            added=summary.added,
            changed=summary.changed,
            merged=summary.merged,
            conflicts=summary.conflicts,
            office=summary.resolved_office,
            travel=summary.resolved_travel,
        )
    )
    if summary.kept:
        print(
            tr._("Kept because the other side still uses them: {count}.").format(count=summary.kept)
        )


def _print_conflicts(conflicts: Any, tr: Translator, stream: Any) -> None:
    for c in conflicts:
        print(
            tr._(
                "Conflict: {table} “{record}”, {field}: base “{base}”, office “{office}”, "
                "travel “{travel}”"
            ).format(
                table=tr.render(c.table_label),
                record=c.record_label,
                field=tr.render(c.field_label),
                base=c.base,
                office=c.office,
                travel=c.travel,
            ),
            file=stream,
        )
