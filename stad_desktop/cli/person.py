"""``stad-desktop person``: the persons the database holds (personal data).

- ``person list [QUERY]``: every person with their id, legal basis and review date;
- ``person export NAME_OR_ID -o FILE.json|FILE.pdf``: everything held about one
  person (innsyn), the PDF written for the person to read (``--lang``);
- ``person erase NAME_OR_ID --yes``: erase the person everywhere, for good (see
  ``services.erasure``); free-text fields that still mention the name are listed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from stad_desktop.cli.database import db_path, open_services
from stad_desktop.cli.errors import EXIT_FAILURE, EXIT_OK, CliError
from stad_desktop.language import LANGUAGES, N_, Message, Translator


def add_arguments(person: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr._
    actions = person.add_subparsers(dest="person_action", required=True)
    listing = actions.add_parser("list", help=_("list every person, with their id"))
    listing.add_argument("query", metavar="QUERY", nargs="?", default="", help=_("part of a name"))
    export = actions.add_parser(
        "export", help=_("everything the database holds about one person (innsyn)")
    )
    export.add_argument("person", metavar="NAME_OR_ID", help=_("the person's name or id"))
    export.add_argument(
        "-o", "--output", metavar="FILE", required=True, help=_("FILE.json or FILE.pdf")
    )
    export.add_argument(
        "--lang",
        dest="export_lang",
        choices=LANGUAGES,
        help=_("language of the PDF: nn, nb or en"),
    )
    erase = actions.add_parser("erase", help=_("erase one person everywhere (cannot be undone)"))
    erase.add_argument("person", metavar="NAME_OR_ID", help=_("the person's name or id"))
    erase.add_argument("--yes", action="store_true", help=_("yes, erase: it cannot be undone"))
    for parser in (listing, export, erase):
        parser.add_argument("--db", metavar="PATH", dest="sub_db")
        if parser is not export:
            parser.add_argument(
                "--lang", dest="sub_lang", choices=LANGUAGES, help=_("language: nn, nb or en")
            )


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.services.personal_data import PersonNotFound

    action = args.person_action
    if action == "erase" and not args.yes:
        raise CliError(
            Message(
                N_(
                    "Erasing {person} cannot be undone. Give --yes to erase; "
                    "nothing has been changed."
                ),
                {"person": args.person},
            )
        )
    target = db_path(args)
    services = open_services(target, create=False, read_only=action != "erase")
    try:
        if action == "list":
            return _list(services, args.query, tr)
        if action == "export":
            return _export(services, args, tr)
        return _erase(services, args.person, tr)
    except PersonNotFound as exc:
        raise CliError(
            Message(N_("No person named {person} in the database."), {"person": exc.wanted})
        ) from exc
    finally:
        services.db.close()


def _list(services: object, query: str, tr: Translator) -> int:
    from stad_desktop.format import format_date
    from stad_desktop.model.enums import LegalBasis, label
    from stad_desktop.services import Services

    assert isinstance(services, Services)
    for person in services.personal_data.list(query):
        basis = tr._(label(LegalBasis(person.legal_basis)))
        review = format_date(person.review_date, tr, "short")
        due = "  " + tr._("due for review") if person.due() else ""
        where = ", ".join(person.actors)
        print(f"{person.id}\t{person.name}\t{where}\t{basis}\t{review}{due}")
    return EXIT_OK


def _export(services: object, args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.os_errors import os_error_message
    from stad_desktop.services import Services
    from stad_desktop.services.outputs import OutputRefused

    assert isinstance(services, Services)
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise CliError(
            Message(N_("Give a file name ending in .json or .pdf: {path}"), {"path": output})
        )
    dossier = services.dossiers.gather(args.person)
    try:
        if suffix == ".json":
            services.dossiers.write_json(dossier, output)
        else:
            from stad_desktop.reports.person import write_person_pdf

            write_person_pdf(
                dossier,
                output,
                lang=args.export_lang or args.lang or tr.lang,
                database=services.db.path,
                municipality=services.settings.municipality_name(),
            )
    except OutputRefused as exc:
        raise CliError(exc.message) from exc
    except OSError as exc:
        raise CliError(
            Message(
                N_("Could not save {path}: {detail}"),
                {"path": output, "detail": os_error_message(exc)},
            ),
            EXIT_FAILURE,
        ) from exc
    print(
        tr._("Saved everything about {person} in {path}.").format(
            person=dossier.person.name, path=output
        )
    )
    return EXIT_OK


def _erase(services: object, person: str, tr: Translator) -> int:
    from stad_desktop.services import Services

    assert isinstance(services, Services)
    summary = services.erasure.erase(person)
    print(
        tr._(
            "Erased {person}: {contacts} contact records, {inputs} input items and "
            "{entries} effect entries anonymised, {history} changes in the history emptied."
        ).format(
            person=summary.name,
            contacts=summary.contacts,
            inputs=summary.inputs,
            entries=summary.entries,
            history=summary.history,
        )
    )
    if summary.mentions:
        print(tr._("These texts still mention the name; edit them by hand:"))
        for mention in summary.mentions:
            print(f"  {mention.table}\t{mention.title}\t{mention.field}")
    return EXIT_OK
