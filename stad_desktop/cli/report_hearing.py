"""The "what we heard" printouts of ``stad-desktop report``: ``meeting TITLE_OR_ID``,
``village NAME`` and ``input-form [--village NAME] [--date DD.MM.YYYY]``.

Their arguments, the checks made before the database is opened, and the making of
the printout; :mod:`stad_desktop.cli.report` adds the options every printout has.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from stad_desktop.cli.errors import CliError
from stad_desktop.language import N_, Message, Translator

KINDS = ("meeting", "village", "input-form")
# The printouts that may hold personal data, and so take --include-contacts.
WITH_CONTACTS = ("project", "portfolio", "meeting", "village")
# An ambiguous meeting title lists at most this many of the meetings it matches.
MAX_MATCHES_SHOWN = 10
GROUPINGS = ("topic", "project")


def add_arguments(kinds: Any, tr: Translator) -> None:
    """Add the meeting and input-form printouts to the ``report`` subparsers ``kinds``."""
    _ = tr._
    meeting = kinds.add_parser("meeting", help=_("what we heard at one meeting"))
    meeting.add_argument("meeting", metavar="TITLE_OR_ID", help=_("the meeting's title or id"))
    meeting.add_argument(
        "--group-by",
        dest="group_by",
        choices=GROUPINGS,
        default="topic",
        help=_("group the input by topic (the default) or by project"),
    )
    village = kinds.add_parser(
        "village", help=_("all input from one village, with the projects that touch it")
    )
    village.add_argument("village_name", metavar="NAME", help=_("the village's name"))
    form = kinds.add_parser("input-form", help=_("a blank input form to bring to a meeting"))
    form.add_argument("--village", metavar="NAME", default="", help=_("the village, printed in"))
    form.add_argument(
        "--date", metavar="DD.MM.YYYY", dest="form_date", help=_("the date, printed in")
    )


def check_arguments(args: argparse.Namespace) -> None:
    """Checks of the arguments alone (before the database is opened)."""
    if args.report_kind == "input-form":
        args.form_date = _date(args.form_date)
        village = args.village.strip()
        if len(village) > 200:
            raise CliError(Message(N_("The village name is too long (at most 200 characters).")))
        args.village = village


def _date(text: str | None) -> dt.date | None:
    from stad_desktop.services import ValidationError
    from stad_desktop.services import validation as v

    if text is None:
        return None
    try:
        return v.date("date", text)
    except ValidationError as exc:
        raise CliError(
            Message(N_("--date {value}: {problem}"), {"value": text, "problem": exc.message})
        ) from exc


def make(services: Any, args: argparse.Namespace, output: Path, **options: Any) -> None:
    from stad_desktop.reports.api import (
        make_input_form,
        make_meeting_report,
        make_village_report,
    )
    from stad_desktop.services import NotFoundError

    if args.report_kind == "input-form":
        make_input_form(
            services, output, village=args.village, meeting_date=args.form_date, **options
        )
        return
    if args.report_kind == "village":
        try:
            make_village_report(
                services,
                args.village_name,
                output,
                include_contacts=args.include_contacts,
                **options,
            )
        except NotFoundError as exc:
            raise CliError(services.hearing.unknown_village(args.village_name)) from exc
        return
    meeting = _find_meeting(services, args.meeting)
    make_meeting_report(
        services,
        meeting.id,
        output,
        group_by=args.group_by,
        include_contacts=args.include_contacts,
        **options,
    )


def _find_meeting(services: Any, title: str) -> Any:
    from stad_desktop.services import NotFoundError

    try:
        return services.hearing.find_meeting(title)
    except NotFoundError as exc:
        raise _meeting_not_found(services, title) from exc


def _meeting_not_found(services: Any, title: str) -> CliError:
    """No meeting, or more than one, goes by ``title``: say which ones it matches."""
    from stad_desktop.format import format_date
    from stad_desktop.language import current

    matches = services.hearing.matching_meetings(title, limit=MAX_MATCHES_SHOWN + 1)
    if len(matches) < 2:
        return CliError(
            Message(
                N_("No meeting matches “{name}”. Give its exact title or its id."),
                {"name": title},
            )
        )
    names = "; ".join(
        f"{ref.title} ({format_date(ref.meeting_date, current())})"
        for ref in matches[:MAX_MATCHES_SHOWN]
    )
    if len(matches) > MAX_MATCHES_SHOWN:
        return CliError(
            Message(
                N_(
                    "“{name}” matches more than {count} meetings, among them {names}. "
                    "Give the exact title or the id."
                ),
                {"name": title, "count": MAX_MATCHES_SHOWN, "names": names},
            )
        )
    return CliError(
        Message(
            N_("“{name}” matches {count} meetings: {names}. Give the exact title or the id."),
            {"name": title, "count": len(matches), "names": names},
        )
    )
