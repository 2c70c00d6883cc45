"""The contact persons table, the same in both printouts (only when asked for:
contact persons are personal data, and council papers are public)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from stad_desktop.language import Translator
from stad_desktop.reports.data import ActorContacts
from stad_desktop.reports.document import Heading
from stad_desktop.reports.style import FONT, Styles, esc, para
from stad_desktop.reports.tables import data_table, section

# The e-mail addresses are set a little smaller than the other cells.
EMAIL_SIZE = 8.0
PHONE_WIDTH = 80.0
CELL_PADDING = 9.0
# The e-mail column leaves at least this much to the actor and contact names.
NAME_ROOM = 290.0


def email_markup(email: str, width: float) -> str:
    """An address for a Paragraph: whole when it fits, else broken after the "@"
    (rather than anywhere in a word)."""
    if stringWidth(email, FONT, EMAIL_SIZE) <= width or "@" not in email:
        return esc(email)
    local, _at, domain = email.partition("@")
    return f"{esc(local)}@<br/>{esc(domain)}"


def contacts_section(
    blocks: Sequence[ActorContacts], tr: Translator, s: Styles, width: float
) -> list[Flowable]:
    """Actor, contact person, e-mail and phone; an actor's name is repeated where its
    contacts go on over a page break, and no name or address is cut."""
    heading = Heading(tr._("Contact persons"), s.h2)
    left_out = sum(block.left_out for block in blocks)
    note = (
        [
            para(
                tr.ngettext(
                    "{count} contact person is left out: their personal data is due for review.",
                    "{count} contact persons are left out: their personal data is due for review.",
                    left_out,
                ).format(count=left_out),
                s.small,
            )
        ]
        if left_out
        else []
    )
    blocks = [block for block in blocks if block.contacts]
    if not blocks:
        if note:
            return section(heading, *note)
        return section(heading, para(tr._("No contact persons registered."), s.body))
    rows: list[list[object]] = [
        [
            para(tr._("Actor"), s.head),
            para(tr._("Contact person"), s.head),
            para(tr._("E-mail"), s.head),
            para(tr._("Phone"), s.head),
        ]
    ]
    groups: list[str | None] = [None]
    contacts = [c for block in blocks for c in block.contacts]
    # The e-mail column is as wide as the longest address (within reason), so that
    # addresses stay on one line; the actor and name columns share the rest.
    email_style = ParagraphStyle("cell_email", parent=s.cell, fontSize=EMAIL_SIZE)
    email_width = max(
        (stringWidth(c.email, FONT, EMAIL_SIZE) + CELL_PADDING for c in contacts), default=0.0
    )
    email_width = min(max(email_width, 100.0), width - NAME_ROOM)
    rest = width - email_width - PHONE_WIDTH
    actor_width = round(rest * 0.55)
    for block in blocks:
        for index, c in enumerate(block.contacts):
            rows.append(
                [
                    para(block.actor.name, s.cell_bold) if index == 0 else "",
                    para(c.name, s.cell),
                    Paragraph(email_markup(c.email, email_width - CELL_PADDING), email_style),
                    para(c.phone, s.cell),
                ]
            )
            groups.append(block.actor.name)
    table = data_table(
        rows,
        [actor_width, rest - actor_width, email_width, PHONE_WIDTH],
        groups=groups,
        group_style=s.cell_bold,
    )
    return section(heading, table, *note)
