"""Tables and small flowables of the printouts.

Every table may be longer than a page, and any of its cells may hold a text of
20,000 characters: tables split between rows, and a row taller than what is left
of a page splits inside its cells. A table split across pages repeats its header
row and, in grouped tables, the name of the group (the actor) its first row
belongs to. A note under a table never goes to a page on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table, TableStyle

from stad_desktop.reports.style import (
    ACCENT,
    FONT,
    FONT_BOLD,
    GOOD,
    HEADER_BG,
    INK,
    RULE,
    SERIES,
    STRIPE,
    esc,
)

# A row split inside its cells leaves at least this much on either page.
MIN_ROW_PIECE = 24


def table_style(*extra: tuple[Any, ...], header_rows: int = 1, stripes: bool = True) -> TableStyle:
    """The house table: tinted header, thin rules, light stripes."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
            ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 7.5),
            ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), ACCENT),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    if stripes:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, STRIPE]))
    commands += list(extra)
    return TableStyle(commands)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, (str, tuple, list)) and not value)


class FastTable(Table):
    """The printouts' table.

    - Skips drawing empty cells: a sparse matrix (actors x projects) is mostly
      empty, and drawing "" still costs a text object per cell.
    - Grouped tables (``groups``: per row, the name of the group it belongs to)
      show that name in the first column of the first row on a new page, where
      the row itself leaves the column empty (the actor's later rows).
    """

    groups: list[str | None] | None = None
    group_style: ParagraphStyle | None = None

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if isinstance(cellval, str) and not cellval:
            return
        super()._drawCell(cellval, cellstyle, pos, size)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        groups = self.groups
        if groups is None or len(parts) < 2:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else 0
        rest = parts[-1]
        if not isinstance(rest, FastTable):
            return parts
        # The rest holds the header rows and the last rows of this table (a row split
        # inside its cells counts as one): its first row is original row ``first``.
        first = len(groups) - (len(rest._cellvalues) - head)
        rest.groups = groups[:head] + groups[first:]
        rest.group_style = self.group_style
        name = groups[first] if 0 <= first < len(groups) else None
        if name and self.group_style is not None and _is_empty(rest._cellvalues[head][0]):
            rest._cellvalues[head][0] = [Paragraph(esc(name), self.group_style)]
            rest._argH[head] = None  # measured again, with the name
        return parts


def data_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *extra: tuple[Any, ...],
    header_rows: int = 1,
    stripes: bool = True,
    groups: Sequence[str | None] | None = None,
    group_style: ParagraphStyle | None = None,
    row_heights: Sequence[float | None] | None = None,
) -> FastTable:
    """A house table. ``groups`` (one entry per row, header rows included) names
    the group each row belongs to, repeated in the first column after a page break.
    ``row_heights``: fixed heights per row (None: as tall as the row's content)."""
    table = FastTable(
        [list(r) for r in rows],
        colWidths=list(widths),
        rowHeights=list(row_heights) if row_heights is not None else None,
        repeatRows=header_rows,
        splitInRow=MIN_ROW_PIECE,
        style=table_style(*extra, header_rows=header_rows, stripes=stripes),
        hAlign="LEFT",
    )
    if groups is not None:
        table.groups = list(groups)
        table.group_style = group_style
    return table


# A table longer than this may start on one page and go on to the next (with its
# header row repeated); a shorter one is kept whole with its heading.
LONG_TABLE_ROWS = 10


def layout_table(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], *commands: tuple[Any, ...]
) -> Table:
    """A table used for placement (no rules of its own unless given), in our font."""
    table = Table(
        [list(r) for r in rows], colWidths=list(widths), hAlign="LEFT", splitInRow=MIN_ROW_PIECE
    )
    table.setStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5), *commands])
    return table


