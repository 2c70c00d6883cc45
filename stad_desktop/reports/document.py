"""The page frame of every printout and the writing of the PDF file.

Header (municipality, logo, title), footer (print date, "Side X av Y"), the
document's title, language and outline (bookmarks for every heading), and the
atomic write: a failure leaves no partial file behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from stad_desktop.fileio import atomic_write
from stad_desktop.format import format_date
from stad_desktop.language import Translator
from stad_desktop.reports.style import (
    ACCENT,
    FONT,
    FONT_BOLD,
    MUTED,
    RULE,
    ReportError,
    esc,
)

MARGIN = 18 * mm
HEADER_HEIGHT = 16 * mm
FOOTER_HEIGHT = 12 * mm
# The language tag of the PDF (read aloud by screen readers in that language).
PDF_LANGUAGES = {"nn": "nn-NO", "nb": "nb-NO", "en": "en-GB"}
# The municipality's name takes at most this share of the header's width.
MUNICIPALITY_SHARE = 0.45


class Heading(Paragraph):
    """A heading that is also an entry of the PDF's outline (bookmarks)."""

    def __init__(self, text: str, style: ParagraphStyle, level: int = 0) -> None:
        super().__init__(esc(text), style)
        self.outline_text = text
        self.outline_level = level


@dataclass(frozen=True)
class PageFrame:
    """What every page carries: municipality and logo, title, print date, page X of Y."""

    municipality: str
    title: str
    printed: str
    page_text: Callable[[int, int], str]
    logo: Path | None = None
    lang: str = "nn"


def _numbered_canvas(frame: PageFrame) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers each page until the end, so the footer can say "Page 2 of 5".
        Bookmarks are kept with their page and set when the page is written."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._marks: list[list[str]] = [[]]

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # type: ignore[override]
            self._marks[-1].append(key)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._marks.append([])
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            marks = self._marks
            for number, state in enumerate(self._pages):
                self.__dict__.update(state)
                for key in marks[number]:
                    Canvas.bookmarkPage(self, key, fit="XYZ", top=None, left=None, zoom=None)
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


def _header_paragraph(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A header text wrapped to ``width`` (drawn from its last line upwards)."""
    paragraph = Paragraph(esc(text), style)
    paragraph.wrap(width, 1000)
    return paragraph


def _draw_frame(frame: PageFrame, canvas: Canvas, doc: BaseDocTemplate) -> None:
    width, height = doc.pagesize
    top = height - MARGIN + 2 * mm
    rule = top - 5 * mm
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
    # Municipality left, title right, both whole: a long one wraps onto more lines
    # above the rule instead of being cut.
    room = width - MARGIN - x
    name_style = ParagraphStyle(
        "header_name", fontName=FONT_BOLD, fontSize=11, leading=13, textColor=ACCENT
    )
    name_width = min(
        pdfmetrics.stringWidth(frame.municipality, FONT_BOLD, 11) + 1,
        room * MUNICIPALITY_SHARE,
    )
    name = _header_paragraph(frame.municipality, name_style, name_width)
    name.drawOn(canvas, x, rule + 1.5 * mm)
    title_style = ParagraphStyle(
        "header_title",
        fontName=FONT,
        fontSize=8,
        leading=9.5,
        textColor=MUTED,
        alignment=TA_RIGHT,
    )
    title_width = room - name_width - 20
    title = _header_paragraph(frame.title, title_style, title_width)
    title.drawOn(canvas, width - MARGIN - title_width, rule + 1.5 * mm)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, rule, width - MARGIN, rule)
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


class _Document(BaseDocTemplate):
    """Adds every :class:`Heading` to the outline, on the page where it is drawn."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Heading):
            return
        count = getattr(self, "_outline_count", 0) + 1
        self._outline_count = count
        if count == 1:
            self.canv.showOutline()  # the reader opens with the bookmarks shown
        key = f"heading-{count}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.outline_text, key, level=flowable.outline_level)


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
    with atomic_write(path) as handle:
        pagesize = landscape(A4) if is_landscape else A4
        doc = _Document(
            handle.name,
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_HEIGHT - 6 * mm,  # as in content_height()
            bottomMargin=MARGIN,
            title=frame.title,
            author=frame.municipality,
            subject=subject,
            creator="Stad Desktop",
            lang=PDF_LANGUAGES.get(frame.lang, frame.lang),
            displayDocTitle=True,
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
        lang=tr.lang,
    )
