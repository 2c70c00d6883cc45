"""The look shared by every printout: embedded font, styles, page frame, tables.

ReportLab is imported here, so this module is only imported when a printout is
made (``stad_desktop.reports`` itself stays cheap to import).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from stad_desktop import paths
from stad_desktop.format import format_date
from stad_desktop.language import Translator

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

# Colours: calm, print well in grey scale too.
INK = colors.HexColor("#1E2A30")
ACCENT = colors.HexColor("#1F4E5F")
MUTED = colors.HexColor("#5B6B73")
# Secondary text in table cells (sources, comments, dates under values): darker
# than MUTED, as it is set small and often on the striped rows.
SUBTLE = colors.HexColor("#43525A")
RULE = colors.HexColor("#B8C4CA")
HEADER_BG = colors.HexColor("#E4ECEF")
STRIPE = colors.HexColor("#F5F8F9")
WARN_BG = colors.HexColor("#FFF6E5")
WARN_RULE = colors.HexColor("#E0A526")
GOOD = colors.HexColor("#2E7D32")
BUSY = colors.HexColor("#B26A00")
IDLE = colors.HexColor("#6B7280")
SERIES = colors.HexColor("#1F6F8B")
TARGET = colors.HexColor("#2E7D32")
BASELINE = colors.HexColor("#8A969C")
GRID = colors.HexColor("#E3E9EC")

MARGIN = 18 * mm
HEADER_HEIGHT = 16 * mm
FOOTER_HEIGHT = 12 * mm


class ReportError(Exception):
    """A printout could not be made (the message says why, in English)."""


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once; embedded as TrueType subsets."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = paths.fonts_dir()
    regular = folder / "DejaVuSans.ttf"
    bold = folder / "DejaVuSans-Bold.ttf"
    for path in (regular, bold):
        if not path.is_file():
            raise ReportError(f"font file missing: {path}")
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    # No oblique face is shipped: italic markup falls back to the upright faces.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@dataclass(frozen=True)
class Styles:
    kicker: ParagraphStyle
    title: ParagraphStyle
    lead: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_small_right: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    head_centre: ParagraphStyle


def make_styles() -> Styles:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, textColor=INK)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        kicker=style("kicker", fontName=FONT_BOLD, fontSize=9, leading=12, textColor=MUTED),
        title=style("title", fontName=FONT_BOLD, fontSize=20, leading=25, textColor=ACCENT),
        lead=style("lead", fontSize=10.5, leading=14.5, spaceAfter=4),
        h2=style(
            "h2",
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=6,
        ),
        h3=style(
            "h3",
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=12,
            spaceBefore=6,
            spaceAfter=3,
        ),
        body=style("body"),
        small=style("small", fontSize=8, leading=10.5, textColor=MUTED),
        label=style("label", fontName=FONT_BOLD, fontSize=8.5, leading=11.5, textColor=MUTED),
        cell=style("cell", fontSize=8.5, leading=11),
        cell_small=style("cell_small", fontSize=8, leading=10, textColor=SUBTLE),
        cell_small_right=style(
            "cell_small_right", fontSize=8, leading=10, textColor=SUBTLE, alignment=TA_RIGHT
        ),
        cell_bold=style("cell_bold", fontName=FONT_BOLD, fontSize=8.5, leading=11),
        cell_right=style("cell_right", fontSize=8.5, leading=11, alignment=TA_RIGHT),
        head=style("head", fontName=FONT_BOLD, fontSize=7.5, leading=9.5, textColor=ACCENT),
        head_right=style(
            "head_right",
            fontName=FONT_BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=ACCENT,
            alignment=TA_RIGHT,
        ),
        head_centre=style(
            "head_centre",
            fontName=FONT_BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=ACCENT,
            alignment=TA_CENTER,
        ),
    )


def esc(text: object) -> str:
    """Text for a Paragraph: markup characters escaped, line breaks kept."""
    value = str(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\n", "<br/>")


def tinted(text: object, colour: colors.Color) -> str:
    """Paragraph markup for ``text`` in ``colour``."""
    return f'<font color="#{colour.hexval()[2:]}">{esc(text)}</font>'


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` (for plain cells)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def para(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text), style)


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


class FastTable(Table):
    """A Table that skips drawing empty cells: a sparse matrix (actors x projects)
    is mostly empty, and drawing "" still costs a text object per cell."""

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if isinstance(cellval, str) and not cellval:
            return
        super()._drawCell(cellval, cellstyle, pos, size)


def data_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *extra: tuple[Any, ...],
    header_rows: int = 1,
    stripes: bool = True,
) -> Table:
    table = FastTable(
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=header_rows,
        style=table_style(*extra, header_rows=header_rows, stripes=stripes),
        hAlign="LEFT",
    )
    return table


# A table longer than this may start on one page and go on to the next (with its
# header row repeated); a shorter one is kept whole with its heading.
LONG_TABLE_ROWS = 10


def layout_table(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], *commands: tuple[Any, ...]
) -> Table:
    """A table used for placement (no rules of its own unless given), in our font."""
    table = Table([list(r) for r in rows], colWidths=list(widths), hAlign="LEFT")
    table.setStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5), *commands])
    return table


def section(heading: Paragraph, first: Flowable, *rest: Flowable) -> list[Flowable]:
    """A heading kept on the same page as what follows it (no orphan headings):
    short content moves whole to the next page; a long table starts on this page
    only when the heading and a few rows fit."""
    if isinstance(first, Table) and len(first._cellvalues) > LONG_TABLE_ROWS:
        return [CondPageBreak(150), heading, first, *rest]
    return [KeepTogether([heading, first]), *rest]


class RotatedLabel(Flowable):
    """Text turned 90 degrees, for narrow table columns (reads bottom to top)."""

    def __init__(self, text: str, size: float = 7.5, bold: bool = True, max_length: int = 0):
        super().__init__()
        if max_length and len(text) > max_length:
            text = text[: max_length - 1].rstrip() + "…"
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
        bar = self.width - 30
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


@dataclass(frozen=True)
class PageFrame:
    """What every page carries: municipality and logo, title, print date, page X of Y."""

    municipality: str
    title: str
    printed: str
    page_text: Callable[[int, int], str]
    logo: Path | None = None


def _numbered_canvas(frame: PageFrame) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers each page until the end, so the footer can say "Page 2 of 5"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_page_number(total)
                super().showPage()
            super().save()

        def _draw_page_number(self, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            self.drawRightString(
                width - MARGIN, MARGIN - 8 * mm, frame.page_text(self._pageNumber, total)
            )
            self.restoreState()

    return NumberedCanvas


def _draw_frame(frame: PageFrame, canvas: Canvas, doc: BaseDocTemplate) -> None:
    width, height = doc.pagesize
    top = height - MARGIN + 2 * mm
    canvas.saveState()
    x = MARGIN
    if frame.logo is not None:
        logo_height = 11 * mm
        try:
            from reportlab.lib.utils import ImageReader

            image = ImageReader(str(frame.logo))
            iw, ih = image.getSize()
            logo_width = logo_height * iw / ih if ih else logo_height
            canvas.drawImage(
                image,
                x,
                top - logo_height + 3 * mm,
                logo_width,
                logo_height,
                mask="auto",
            )
            x += logo_width + 3 * mm
        except OSError:
            pass
    canvas.setFont(FONT_BOLD, 11)
    canvas.setFillColor(ACCENT)
    canvas.drawString(x, top - 2 * mm, frame.municipality)
    canvas.setFont(FONT, 8)
    canvas.setFillColor(MUTED)
    title = frame.title
    room = (
        width
        - 2 * MARGIN
        - (x - MARGIN)
        - pdfmetrics.stringWidth(frame.municipality, FONT_BOLD, 11)
    )
    while len(title) > 4 and pdfmetrics.stringWidth(title, FONT, 8) > room - 20:
        title = title[:-2].rstrip() + "…"
    canvas.drawRightString(width - MARGIN, top - 2 * mm, title)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, top - 5 * mm, width - MARGIN, top - 5 * mm)
    # Footer: rule, print date left; the page number is drawn by NumberedCanvas.
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, MARGIN - 4 * mm, width - MARGIN, MARGIN - 4 * mm)
    canvas.setFont(FONT, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, MARGIN - 8 * mm, frame.printed)
    canvas.restoreState()


def content_height(is_landscape: bool) -> float:
    """The height of the body frame (between page header and footer)."""
    page_height = landscape(A4)[1] if is_landscape else A4[1]
    return float(page_height - (MARGIN + HEADER_HEIGHT - 6 * mm) - MARGIN)


def content_width(is_landscape: bool) -> float:
    page_width = landscape(A4)[0] if is_landscape else A4[0]
    return float(page_width - 2 * MARGIN)


def build_pdf(
    path: Path,
    story: list[Flowable],
    frame: PageFrame,
    *,
    is_landscape: bool = False,
    subject: str = "",
) -> None:
    """Lay out ``story`` into ``path``: written to a temporary file in the same folder
    and renamed when complete, so a failure leaves no partial file behind."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    # Created like any new file (the umask applies), unlike mkstemp's 0600.
    os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    try:
        pagesize = landscape(A4) if is_landscape else A4
        doc = BaseDocTemplate(
            str(temp),
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_HEIGHT - 6 * mm,  # as in content_height()
            bottomMargin=MARGIN,
            title=frame.title,
            author=frame.municipality,
            subject=subject,
            creator="Stad Desktop",
            # Otherwise every page also references the (unembedded) Helvetica.
            initialFontName=FONT,
        )
        body = Frame(
            doc.leftMargin,
            doc.bottomMargin,
            doc.width,
            doc.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates(
            [
                PageTemplate(
                    id="page",
                    frames=[body],
                    onPage=lambda canvas, d: _draw_frame(frame, canvas, d),
                )
            ]
        )
        try:
            doc.build(story, canvasmaker=_numbered_canvas(frame))
        except LayoutError as exc:  # pragma: no cover - a bug in a renderer
            raise ReportError(str(exc)) from exc
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def page_frame(
    tr: Translator,
    *,
    municipality: str,
    title: str,
    today: dt.date,
    logo: Path | str | None,
) -> PageFrame:
    pattern = tr._("Page {page} of {pages}")
    return PageFrame(
        municipality=municipality,
        title=title,
        printed=tr._("Printed {date}").format(date=format_date(today, tr, "long")),
        page_text=lambda page, pages: pattern.format(page=page, pages=pages),
        logo=Path(logo) if logo else None,
    )
