"""Render the portfolio overview (A4 landscape) from :class:`PortfolioData`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from stad_desktop.format import format_percent
from stad_desktop.language import Translator
from stad_desktop.model import Phase, Sector
from stad_desktop.reports.charts import horizontal_bars, vertical_bars
from stad_desktop.reports.data import PortfolioData, PortfolioProject
from stad_desktop.reports.labels import enum_text, period_text, sector_text
from stad_desktop.reports.layout import (
    ACCENT,
    BUSY,
    FONT,
    FONT_BOLD,
    HEADER_BG,
    INK,
    RULE,
    STRIPE,
    SUBTLE,
    FastTable,
    ProgressBar,
    RotatedLabel,
    build_pdf,
    content_height,
    content_width,
    data_table,
    esc,
    fit,
    layout_table,
    make_styles,
    page_frame,
    para,
    register_fonts,
    section,
)
from stad_desktop.services.readmodels import ProjectRef

# Column widths of the actors x projects matrix (landscape A4). Project columns
# are at least MARK_WIDTH wide (as many as fit make a slice) and share the rest of
# the page up to MAX_MARK_WIDTH; from NAMED_MARK_WIDTH on, a column is headed with
# the project's number and name, otherwise with its number only.
MARK_WIDTH = 26.0
MAX_MARK_WIDTH = 80.0
NAMED_MARK_WIDTH = 56.0
# At most this many lines of project name in a column header, and the room
# either side of it.
HEADER_NAME_LINES = 3
HEADER_PADDING = 3.0
ACTOR_WIDTH = 180.0
SECTOR_WIDTH = 92.0
# Row heights of the matrix, as ReportLab computes them from its table style:
# 3 pt padding above and below (the default), the 8 pt name (leading 9.6) or the
# role codes, four to a line (leading 8.5).
MARK_LEADING = 8.5
MATRIX_ROW = 6 + 8 * 1.2
PAGE_SAFETY = 4.0


def _matrix_row_height(row: list[object]) -> float:
    lines = max((str(cell).count("\n") + 1 for cell in row[2:]), default=1)
    return 6 + max(8 * 1.2, lines * MARK_LEADING)


def _height(flowable: Flowable, width: float, page: float) -> float:
    """The height ``flowable`` takes in the frame, with the space around it."""
    return float(
        flowable.wrap(width, page)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    )


def _header_name(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A column header of at most HEADER_NAME_LINES lines, shortened with "…"."""
    label = text
    while True:
        header = Paragraph(esc(label), style)
        header.wrap(width, 1000)
        if len(header.blPara.lines) <= HEADER_NAME_LINES or len(label) <= 2:
            return header
        label = label.removesuffix("…")[:-1].rstrip() + "…"


