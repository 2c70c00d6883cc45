"""The actors x projects matrix of the portfolio overview.

The matrix is printed where it can be read on paper: every project column headed
with the project's name (not a number to look up). By default that is when all
the projects fit across one page; with more, it is left out (with a note saying
so) unless it is asked for, and then it comes in slices of named columns.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from stad_desktop.language import Translator
from stad_desktop.reports.data import PortfolioData
from stad_desktop.reports.document import Heading
from stad_desktop.reports.labels import sector_text
from stad_desktop.reports.style import (
    ACCENT,
    FONT_BOLD,
    HEADER_BG,
    INK,
    RULE,
    STRIPE,
    SUBTLE,
    Styles,
    chip,
    esc,
    para,
)
from stad_desktop.reports.tables import FastTable, section
from stad_desktop.services.readmodels import ProjectRef

# A project column is at least NAMED_WIDTH wide (room for its name on a few lines)
# and at most MAX_WIDTH; the actor and sector columns come first.
NAMED_WIDTH = 56.0
MAX_WIDTH = 96.0
ACTOR_WIDTH = 180.0
SECTOR_WIDTH = 92.0
CODE_SIZE = 7.5
CODE_LEADING = 8.5
CELL_PADDING = 1.0
HEADER_PADDING = 3.0
# Room the heading, the introduction and the first rows need together.
OPENING_ROOM = 220


class MatrixSection:
    def __init__(self, data: PortfolioData, tr: Translator, styles: Styles, width: float) -> None:
        self.data = data
        self.tr = tr
        self.s = styles
        self.width = width
        self.room = width - ACTOR_WIDTH - SECTOR_WIDTH
        self.per_slice = max(1, int(self.room // NAMED_WIDTH))

    @property
    def readable(self) -> bool:
        """True when every project fits across one page with its name."""
        return len(self.data.matrix.projects) <= self.per_slice

    def story(self, wanted: bool | None = None) -> list[Flowable]:
        """The matrix: where readable (``wanted`` None), always (True) or never (False)."""
        tr, s, m = self.tr, self.s, self.data.matrix
        if wanted is False or not m.projects:
            return []
        if wanted is None and not self.readable:
            note = tr._(
                "The actors and projects matrix is left out: {count} projects do not fit "
                "across a page with their names. Choose fewer phases or areas, or ask for "
                "the matrix."
            ).format(count=len(m.projects))
            return [Spacer(1, 6), para(note, s.small)]
        heading = Heading(tr._("Actors and projects"), s.h2)
        if not m.cells:
            return [CondPageBreak(120), *section(heading, para(tr._("No actors yet."), s.body))]
        legend = [
            f"<b>{chip(role.short_in(tr.lang), role)}</b>\u00a0{esc(role.name.get(tr.lang))}"
            for role in m.roles
        ]
        legend.append("<b>•</b>\u00a0" + esc(tr._("takes part, no role yet")))
        out: list[Flowable] = [
            CondPageBreak(OPENING_ROOM),
            heading,
            para(tr._("Which roles each actor has in each project."), s.body),
            Spacer(1, 2),
            Paragraph("   ".join(legend), s.small),
            Spacer(1, 6),
        ]
        projects = list(m.projects)
        slices = [projects[i : i + self.per_slice] for i in range(0, len(projects), self.per_slice)]
        mark_width = min(MAX_WIDTH, self.room / len(slices[0]))
        numbers = {p.row.id: p.number for p in self.data.projects}
        for chunk in slices:
            table = self._table(chunk, numbers, mark_width)
            if len(slices) == 1:
                out += [table, Spacer(1, 10)]
                continue
            title = tr._("Projects {first}–{last} of {total}").format(
                first=numbers[chunk[0].id], last=numbers[chunk[-1].id], total=len(projects)
            )
            out += [*section(Heading(title, s.h3, level=1), table), Spacer(1, 10)]
        return out

    def _table(
        self, chunk: list[ProjectRef], numbers: dict[str, int], mark_width: float
    ) -> FastTable:
        tr, s, m = self.tr, self.s, self.data.matrix
        header: list[object] = [para(tr._("Actor"), s.head), para(tr._("Sector"), s.head)]
        header += [para(f"{numbers[p.id]}. {p.name}", s.head_centre) for p in chunk]
        rows: list[list[object]] = [header]
        roles = {role.id: role for role in m.roles}
        wanted = {p.id for p in chunk}
        members = {actor_id for actor_id, project_id in m.cells if project_id in wanted}
        for actor in m.actors:
            if actor.id not in members:
                continue
            row: list[object] = [
                para(actor.name, s.cell_bold),
                para(sector_text(tr, actor.sector), s.cell_small),
            ]
            for project in chunk:
                role_ids = m.cells.get((actor.id, project.id))
                if role_ids is None:
                    row.append("")
                elif not role_ids:
                    row.append("•")
                else:  # each code in its role's colours, as on screen
                    codes = [roles[r] for r in role_ids if r in roles]
                    chips = " ".join(chip(role.short_in(tr.lang), role) for role in codes)
                    row.append(Paragraph(chips, s.chips))
            rows.append(row)
        widths = [ACTOR_WIDTH, SECTOR_WIDTH, *([mark_width] * len(chunk))]
        table = FastTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        # A lean style: a long matrix has many cells, and each command costs per cell.
        table.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT_BOLD, CODE_SIZE, CODE_LEADING),
                ("TEXTCOLOR", (0, 0), (-1, -1), ACCENT),
                ("TEXTCOLOR", (0, 1), (1, -1), INK),
                ("TEXTCOLOR", (1, 1), (1, -1), SUBTLE),
                ("ALIGN", (2, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (2, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (2, 0), (-1, -1), CELL_PADDING),
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
