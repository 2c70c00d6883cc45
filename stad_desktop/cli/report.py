"""``stad-desktop report project|portfolio|meeting|village|input-form``: printouts from
the command line.

Listed in :data:`stad_desktop.cli.COMMANDS`. Cheap to import: the reports load when a
report runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from stad_desktop.cli import report_hearing as hearing
from stad_desktop.cli.database import db_path, open_services
from stad_desktop.cli.errors import CliError
from stad_desktop.language import LANGUAGES, N_, Message, Translator
from stad_desktop.model import Phase

# An ambiguous project name lists at most this many of the projects it matches.
MAX_MATCHES_SHOWN = 10


KINDS = "project|portfolio|meeting|village|input-form"


def add_arguments(report: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr._
    kinds = report.add_subparsers(
        dest="report_kind", metavar=KINDS, parser_class=type(report), required=True
    )
    project = kinds.add_parser("project", help=_("project summary of one project"))
    project.add_argument("project", metavar="NAME_OR_ID", help=_("the project's name or id"))
    portfolio = kinds.add_parser("portfolio", help=_("overview of every active project"))
    portfolio.add_argument(
        "--phase",
        dest="phases",
        action="append",
        default=[],
        choices=[phase.value for phase in Phase],
        help=_("only projects in this phase (may be given more than once)"),
    )
    portfolio.add_argument(
        "--area",
        dest="areas",
        action="append",
        default=[],
        metavar="AREA",
        help=_("only projects in this area (may be given more than once)"),
    )
    portfolio.add_argument(
        "--matrix",
        action="store_true",
        help=_("print the actors and projects matrix even when it is too wide to read well"),
    )
    hearing.add_arguments(kinds, tr)
    for name, parser in kinds.choices.items():
        parser.add_argument("--db", metavar="PATH", dest="sub_db")
        parser.add_argument(
            "--lang",
            dest="report_lang",
            choices=LANGUAGES,
            help=_("language of the printout: nn, nb or en"),
        )
        parser.add_argument(
            "-o", "--output", metavar="FILE", required=True, help=_("the PDF file to write")
        )
        if name in hearing.WITH_CONTACTS:
            parser.add_argument(
                "--include-contacts",
                action="store_true",
                help=_("include contact persons' names, e-mails and phone numbers"),
            )
        parser.add_argument("--municipality", metavar="NAME", help=_("name in the page header"))
        parser.add_argument("--logo", metavar="IMAGE", help=_("logo in the page header"))


def _not_found(services: Any, name: str) -> CliError:
    """No project, or more than one, goes by ``name``: say which ones it matches."""
    matches = services.projects.matching(name, limit=MAX_MATCHES_SHOWN + 1)
    if len(matches) < 2:
        return CliError(
            Message(
                N_("No project matches “{name}”. Give its exact name or its id."),
                {"name": name},
            )
        )
    names = "; ".join(ref.name for ref in matches[:MAX_MATCHES_SHOWN])
    if len(matches) > MAX_MATCHES_SHOWN:
        return CliError(
            Message(
                N_(
                    "“{name}” matches more than {count} projects, among them {names}. "
                    "Give the exact name or the id."
                ),
                {"name": name, "count": MAX_MATCHES_SHOWN, "names": names},
            )
        )
    return CliError(
        Message(
            N_("“{name}” matches {count} projects: {names}. Give the exact name or the id."),
            {"name": name, "count": len(matches), "names": names},
        )
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.os_errors import os_error_message
    from stad_desktop.reports.api import make_portfolio, make_project_summary
    from stad_desktop.services import NotFoundError
    from stad_desktop.services.outputs import OutputKind, OutputRefused, check_output

    lang = args.report_lang or args.lang or tr.lang
    output = Path(args.output)
    database = db_path(args)
    try:
        check_output(output, database if isinstance(database, Path) else None, OutputKind.PDF)
    except OutputRefused as exc:
        raise CliError(exc.message) from exc
    logo = Path(args.logo) if args.logo else None
    if logo is not None and not logo.is_file():
        raise CliError(Message(N_("The logo {path} does not exist."), {"path": logo}))
    options: dict[str, Any] = dict(
        lang=lang,
        municipality=args.municipality,  # None: the name kept in the database
        logo=logo,
    )
    hearing.check_arguments(args)
    services = open_services(database, read_only=True)
    try:
        if args.report_kind in hearing.KINDS:
            hearing.make(services, args, output, **options)
        elif args.report_kind == "project":
            try:
                project = services.projects.find(args.project)
            except NotFoundError as exc:
                raise _not_found(services, args.project) from exc
            make_project_summary(
                services, project.id, output, include_contacts=args.include_contacts, **options
            )
        else:
            make_portfolio(
                services,
                output,
                phases=args.phases,
                areas=args.areas,
                matrix=True if args.matrix else None,
                include_contacts=args.include_contacts,
                **options,
            )
    except OSError as exc:
        raise CliError(
            Message(
                N_("Could not write the printout {path}: {detail}"),
                {"path": output, "detail": os_error_message(exc)},
            )
        ) from exc
    finally:
        services.db.close()
    print(tr._("Printout written to {path}").format(path=output))
    return 0