class _MatrixAtLayout(Flowable):
    """Stands in for the matrix tables until layout, when the room left on the page
    is known: asked to split there, it hands over the tables cut to that room."""

    def __init__(self, make: Callable[[float], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height + 1  # never fits: the frame asks for a split

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # The first piece must fit as it is: an empty spacer always does.
        return [Spacer(1, 0), *self.make(avail_height)]

    def draw(self) -> None:  # pragma: no cover - always split, never drawn
        pass


class Portfolio:
    def __init__(self, data: PortfolioData, tr: Translator) -> None:
        self.data = data
        self.tr = tr
        self.s = make_styles()
        self.width = content_width(True)

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.title_block()
        story += self.project_table()
        story += self.charts()
        story += self.matrix()
        if self.data.include_contacts:
            story += self.contacts()
        return story

    def title_block(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        taking_part = sum(self.data.sector_actors.values())
        return [
            para(tr._("Portfolio overview"), s.kicker),
            para(tr._("Co-creation projects"), s.title),
            Spacer(1, 2),
            para(
                tr._("Active projects: {projects}. Actors taking part: {actors}.").format(
                    projects=len(self.data.projects), actors=taking_part
                ),
                s.lead,
            ),
        ]

    def charts(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        half = self.width / 2
        phases = list(Phase)
        by_phase = vertical_bars(
            [enum_text(tr, Phase, p.value) for p in phases],
            [self.data.phase_counts.get(p.value, 0) for p in phases],
            width=half - 20,
            height=150,
        )
        sectors = list(Sector)
        by_sector = horizontal_bars(
            [sector_text(tr, sector.value) for sector in sectors],
            [self.data.sector_actors.get(sector.value, 0) for sector in sectors],
            width=half - 20,
            height=150,
        )
        table = layout_table(
            [
                [para(tr._("Projects per phase"), s.h3), para(tr._("Actors per sector"), s.h3)],
                [by_phase, by_sector],
            ],
            [half, half],
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        )
        return [KeepTogether([para(tr._("Key figures"), s.h2), table])]

    def _indicator_cell(self, project: PortfolioProject) -> object:
        tr, s = self.tr, self.s
        if not project.key_indicators:
            return para("–", s.cell_small)
        cell: list[Flowable] = []
        for ind in project.key_indicators:
            cell.append(para(ind.name, s.cell_small))
            progress = ind.progress
            if progress is not None:
                cell.append(ProgressBar(progress, format_percent(progress, tr), width=150))
            else:
                cell.append(para(tr._("No progress to show yet."), s.cell_small))
        more = project.indicator_count - len(project.key_indicators)
        if more > 0:
            cell.append(para(tr._("and {count} more").format(count=more), s.cell_small))
        return cell

    def project_table(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        heading = para(tr._("Active projects"), s.h2)
        if not self.data.projects:
            return section(heading, para(tr._("No active projects."), s.body))
        sectors = list(Sector)
        header: list[object] = [
            para("#", s.head_right),
            para(tr._("Project"), s.head),
            para(tr._("Phase"), s.head),
            para(tr._("Project owner"), s.head),
            *[RotatedLabel(sector_text(tr, sector.value)) for sector in sectors],
            RotatedLabel(tr._("Actors in all")),
            RotatedLabel(tr._("Warnings")),
            para(tr._("Key indicators"), s.head),
        ]
        widths = [20.0, 160.0, 78.0, 110.0, *([22.0] * len(sectors)), 26.0, 24.0]
        widths.append(self.width - sum(widths))
        first_count = 4
        last_count = first_count + len(sectors) + 1
        rows: list[list[object]] = [header]
        extra: list[tuple[object, ...]] = [
            ("ALIGN", (first_count, 1), (last_count, -1), "CENTER"),
            ("LINEBEFORE", (first_count, 0), (last_count + 1, -1), 0.25, RULE),
            ("FONT", (last_count - 1, 1), (last_count - 1, -1), FONT_BOLD, 8.5),
        ]
        for index, project in enumerate(self.data.projects, start=1):
            row = project.row
            counts = [project.sector_counts.get(sector.value, 0) for sector in sectors]
            rows.append(
                [
                    para(str(project.number), s.cell_right),
                    [
                        para(row.name, s.cell_bold),
                        para(period_text(tr, row.start_date, row.end_date), s.cell_small),
                    ],
                    para(enum_text(tr, Phase, row.phase), s.cell),
                    para(row.owner_name or "–", s.cell),
                    *[str(c) if c else "" for c in counts],
                    str(project.actor_total),
                    str(row.warning_count) if row.warning_count else "",
                    self._indicator_cell(project),
                ]
            )
            if row.warning_count:
                extra.append(("TEXTCOLOR", (last_count, index), (last_count, index), BUSY))
        table = data_table(rows, widths, *extra)
        note = para(
            tr._(
                "Actors per sector count each actor once per project. Warnings are "
                "reminders from the co-creation advice (see each project summary)."
            ),
            s.small,
        )
        return section(heading, table, Spacer(1, 3), note)

    def matrix(self) -> list[Flowable]:
        """Actors x projects, in slices of as many project columns as fit across the
        page. Each slice lists only the actors taking part in its projects, and is
        cut into page-sized tables here (each with the header row) rather than
        left to ReportLab's repeated splitting, which is slow for long tables."""
        tr, s, m = self.tr, self.s, self.data.matrix
        heading = para(tr._("Actors and projects"), s.h2)
        numbers = {p.row.id: p.number for p in self.data.projects}
        projects = [p for p in m.projects if p.id in numbers]
        if not projects or not m.cells:
            return [CondPageBreak(120), *section(heading, para(tr._("No actors yet."), s.body))]
        legend_parts = [
            f"<b>{esc(role.short)}</b> {esc(role.name.get(tr.lang))}" for role in m.roles
        ]
        legend_parts.append("<b>•</b> " + esc(tr._("takes part, no role yet")))
        intro = para(
            tr._(
                "Which roles each actor has in each project. Columns are numbered "
                "as in the list of active projects."
            ),
            s.body,
        )
        page = content_height(True)
        opening: list[Flowable] = [
            heading,
            intro,
            Spacer(1, 2),
            Paragraph("   ".join(legend_parts), s.small),
            Spacer(1, 6),
        ]
        room_for_marks = self.width - ACTOR_WIDTH - SECTOR_WIDTH
        per_slice = max(1, int(room_for_marks // MARK_WIDTH))
        slices = [projects[i : i + per_slice] for i in range(0, len(projects), per_slice)]
        # Every slice has the same column width: the widest that fits the fullest one.
        mark_width = min(MAX_MARK_WIDTH, room_for_marks / min(per_slice, len(projects)))
        members: dict[str, set[str]] = {}
        for actor_id, project_id in m.cells:
            members.setdefault(project_id, set()).add(actor_id)

        # The heading, intro and legend go to a new page only when they and the
        # start of the matrix do not fit below the charts.
        first_header = self._matrix_header(slices[0], numbers, mark_width)
        first_widths = [ACTOR_WIDTH, SECTOR_WIDTH, *([mark_width] * len(slices[0]))]
        wanted_room = sum(_height(f, self.width, page) for f in opening) + _height(
            self._matrix_table([first_header], first_widths), self.width, page
        )
        out: list[Flowable] = [CondPageBreak(wanted_room + 4 * MATRIX_ROW), *opening]
        # What is left of the page is only known at layout time: measured there.
        out.append(
            _MatrixAtLayout(
                lambda room: self._matrix_slices(room, slices, numbers, members, mark_width)
            )
        )
        return out

    def _matrix_header(
        self, chunk: list[ProjectRef], numbers: dict[str, int], mark_width: float
    ) -> list[object]:
        tr, s = self.tr, self.s
        header: list[object] = [para(tr._("Actor"), s.head), para(tr._("Sector"), s.head)]
        if mark_width >= NAMED_MARK_WIDTH:
            header += [
                _header_name(
                    f"{numbers[p.id]}. {p.name}", s.head_centre, mark_width - 2 * HEADER_PADDING
                )
                for p in chunk
            ]
        else:
            header += [para(str(numbers[p.id]), s.head_centre) for p in chunk]
        return header

    def _matrix_slices(
        self,
        room: float,
        slices: list[list[ProjectRef]],
        numbers: dict[str, int],
        members: dict[str, set[str]],
        mark_width: float,
    ) -> list[Flowable]:
        """The matrix tables, cut to pages; ``room`` is what is left of the first."""
        tr, s, m = self.tr, self.s, self.data.matrix
        page = content_height(True)
        projects = [p for chunk in slices for p in chunk]
        out: list[Flowable] = []
        for chunk in slices:
            widths = [ACTOR_WIDTH, SECTOR_WIDTH, *([mark_width] * len(chunk))]
            header = self._matrix_header(chunk, numbers, mark_width)
            header_height = _height(self._matrix_table([header], widths), self.width, page)
            title: list[Flowable] = []
            if len(slices) > 1:
                text = tr._("Projects {first}–{last} of {total}").format(
                    first=numbers[chunk[0].id], last=numbers[chunk[-1].id], total=len(projects)
                )
                title = [para(text, s.h3)]
            title_height = sum(_height(f, self.width, page) for f in title)
            if room < title_height + header_height + 3 * MATRIX_ROW:
                out.append(PageBreak())
                room = page
            out += title
            room -= title_height
            wanted: set[str] = set()
            for project in chunk:
                wanted |= members.get(project.id, set())
            rows: list[list[object]] = []
            used = header_height
            for actor in m.actors:
                if actor.id not in wanted:
                    continue
                row = self._matrix_row(actor.id, actor.name, actor.sector, chunk)
                height = _matrix_row_height(row)
                if rows and used + height > room - PAGE_SAFETY:
                    out += [self._matrix_table([header, *rows], widths), PageBreak()]
                    rows, used, room = [], header_height, page
                rows.append(row)
                used += height
            out += [self._matrix_table([header, *rows], widths), Spacer(1, 10)]
            room -= used + 10
        return out

    def _matrix_row(
        self, actor_id: str, name: str, sector: str, chunk: list[ProjectRef]
    ) -> list[object]:
        cells: list[object] = [
            fit(name, FONT_BOLD, 8, ACTOR_WIDTH - 12),
            fit(sector_text(self.tr, sector), FONT, 8, SECTOR_WIDTH - 12),
        ]
        for project in chunk:
            codes = self.data.matrix.cells.get((actor_id, project.id))
            if codes is None:
                cells.append("")
            elif not codes:
                cells.append("•")
            else:
                text = "".join(codes)
                cells.append("\n".join(text[i : i + 4] for i in range(0, len(text), 4)))
        return cells

    @staticmethod
    def _matrix_table(rows: list[list[object]], widths: list[float]) -> Table:
        """The matrix with a lean style: the few commands each cell needs (a long
        matrix has tens of thousands of cells, and each command costs per cell)."""
        table = FastTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT_BOLD, 7.5, MARK_LEADING),
                ("FONT", (0, 1), (0, -1), FONT_BOLD, 8),
                ("FONT", (1, 1), (1, -1), FONT, 8),
                ("TEXTCOLOR", (0, 0), (-1, -1), ACCENT),
                ("TEXTCOLOR", (0, 1), (0, -1), INK),
                ("TEXTCOLOR", (1, 1), (1, -1), SUBTLE),
                ("ALIGN", (2, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("LEFTPADDING", (2, 0), (-1, -1), 1),
                ("RIGHTPADDING", (2, 0), (-1, -1), 1),
                ("LEFTPADDING", (2, 0), (-1, 0), HEADER_PADDING),
                ("RIGHTPADDING", (2, 0), (-1, 0), HEADER_PADDING),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBEFORE", (2, 0), (-1, -1), 0.25, RULE),
            ]
        )
        return table

    def contacts(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        heading = para(tr._("Contact persons"), s.h2)
        if not self.data.contacts:
            return section(heading, para(tr._("No contact persons registered."), s.body))
        rows: list[list[object]] = [
            [
                para(tr._("Actor"), s.head),
                para(tr._("Contact person"), s.head),
                para(tr._("E-mail"), s.head),
                para(tr._("Phone"), s.head),
            ]
        ]
        for block in self.data.contacts:
            for index, c in enumerate(block.contacts):
                rows.append(
                    [
                        fit(block.actor.name, FONT_BOLD, 8, ACTOR_WIDTH + 32) if index == 0 else "",
                        fit(c.name, FONT, 8.5, 152),
                        fit(c.email, FONT, 8.5, self.width - ACTOR_WIDTH - 308),
                        fit(c.phone, FONT, 8.5, 92),
                    ]
                )
        table = data_table(
            rows,
            [ACTOR_WIDTH + 40, 160, self.width - ACTOR_WIDTH - 300, 100],
            ("FONT", (0, 1), (0, -1), FONT_BOLD, 8),
        )
        return [CondPageBreak(200), *section(heading, table)]


def render_portfolio(
    data: PortfolioData,
    path: Path,
    tr: Translator,
    *,
    municipality: str,
    logo: Path | str | None,
    today: dt.date,
) -> None:
    register_fonts()
    frame = page_frame(
        tr, municipality=municipality, title=tr._("Portfolio overview"), today=today, logo=logo
    )
    build_pdf(path, Portfolio(data, tr).story(), frame, is_landscape=True)