class WithNote(Flowable):
    """A flowable (a table) with a note under it that never goes to a page alone:
    where the note does not fit below the end of the table, the table's last part
    goes to the next page with it."""

    def __init__(self, body: Flowable, note: Flowable, gap: float = 3) -> None:
        super().__init__()
        self.body = body
        self.note = note
        self.gap = gap
        self._body_height = 0.0
        self._note_height = 0.0
        self._wrapped: tuple[float, float, float, float] | None = None
        """The space last given and the size measured in it."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        done = self._wrapped
        if done is not None and done[:2] == (avail_width, avail_height):
            return done[2], done[3]  # measured already (a long table costs)
        width, self._body_height = self.body.wrap(avail_width, avail_height)
        note_width, self._note_height = self.note.wrap(avail_width, avail_height)
        self.width = max(width, note_width)
        self.height = self._body_height + self.gap + self._note_height
        self._wrapped = (avail_width, avail_height, self.width, self.height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self._body_height <= avail_height:
            # The body fits but the note does not: part of the body goes with the note.
            room = avail_height - self.gap - self._note_height
            parts = self.body.split(avail_width, room) if room > 0 else []
        else:
            parts = self.body.split(avail_width, avail_height)
        if len(parts) < 2:
            return []
        return [*parts[:-1], WithNote(parts[-1], self.note, self.gap)]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def draw(self) -> None:
        self.body.drawOn(self.canv, 0, self._note_height + self.gap)
        self.note.drawOn(self.canv, 0, 0)


def _row_count(flowable: Flowable) -> int:
    body = flowable.body if isinstance(flowable, WithNote) else flowable
    return len(body._cellvalues) if isinstance(body, Table) else 0


def section(heading: Paragraph, first: Flowable, *rest: Flowable) -> list[Flowable]:
    """A heading kept on the same page as what follows it (no orphan headings):
    short content moves whole to the next page; a long table starts on this page
    only when the heading and a few rows fit."""
    if _row_count(first) > LONG_TABLE_ROWS:
        return [CondPageBreak(150), heading, first, *rest]
    return [KeepTogether([heading, first]), *rest]


class OnceParagraph(Paragraph):
    """A Paragraph that breaks its lines once per width.

    A long table measures each row again for every part it is split into, to
    place that part and to draw it; its time goes into breaking the same lines
    over and over. The lines come out the same each time, so they are kept."""

    _laid_out: tuple[float, float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        done = self._laid_out
        if done is not None and done[0] == availWidth:
            self.width, self.height = done[1], done[2]
            return done[1], done[2]
        width, height = super().wrap(availWidth, availHeight)
        self._laid_out = (availWidth, width, height)
        return width, height


# The height of an empty cell of a layout table (one line of its 8.5 pt type).
EMPTY_CELL = 8.5 * 1.2


class LabelledLines(Flowable):
    """Lines of a label with something beside it on the right (a bar, a short
    text, or nothing): what a two-column layout table without padding shows, each
    line as tall as the taller side plus ``below``, the right side ``gap`` from the
    label. For a cell of a long table, where a nested table per row costs most of
    the drawing; it is not split across pages (a row moves whole)."""

    def __init__(
        self,
        lines: Sequence[tuple[Flowable, Flowable | None]],
        width: float,
        side: float,
        gap: float = 4,
        below: float = 1,
    ) -> None:
        super().__init__()
        self.lines = list(lines)
        self.width = width
        self.side = side
        self.gap = gap
        self.below = below
        self._heights: list[tuple[float, float, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        label_width = self.width - self.side
        heights = []
        for label, right in self.lines:
            label_height = label.wrap(label_width, avail_height)[1]
            right_height = (
                right.wrap(self.side - self.gap, avail_height)[1] if right is not None else 0
            )
            line = max(label_height, right_height if right is not None else EMPTY_CELL)
            heights.append((line + self.below, label_height, right_height))
        self._heights = heights
        self.height = sum(h[0] for h in heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        top = self.height
        left = self.width - self.side + self.gap
        for (label, right), (line, label_height, right_height) in zip(
            self.lines, self._heights, strict=True
        ):
            label.drawOn(self.canv, 0, top - label_height)
            if right is not None:
                right.drawOn(self.canv, left, top - right_height)
            top -= line


class RotatedLabel(Flowable):
    """Text turned 90 degrees, for narrow table columns (reads bottom to top)."""

    def __init__(self, text: str, size: float = 7.5, bold: bool = True):
        super().__init__()
        self.text = text
        self.size = size
        self.font = FONT_BOLD if bold else FONT
        self.length = pdfmetrics.stringWidth(text, self.font, size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size * 1.2, self.length

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(ACCENT)
        canvas.rotate(90)
        canvas.drawString(0, -self.size, self.text)
        canvas.restoreState()


class ProgressBar(Flowable):
    """A small bar from baseline (0 %) to target (100 %), with the percentage beside it."""

    def __init__(self, fraction: float | None, label: str, width: float = 70) -> None:
        super().__init__()
        self.fraction = fraction
        self.label = label
        self.width = width
        self.height = 10

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        label_width = max(30.0, pdfmetrics.stringWidth(self.label, FONT, 8) + 4)
        bar = self.width - label_width
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setFillColor(STRIPE)
        canvas.rect(0, 2, bar, 6, stroke=1, fill=1)
        if self.fraction is not None:
            share = max(0.0, min(1.0, self.fraction))
            canvas.setFillColor(GOOD if self.fraction >= 1 else SERIES)
            canvas.rect(0, 2, bar * share, 6, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(self.width, 2, self.label)
        canvas.restoreState()
