"""``stad-desktop export TABLE``: a table, or all of them, into an XLSX workbook or a
CSV file.

Listed in :data:`stad_desktop.cli.COMMANDS`. Only reads the database (opened as
``report`` and ``check`` open it: no backup, nothing left beside it). Cheap to import:
the export loads when it runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from stad_desktop.cli.database import db_path, open_services
from stad_desktop.cli.errors import CliError
from stad_desktop.language import LANGUAGES, N_, Message, Translator

# The tables, as `stad-desktop export` names them (services.exporting.CHOICES).
TABLES = ("actors", "contacts", "projects", "roles", "indicators", "entries", "meetings", "input")
ALL = "all"


def add_arguments(export: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr._
    export.add_argument(
        "table",
        metavar="TABLE",
        choices=(*TABLES, ALL),
        help=_("what to export: {tables}, or all (one workbook, a sheet per table)").format(
            tables=", ".join(TABLES)
        ),
    )
    export.add_argument("--db", metavar="PATH", dest="sub_db")
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help=_("the file to write: FILE.xlsx or FILE.csv"),
    )
    export.add_argument(
        "--lang",
        dest="export_lang",
        choices=LANGUAGES,
        help=_("language of the headers and labels: nn, nb or en"),
    )
    export.add_argument(
        "--include-contacts",
        action="store_true",
        help=_("include contact persons' names, e-mails and phone numbers"),
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.os_errors import os_error_message
    from stad_desktop.services.exporting import export, output_kind
    from stad_desktop.services.outputs import OutputRefused

    lang = args.export_lang or args.lang or tr.lang
    output = Path(args.output)
    database = db_path(args)
    try:
        output_kind(args.table, output, database if isinstance(database, Path) else None)
    except OutputRefused as exc:
        raise CliError(exc.message) from exc
    services = open_services(database, read_only=True)
    try:
        result = export(
            services,
            args.table,
            output,
            lang=lang,
            include_contacts=args.include_contacts or args.table == "contacts",
        )
    except OutputRefused as exc:
        raise CliError(exc.message) from exc
    except OSError as exc:
        raise CliError(
            Message(
                N_("Could not save {path}: {detail}"),
                {"path": output, "detail": os_error_message(exc)},
            )
        ) from exc
    finally:
        services.db.close()
    print(tr.render(result.message(str(output))))
    note = result.left_out_message()
    if note is not None:
        print(tr.render(note))
    return 0
