"""Render the project summary (A4 portrait) from :class:`ProjectSummaryData`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from stad_desktop.format import format_date, format_money, format_number, format_percent
from stad_desktop.language import Translator
from stad_desktop.model import Beneficiary, ChecklistStatus, Phase
from stad_desktop.reports.charts import indicator_chart
from stad_desktop.reports.contacts import contacts_section
from stad_desktop.reports.data import ProjectSummaryData
from stad_desktop.reports.document import Heading, build_pdf, content_width, page_frame
from stad_desktop.reports.input_table import input_table
from stad_desktop.reports.labels import enum_text, period_text
from stad_desktop.reports.style import (
    ACCENT,
    BUSY,
    GOOD,
    IDLE,
    MUTED,
    RULE,
    WARN_BG,
    WARN_RULE,
    Styles,
    esc,
    make_styles,
    para,
    register_fonts,
    tinted,
)
from stad_desktop.reports.summary_actors import ActorSections
from stad_desktop.reports.tables import (
    ProgressBar,
    WithNote,
    data_table,
    layout_table,
    section,
)

STATUS_COLOURS = {
    ChecklistStatus.DONE.value: GOOD,
    ChecklistStatus.IN_PROGRESS.value: BUSY,
    ChecklistStatus.NOT_STARTED.value: IDLE,
    ChecklistStatus.NOT_RELEVANT.value: RULE,
}


def value_cell(
    tr: Translator, value: float | None, when: dt.date | None, styles: Styles
) -> list[Flowable] | str:
    if value is None:
        return "–"
    cell: list[Flowable] = [para(format_number(value, tr), styles.cell_right)]
    if when is not None:
        cell.append(para(format_date(when, tr), styles.cell_small_right))
    return cell


class ProjectSummary:
    def __init__(self, data: ProjectSummaryData, tr: Translator) -> None:
        self.data = data
        self.tr = tr
        self.s = make_styles()
        self.width = content_width(False)
        self.actors = ActorSections(data, tr, self.s, self.width)

    # --- sections -------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.title_block()
        story += self.actors.role_matrix()
        story += self.actors.sector_mix()
        story += self.checklist()
        story += self.indicators()
        story += self.entries()
        story += self.inputs()
        story += self.warnings()
        if self.data.include_contacts:
            story += contacts_section(self.data.contacts, self.tr, self.s, self.width)
        return story

    def title_block(self) -> list[Flowable]:
        tr, s, p = self.tr, self.s, self.data.project
        out: list[Flowable] = [
            para(tr._("Project summary"), s.kicker),
            Heading(p.name, s.title),
            Spacer(1, 4),
        ]
        if p.summary:
            out.append(para(p.summary, s.lead))
        facts: list[tuple[str, str]] = [
            (tr._("Phase"), enum_text(tr, Phase, p.phase)),
            (tr._("Period"), period_text(tr, p.start_date, p.end_date)),
            (tr._("Project owner"), p.owner_name or tr._("Not set")),
        ]
        if p.area:
            facts.append((tr._("Area"), p.area))
        if p.budget_nok is not None:
            facts.append((tr._("Budget"), format_money(p.budget_nok, tr)))
        facts.append((tr._("Common goal"), p.goal or tr._("Not set")))
        facts.append((tr._("Target group"), p.target_group or tr._("Not set")))
        rows = [[para(key, s.label), para(value, s.body)] for key, value in facts]
        table = layout_table(
            rows,
            [110, self.width - 110],
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        )
        out += [Spacer(1, 6), table]
        return out

    def checklist(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        rows: list[list[object]] = [
            [
                para("#", s.head_right),
                para(tr._("Advice"), s.head),
                para(tr._("Status"), s.head),
                para(tr._("Comment"), s.head),
            ]
        ]
        for item in self.data.checklist:
            colour = STATUS_COLOURS.get(item.status, IDLE)
            status = Paragraph(
                tinted("●", colour) + " " + esc(enum_text(tr, ChecklistStatus, item.status)),
                s.cell,
            )
            rows.append(
                [
                    para(str(item.number), s.cell_right),
                    para(item.name.get(tr.lang), s.cell),
                    status,
                    para(item.comment, s.cell_small) if item.comment else "",
                ]
            )
        done = sum(1 for i in self.data.checklist if i.status == ChecklistStatus.DONE.value)
        table = data_table(rows, [22, 215, 85, self.width - 322])
        note = para(
            tr._("{done} of {total} points done.").format(
                done=done, total=len(self.data.checklist)
            ),
            s.small,
        )
        return section(Heading(tr._("Checklist"), s.h2), WithNote(table, note))

    def indicators(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        heading = Heading(tr._("Indicators"), s.h2)
        if not self.data.indicators:
            return section(heading, para(tr._("No indicators yet."), s.body))
        rows: list[list[object]] = [
            [
                para(tr._("Indicator"), s.head),
                para(tr._("Baseline"), s.head_right),
                para(tr._("Target value"), s.head_right),
                para(tr._("Latest measurement"), s.head_right),
                para(tr._("Progress"), s.head),
            ]
        ]
        for series in self.data.indicators:
            ind = series.indicator
            name: list[Flowable] = [para(ind.name, s.cell)]
            if ind.unit:
                name.append(para(ind.unit, s.cell_small))
            progress = ind.progress
            rows.append(
                [
                    name,
                    value_cell(tr, ind.baseline_value, ind.baseline_date, s),
                    value_cell(tr, ind.target_value, ind.target_date, s),
                    value_cell(tr, ind.latest_value, ind.latest_date, s),
                    ProgressBar(progress, format_percent(progress, tr) or "–", width=96)
                    if progress is not None
                    else para("–", s.cell),
                ]
            )
        table = data_table(rows, [self.width - 320, 68, 68, 78, 106])
        out = section(heading, table)
        out += self.charts()
        return out

    def charts(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        half = self.width / 2
        titles: list[Flowable] = []
        charts: list[Flowable] = []
        for series in self.data.indicators:
            ind = series.indicator
            title = esc(ind.name)
            if ind.unit:
                title += " " + tinted(f"({ind.unit})", MUTED)
            titles.append(Paragraph(title, s.h3))
            charts.append(indicator_chart(series, tr, width=half - 8, height=150))
        out: list[Flowable] = [Spacer(1, 8)]
        for start in range(0, len(charts), 2):
            # Titles and charts in rows of their own: a title that takes two lines
            # does not push its chart below the one beside it.
            pad = [""] * (2 - len(charts[start : start + 2]))
            table = layout_table(
                [[*titles[start : start + 2], *pad], [*charts[start : start + 2], *pad]],
                [half, half],
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("VALIGN", (0, 1), (-1, 1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
            )
            out.append(KeepTogether([table]))
        return out

    def entries(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        heading = Heading(tr._("Recent effects and gains"), s.h2)
        entries = self.data.recent_entries
        if not entries:
            return section(heading, para(tr._("No effects noted yet."), s.body))
        header = [
            para(tr._("Date"), s.head),
            para(tr._("What was observed"), s.head),
            para(tr._("For whom"), s.head),
            para(tr._("Source"), s.head),
        ]
        widths = [58.0, 0.0, 92.0, 95.0]
        if self.data.include_contacts:
            header.append(para(tr._("Recorded by"), s.head))
            widths.append(80.0)
        widths[1] = self.width - sum(widths)
        units = {series.indicator.id: series.indicator.unit for series in self.data.indicators}
        rows: list[list[object]] = [header]
        for e in entries:
            what: list[Flowable] = []
            if e.value is not None:
                value = format_number(e.value, tr)
                unit = units.get(e.indicator_id or "", "")
                if unit:
                    value = f"{value} {unit}"
                what.append(Paragraph(f"<b>{esc(e.indicator_name)}:</b> {esc(value)}", s.cell))
            if e.text:
                what.append(para(e.text, s.cell))
            row: list[object] = [
                para(format_date(e.entry_date, tr), s.cell),
                what,
                para(enum_text(tr, Beneficiary, e.beneficiary), s.cell) if e.beneficiary else "",
                para(e.source, s.cell_small) if e.source else "",
            ]
            if self.data.include_contacts:
                row.append(para(e.recorded_by, s.cell_small) if e.recorded_by else "")
            rows.append(row)
        table: Flowable = data_table(rows, widths)
        if self.data.entry_count > len(entries):
            note = tr._("The {shown} most recent of {total} entries.").format(
                shown=len(entries), total=self.data.entry_count
            )
            table = WithNote(table, para(note, s.small))
        return section(heading, table)

    def inputs(self) -> list[Flowable]:
        tr, s, data = self.tr, self.s, self.data
        if not data.inputs:  # left out, as the contacts are when not asked for
            return []
        heading = Heading(tr._("Input from meetings"), s.h2)
        table: Flowable = input_table(
            data.inputs, tr, s, self.width, where=True, topic=True, projects=False
        )
        if data.input_count > len(data.inputs):
            note = tr._("The {shown} most recent of {total} input items.").format(
                shown=len(data.inputs), total=data.input_count
            )
            table = WithNote(table, para(note, s.small))
        return section(heading, table)

    def warnings(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        heading = Heading(tr._("Current warnings"), s.h2)
        warnings = self.data.matrix.warnings
        if not warnings:
            return section(heading, para(tr._("No warnings."), s.body))
        rows = [[para("⚠", s.cell_bold), para(tr.render(w.message), s.cell)] for w in warnings]
        table = layout_table(
            rows,
            [18, self.width - 18],
            ("BACKGROUND", (0, 0), (-1, -1), WARN_BG),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, WARN_RULE),
            ("LINEBELOW", (0, 0), (-1, -2), 0.25, WARN_RULE),
            ("TEXTCOLOR", (0, 0), (0, -1), BUSY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
        note = para(
            tr._("Warnings are reminders from the co-creation advice, not errors."), s.small
        )
        return section(heading, WithNote(table, note))


def render_project_summary(
    data: ProjectSummaryData,
    path: Path,
    tr: Translator,
    *,
    municipality: str,
    logo: Path | str | None,
    today: dt.date,
) -> None:
    register_fonts()
    frame = page_frame(
        tr,
        municipality=municipality,
        title=tr._("Project summary: {project}").format(project=data.project.name),
        today=today,
        logo=logo,
    )
    build_pdf(path, ProjectSummary(data, tr).story(), frame, subject=data.project.name)
