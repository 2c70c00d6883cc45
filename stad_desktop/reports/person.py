"""The innsyn printout: everything the database holds about one person, written for
that person to read (A4 portrait, nn, nb or en). Data from
``services.person_dossier``; written atomically after the output check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer

from stad_desktop.format import format_date, format_datetime, format_number
from stad_desktop.language import N_, Translator
from stad_desktop.model.enums import InputStatus, LegalBasis
from stad_desktop.reports.contacts import CELL_PADDING, email_markup
from stad_desktop.reports.document import Heading, build_pdf, content_width, page_frame
from stad_desktop.reports.labels import PrintTranslator, enum_text
from stad_desktop.reports.style import make_styles, para, register_fonts
from stad_desktop.reports.tables import data_table, section
from stad_desktop.services.person_dossier import PersonDossier

_TABLES = {
    "contact_persons": N_("Contact record"),
    "input_items": N_("Input"),
    "effect_entries": N_("Effect entry"),
}
_RECORD = N_("Record")


class PersonReport:
    def __init__(self, data: PersonDossier, tr: Translator) -> None:
        self.data = data
        self.tr = tr
        self.s = make_styles()
        self.width = content_width(False)

    def story(self) -> list[Flowable]:
        return (
            self.intro()
            + self.contacts()
            + self.roles()
            + self.meetings()
            + self.inputs()
            + self.entries()
            + self.history()
        )

    def intro(self) -> list[Flowable]:
        tr, s, p = self.tr, self.s, self.data.person
        return [
            para(tr._("What we hold about you"), s.kicker),
            Heading(p.name, s.title),
            Spacer(1, 2),
            para(
                tr._(
                    "This is everything the municipality's co-creation register holds about "
                    "you, made {date}. You may ask us to correct it, or to erase it."
                ).format(date=format_date(self.data.made_at.date(), tr, "long")),
                s.lead,
            ),
            para(
                tr._("Why we keep it: {basis}. We will look at it again by {date}.").format(
                    basis=enum_text(tr, LegalBasis, p.legal_basis).lower(),
                    date=format_date(p.review_date, tr, "long"),
                ),
                s.body,
            ),
        ]

    def _table(
        self, title: str, empty: str, head: list[str], rows: list[list[Any]], widths: list[float]
    ) -> list[Flowable]:
        s = self.s
        heading = Heading(title, s.h2)
        if not rows:
            return section(heading, para(empty, s.body))
        cells = [[para(h, s.head) for h in head]]
        cells += [
            [value if isinstance(value, Flowable) else para(value, s.cell) for value in row]
            for row in rows
        ]
        total = sum(widths)
        return section(heading, data_table(cells, [w * self.width / total for w in widths]))

    def contacts(self) -> list[Flowable]:
        tr = self.tr
        widths = [2.6, 2.2, 3.4, 1.6, 2.7]
        email_width = widths[2] * self.width / sum(widths) - CELL_PADDING
        rows = [
            [
                c.actor,
                c.name,
                Paragraph(email_markup(c.email, email_width), self.s.cell),
                c.phone,
                enum_text(tr, LegalBasis, c.legal_basis)
                + (
                    " ("
                    + format_date(c.consent_date, tr)
                    + (", " + c.consent_how if c.consent_how else "")
                    + ")"
                    if c.consent_date
                    else ""
                ),
            ]
            for c in self.data.contacts
        ]
        return self._table(
            tr._("You as a contact person"),
            tr._("You are not registered as a contact person."),
            [tr._("Actor"), tr._("Name"), tr._("E-mail"), tr._("Phone"), tr._("Legal basis")],
            rows,
            widths,
        )

    def roles(self) -> list[Flowable]:
        tr = self.tr
        name = {"nn": "role_nn", "nb": "role_nb"}.get(tr.lang, "role_en")
        rows = [[r.project, r.actor, getattr(r, name)] for r in self.data.roles]
        return self._table(
            tr._("Roles of your organisation in projects"),
            tr._("Your organisation has no roles in projects."),
            [tr._("Project"), tr._("Actor"), tr._("Role")],
            rows,
            [4, 3, 2],
        )

    def meetings(self) -> list[Flowable]:
        tr = self.tr
        rows = [[format_date(m.date, tr), m.title, m.place, m.actor] for m in self.data.meetings]
        return self._table(
            tr._("Meetings your organisation took part in"),
            tr._("No meetings are registered."),
            [tr._("Date"), tr._("Meeting"), tr._("Place"), tr._("Actor")],
            rows,
            [1.4, 4, 2, 3],
        )

    def inputs(self) -> list[Flowable]:
        tr = self.tr
        rows = [
            [
                format_date(i.date, tr),
                i.meeting,
                i.text,
                enum_text(tr, InputStatus, i.status),
                i.answer,
            ]
            for i in self.data.inputs
        ]
        return self._table(
            tr._("Input you have given"),
            tr._("No input from you is registered."),
            [tr._("Date"), tr._("Meeting"), tr._("Input"), tr._("Status"), tr._("Answer")],
            rows,
            [1.4, 2.5, 4, 1.4, 3],
        )

    def entries(self) -> list[Flowable]:
        tr = self.tr
        rows = [
            [
                format_date(e.date, tr),
                e.project,
                e.indicator or e.text,
                "" if e.value is None else format_number(e.value, tr),
            ]
            for e in self.data.entries
        ]
        return self._table(
            tr._("Effect entries you have recorded"),
            tr._("No effect entries are recorded by you."),
            [tr._("Date"), tr._("Project"), tr._("Indicator or text"), tr._("Value")],
            rows,
            [1.4, 3.5, 5, 1.4],
        )

    def history(self) -> list[Flowable]:
        tr = self.tr
        actions = {
            "insert": tr._("added"),
            "update": tr._("changed"),
            "delete": tr._("removed"),
        }
        rows = [
            [
                format_datetime(h.changed_at, tr),
                h.changed_by,
                tr._(_TABLES.get(h.table, _RECORD)),
                actions.get(h.action, h.action),
                ", ".join(sorted(h.changes)),
            ]
            for h in self.data.history
        ]
        return self._table(
            tr._("Changes to this data"),
            tr._("No changes are recorded."),
            [tr._("When"), tr._("By"), tr._("What"), tr._("Change"), tr._("Fields")],
            rows,
            [2, 2, 2, 1.4, 4],
        )


def write_person_pdf(
    data: PersonDossier,
    path: Path,
    *,
    lang: str,
    database: Path | None,
    municipality: str,
    today: dt.date | None = None,
) -> Path:
    """Write the printout to ``path`` after the output check (OutputRefused, OSError)."""
    from stad_desktop.services.outputs import OutputKind, check_output

    check_output(path, database, OutputKind.PDF)
    tr = PrintTranslator(lang)
    register_fonts()
    frame = page_frame(
        tr,
        municipality=municipality,
        title=tr._("Personal data: {person}").format(person=data.person.name),
        today=today or dt.date.today(),
        logo=None,
    )
    build_pdf(path, PersonReport(data, tr).story(), frame, subject=data.person.name)
    return path
