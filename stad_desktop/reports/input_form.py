"""Render the blank input form (A4 portrait): a sheet to bring to a meeting and fill
in by hand, with the village and the date printed in when they are known."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from stad_desktop.format import format_date
from stad_desktop.language import Translator
from stad_desktop.reports.document import (
    Heading,
    build_pdf,
    content_height,
    content_width,
    page_frame,
)
from stad_desktop.reports.style import (
    ACCENT,
    INK,
    RULE,
    make_styles,
    para,
    register_fonts,
)
from stad_desktop.reports.tables import data_table, layout_table

# The height of a row to write in by hand.
ROW_HEIGHT = 17 * mm
# Room on the first page above the table (title, village, date and place).
TOP_BLOCK = 62 * mm


@dataclass(frozen=True)
class InputFormData:
    """What is printed in: the village and the date, each empty to be written by hand."""

    village: str = ""
    meeting_date: dt.date | None = None


def _rows_that_fit(room: float) -> int:
    """How many writing rows (and the header row) fit in ``room`` points."""
    return max(1, int((room - 10 * mm) // ROW_HEIGHT))


class InputForm:
    def __init__(self, data: InputFormData, tr: Translator) -> None:
        self.data = data
        self.tr = tr
        self.s = make_styles()
        self.width = content_width(False)

    def story(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        out: list[Flowable] = [
            para(tr._("Input form"), s.kicker),
            Heading(tr._("What did you want to tell us?"), s.title),
            Spacer(1, 2),
            para(
                tr._(
                    "Write one piece of input on each line. We write down what we heard "
                    "and give an answer to everyone who leaves contact details."
                ),
                s.lead,
            ),
            Spacer(1, 4),
            self.fill_in(),
            Spacer(1, 8),
            self.table(),
            Spacer(1, 4),
            para(
                tr._(
                    "The contact details are used only to answer you about your input. "
                    "Leave them out if you do not want an answer."
                ),
                s.small,
            ),
        ]
        return out

    def fill_in(self) -> Flowable:
        """Village, date and place: printed in where known, else a line to write on."""
        tr, s, data = self.tr, self.s, self.data
        fields = [
            (tr._("Village"), data.village),
            (tr._("Date"), format_date(data.meeting_date, tr, "long")),
            (tr._("Meeting place"), ""),
        ]
        label_width = 70.0
        rows = [
            [para(label, s.label), para(value, s.lead) if value else ""] for label, value in fields
        ]
        return layout_table(
            rows,
            [label_width, self.width - label_width],
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (1, 0), (1, -1), 0.6, INK),
            ("TEXTCOLOR", (1, 0), (1, -1), ACCENT),
        )

    def table(self) -> Flowable:
        tr, s = self.tr, self.s
        header = [
            para("#", s.head_right),
            para(tr._("Topic"), s.head),
            para(tr._("What was said"), s.head),
            para(tr._("Who"), s.head),
            para(tr._("Contact (e-mail or phone)"), s.head),
        ]
        widths = [20.0, 88.0, 0.0, 92.0, 108.0]
        widths[2] = self.width - sum(widths)
        count = _rows_that_fit(content_height(False) - TOP_BLOCK)
        rows: list[list[object]] = [header]
        rows += [[para(str(n), s.cell_small_right), "", "", "", ""] for n in range(1, count + 1)]
        return data_table(
            rows,
            widths,
            ("LINEBEFORE", (1, 0), (-1, -1), 0.25, RULE),
            ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            row_heights=[None, *([ROW_HEIGHT] * count)],
        )


def render_input_form(
    data: InputFormData,
    path: Path,
    tr: Translator,
    *,
    municipality: str,
    logo: Path | str | None,
    today: dt.date,
) -> None:
    register_fonts()
    title = tr._("Input form")
    if data.village:
        title = tr._("Input form: {village}").format(village=data.village)
    frame = page_frame(tr, municipality=municipality, title=title, today=today, logo=logo)
    build_pdf(path, InputForm(data, tr).story(), frame, subject=tr._("Input form"))
