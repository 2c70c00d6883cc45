"""Render the portfolio overview (A4 landscape) from :class:`PortfolioData`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from stad_desktop.format import format_percent
from stad_desktop.language import Translator
from stad_desktop.model import Phase, Sector
from stad_desktop.reports.charts import horizontal_bars, vertical_bars
from stad_desktop.reports.contacts import contacts_section
from stad_desktop.reports.data import PortfolioData, PortfolioProject
from stad_desktop.reports.document import (
    Heading,
    build_pdf,
    content_width,
    page_frame,
)
from stad_desktop.reports.labels import enum_text, period_text, sector_text
from stad_desktop.reports.portfolio_matrix import MatrixSection
from stad_desktop.reports.style import (
    BUSY,
    FONT,
    FONT_BOLD,
    RULE,
    esc,
    make_styles,
    para,
    register_fonts,
)
from stad_desktop.reports.tables import (
    LabelledLines,
    OnceParagraph,
    ProgressBar,
    RotatedLabel,
    WithNote,
    data_table,
    layout_table,
    section,
)

# Width of the key-indicator bars in the project table.
KEY_BAR_WIDTH = 64.0


def cell_para(text: object, style: ParagraphStyle) -> OnceParagraph:
    """A paragraph of the project table: measured many times as the table is split
    across pages, its lines broken once."""
    return OnceParagraph(esc(text), style)


class Portfolio:
    def __init__(self, data: PortfolioData, tr: Translator, *, matrix: bool | None = None) -> None:
        self.data = data
        self.tr = tr
        self.s = make_styles()
        self.width = content_width(True)
        self.matrix_wanted = matrix

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.title_block()
        if not self.data.projects:
            return story + self.no_projects()
        story += self.project_table()
        story += self.charts()
        story += MatrixSection(self.data, self.tr, self.s, self.width).story(self.matrix_wanted)
        if self.data.include_contacts:
            story += [
                CondPageBreak(200),
                *contacts_section(self.data.contacts, self.tr, self.s, self.width),
            ]
        return story

    def title_block(self) -> list[Flowable]:
        tr, s, data = self.tr, self.s, self.data
        taking_part = sum(data.sector_actors.values())
        if data.active_only:
            lead = tr._("Active projects: {projects}. Actors taking part: {actors}.")
        else:
            lead = tr._("Projects shown: {projects}. Actors taking part: {actors}.")
        out: list[Flowable] = [
            para(tr._("Portfolio overview"), s.kicker),
            Heading(tr._("Co-creation projects"), s.title),
            Spacer(1, 2),
        ]
        if data.projects:
            out.append(para(lead.format(projects=len(data.projects), actors=taking_part), s.lead))
        out += self.backlog()
        if not data.active_only:
            phases = ", ".join(enum_text(tr, Phase, phase) for phase in data.phases)
            chosen = tr._("Phases: {phases}.").format(phases=phases)
            if data.areas:
                chosen += " " + tr._("Areas: {areas}.").format(areas=", ".join(data.areas))
            out.append(para(chosen, s.body))
        return out

    def backlog(self) -> list[Flowable]:
        """How much input has waited more than the backlog's weeks for an answer."""
        tr, s, backlog = self.tr, self.s, self.data.backlog
        if backlog is None:
            return []
        if not backlog.total:
            text = tr._("No input has waited more than {weeks} weeks for an answer.")
            return [para(text.format(weeks=backlog.weeks), s.body)]
        villages = ", ".join(
            tr._("{village} {count}").format(village=v.village or tr._("no village"), count=v.count)
            for v in backlog.villages
        )
        text = tr._(
            "Input awaiting an answer for more than {weeks} weeks: {count} ({villages})."
        ).format(weeks=backlog.weeks, count=backlog.total, villages=villages)
        return [para(text, s.body)]

    def no_projects(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        if self.data.active_only:
            text = tr._("There are no active projects.")
        else:
            text = tr._("No project matches the chosen phases and areas.")
        return [para(text, s.lead)]

    def charts(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        half = self.width / 2
        phases = list(self.data.phase_counts)
        by_phase = vertical_bars(
            [enum_text(tr, Phase, phase) for phase in phases],
            [self.data.phase_counts[phase] for phase in phases],
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
        return [KeepTogether([Heading(tr._("Key figures"), s.h2), table])]

    def _indicator_cell(self, project: PortfolioProject, width: float) -> Flowable:
        """One line per key indicator: its name, and its progress as a bar."""
        tr, s = self.tr, self.s
        if not project.key_indicators:
            return cell_para("–", s.cell_small)
        lines: list[tuple[Flowable, Flowable | None]] = []
        for ind in project.key_indicators:
            progress = ind.progress
            bar = (
                ProgressBar(progress, format_percent(progress, tr), width=KEY_BAR_WIDTH)
                if progress is not None
                else cell_para(tr._("No progress to show yet."), s.cell_small)
            )
            lines.append((cell_para(ind.name, s.cell_small), bar))
        more = project.indicator_count - len(project.key_indicators)
        if more > 0:
            text = tr._("and {count} more").format(count=more)
            lines.append((cell_para(text, s.cell_small), None))
        return LabelledLines(lines, width, side=KEY_BAR_WIDTH + 4, gap=4, below=1)

    def project_table(self) -> list[Flowable]:
        tr, s, data = self.tr, self.s, self.data
        title = tr._("Active projects") if data.active_only else tr._("Projects")
        sectors = list(Sector)
        header: list[object] = [
            para("#", s.head_right),
            para(tr._("Project"), s.head),
            para(tr._("Phase"), s.head),
            para(tr._("Project owner"), s.head),
            *[RotatedLabel(sector_text(tr, sector.value)) for sector in sectors],
            RotatedLabel(tr._("Total actors")),
            RotatedLabel(tr._("Warnings")),
            RotatedLabel(tr._("Awaiting answer")),
            para(tr._("Key indicators"), s.head),
        ]
        # The phase column fits the longest phase name of the language on one line.
        phase_width = 8 + max(
            stringWidth(enum_text(tr, Phase, phase.value), FONT, s.cell.fontSize) for phase in Phase
        )
        widths = [26.0, 148.0, phase_width, 100.0, *([20.0] * len(sectors)), 24.0, 22.0, 22.0]
        widths.append(self.width - sum(widths))
        first_count = 4
        last_count = first_count + len(sectors) + 1
        rows: list[list[object]] = [header]
        extra: list[tuple[object, ...]] = [
            ("ALIGN", (first_count, 1), (last_count + 1, -1), "CENTER"),
            ("LINEBEFORE", (first_count, 0), (last_count + 2, -1), 0.25, RULE),
            ("FONT", (last_count - 1, 1), (last_count - 1, -1), FONT_BOLD, 8.5),
        ]
        indicator_width = widths[-1] - 8
        for index, project in enumerate(data.projects, start=1):
            row = project.row
            counts = [project.sector_counts.get(sector.value, 0) for sector in sectors]
            rows.append(
                [
                    cell_para(str(project.number), s.cell_right),
                    [
                        cell_para(row.name, s.cell_bold),
                        cell_para(period_text(tr, row.start_date, row.end_date), s.cell_small),
                    ],
                    cell_para(enum_text(tr, Phase, row.phase), s.cell),
                    cell_para(row.owner_name or "–", s.cell),
                    *[str(c) if c else "" for c in counts],
                    str(project.actor_total),
                    str(row.warning_count) if row.warning_count else "",
                    str(project.awaiting_answer) if project.awaiting_answer else "",
                    self._indicator_cell(project, indicator_width),
                ]
            )
            if row.warning_count:
                extra.append(("TEXTCOLOR", (last_count, index), (last_count, index), BUSY))
            if project.awaiting_answer:
                waiting = last_count + 1
                extra.append(("TEXTCOLOR", (waiting, index), (waiting, index), BUSY))
        weeks = data.backlog.weeks if data.backlog is not None else 0
        note = para(
            tr._(
                "Actors per sector count each actor once per project. Warnings are "
                "reminders from the co-creation advice (see each project summary)."
            )
            + " "
            + tr._(
                "Awaiting answer: input linked to the project with no answer after {weeks} weeks."
            ).format(weeks=weeks),
            s.small,
        )
        table = WithNote(data_table(rows, widths, *extra), note)
        return section(Heading(title, s.h2), table)


def render_portfolio(
    data: PortfolioData,
    path: Path,
    tr: Translator,
    *,
    municipality: str,
    logo: Path | str | None,
    today: dt.date,
    matrix: bool | None = None,
) -> None:
    register_fonts()
    frame = page_frame(
        tr, municipality=municipality, title=tr._("Portfolio overview"), today=today, logo=logo
    )
    story = Portfolio(data, tr, matrix=matrix).story()
    build_pdf(path, story, frame, is_landscape=True, subject=tr._("Co-creation projects"))
