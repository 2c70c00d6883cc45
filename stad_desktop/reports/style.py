"""The look shared by every printout: embedded font, colours, paragraph styles and
the markup helpers for text in paragraphs.

ReportLab is imported here, so this module is only imported when a printout is
made (``stad_desktop.reports`` itself stays cheap to import).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from stad_desktop import paths
from stad_desktop.model.palette import LACKING, role_colour
from stad_desktop.services.readmodels import RoleView

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


def role_colours(role: RoleView) -> tuple[colors.Color, colors.Color]:
    """The fill and ink of ``role``, from the palette the screens use too."""
    colour = role_colour(role.code, role.position)
    return colors.HexColor(colour.fill), colors.HexColor(colour.ink)


# A role expected without an agreed contribution: the screens' amber.
LACKING_FILL = colors.HexColor(LACKING.fill)
LACKING_INK = colors.HexColor(LACKING.ink)


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
    cell_centre: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    head_centre: ParagraphStyle
    chips: ParagraphStyle
    """Role codes in their colours (the portfolio matrix), centred."""


def make_styles() -> Styles:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, textColor=INK)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    head = {"fontName": FONT_BOLD, "fontSize": 7.5, "leading": 9.5, "textColor": ACCENT}
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
        cell_centre=style("cell_centre", fontSize=8.5, leading=11, alignment=TA_CENTER),
        head=style("head", **head),
        head_right=style("head_right", alignment=TA_RIGHT, **head),
        head_centre=style("head_centre", alignment=TA_CENTER, **head),
        chips=style("chips", fontName=FONT_BOLD, fontSize=7.5, leading=10.5, alignment=TA_CENTER),
    )


def esc(text: object) -> str:
    """Text for a Paragraph: markup characters escaped, line breaks kept."""
    value = str(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\n", "<br/>")


def tinted(text: object, colour: colors.Color) -> str:
    """Paragraph markup for ``text`` in ``colour``."""
    return f'<font color="#{colour.hexval()[2:]}">{esc(text)}</font>'


def chip(text: object, role: RoleView) -> str:
    """Paragraph markup for a role's short code in the role's ink on its fill."""
    fill, ink = role_colours(role)
    return (
        f'<font color="#{ink.hexval()[2:]}" backColor="#{fill.hexval()[2:]}">'
        f"\u00a0{esc(text)}\u00a0</font>"
    )


def para(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text), style)
