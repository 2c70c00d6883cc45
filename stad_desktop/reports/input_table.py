"""The table of input items shared by the "what we heard" printouts and the project
summary: what was said, its status and the answer given."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.platypus import Flowable, Paragraph

from stad_desktop.format import format_date
from stad_desktop.language import Translator
from stad_desktop.model import InputStatus
from stad_desktop.reports.input_data import HeardItem
from stad_desktop.reports.labels import enum_text
from stad_desktop.reports.style import BUSY, GOOD, IDLE, SERIES, Styles, esc, para, tinted
from stad_desktop.reports.tables import FastTable, data_table

STATUS_COLOURS = {
    InputStatus.NEW.value: BUSY,
    InputStatus.CONSIDERED.value: SERIES,
    InputStatus.INCLUDED.value: GOOD,
    InputStatus.REJECTED.value: IDLE,
}
STATUS_WIDTH = 72.0
WHERE_WIDTH = 92.0
TOPIC_WIDTH = 78.0


def status_cell(tr: Translator, status: str, s: Styles) -> Paragraph:
    colour = STATUS_COLOURS.get(status, IDLE)
    return Paragraph(tinted("●", colour) + " " + esc(enum_text(tr, InputStatus, status)), s.cell)


def status_line(tr: Translator, counts: Mapping[str, int]) -> str:
    """``Teke med: 1 · Vurdert: 1 · Ny: 1``: the statuses that occur, in status order."""
    return " · ".join(
        tr._("{status}: {count}").format(status=enum_text(tr, InputStatus, status), count=count)
        for status, count in counts.items()
        if count
    )


def _said_cell(tr: Translator, heard: HeardItem, s: Styles, *, projects: bool) -> list[Flowable]:
    cell: list[Flowable] = [para(heard.item.text, s.cell)]
    if heard.source:
        cell.append(para(tr._("From: {who}").format(who=heard.source), s.cell_small))
    if projects and heard.projects:
        names = ", ".join(project.name for project in heard.projects)
        cell.append(para(tr._("Projects: {names}").format(names=names), s.cell_small))
    return cell


def _answer_cell(tr: Translator, heard: HeardItem, s: Styles) -> Paragraph:
    if heard.item.answer:
        return para(heard.item.answer, s.cell)
    return Paragraph(tinted(tr._("No answer yet"), IDLE), s.cell_small)


def _where_cell(tr: Translator, heard: HeardItem, s: Styles) -> list[Flowable]:
    cell: list[Flowable] = [para(format_date(heard.meeting_date, tr), s.cell)]
    cell.append(para(heard.meeting_title, s.cell_small))
    if heard.meeting_place:
        cell.append(para(heard.meeting_place, s.cell_small))
    return cell


def input_table(
    items: Sequence[HeardItem],
    tr: Translator,
    s: Styles,
    width: float,
    *,
    where: bool = False,
    topic: bool = False,
    projects: bool = True,
) -> FastTable:
    """One row per item: [where and when,] [topic,] what was said (with who gave it
    and its projects), status, answer."""
    header: list[object] = []
    widths: list[float] = []
    if where:
        header.append(para(tr._("Meeting"), s.head))
        widths.append(WHERE_WIDTH)
    if topic:
        header.append(para(tr._("Topic"), s.head))
        widths.append(TOPIC_WIDTH)
    header += [
        para(tr._("What was said"), s.head),
        para(tr._("Status"), s.head),
        para(tr._("Answer"), s.head),
    ]
    rest = width - sum(widths) - STATUS_WIDTH
    said_width = round(rest * 0.52)
    widths += [said_width, STATUS_WIDTH, rest - said_width]
    rows: list[list[object]] = [header]
    for heard in items:
        row: list[object] = []
        if where:
            row.append(_where_cell(tr, heard, s))
        if topic:
            row.append(para(heard.item.topic, s.cell) if heard.item.topic else "")
        row += [
            _said_cell(tr, heard, s, projects=projects),
            status_cell(tr, heard.item.status, s),
            _answer_cell(tr, heard, s),
        ]
        rows.append(row)
    return data_table(rows, widths)
