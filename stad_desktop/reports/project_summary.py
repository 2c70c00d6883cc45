"""Render the project summary (A4 portrait) from :class:`ProjectSummaryData`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from stad_desktop.format import format_date, format_money, format_number, format_percent
from stad_desktop.language import Translator
from stad_desktop.model import Beneficiary, ChecklistStatus, Phase, Sector
from stad_desktop.reports.charts import indicator_chart
from stad_desktop.reports.data import ProjectSummaryData
from stad_desktop.reports.labels import enum_text, period_text, sector_text
from stad_desktop.reports.layout import (
    ACCENT,
    BUSY,
    FONT,
    GOOD,
    IDLE,
    MUTED,
    RULE,
    WARN_BG,
    WARN_RULE,
    ProgressBar,
    RotatedLabel,
    Styles,
    build_pdf,
    content_width,
    data_table,
    esc,
    layout_table,
    make_styles,
    page_frame,
    para,
    register_fonts,
    section,
    tinted,
)
from stad_desktop.services.matrix import MANY_ROLES

# The e-mail addresses of the contacts page are set a little smaller than the other cells.
EMAIL_SIZE = 8.0

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

    # --- sections -------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.title_block()
        story += self.role_matrix()
        story += self.sector_mix()
        story += self.checklist()
        story += self.indicators()
        story += self.entries()
        story += self.warnings()
        if self.data.include_contacts:
            story += self.contacts()
        return story

    def title_block(self) -> list[Flowable]:
        tr, s, p = self.tr, self.s, self.data.project
        out: list[Flowable] = [
            para(tr._("Project summary"), s.kicker),
            para(p.name, s.title),
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

    def role_matrix(self) -> list[Flowable]:
        tr, s, m = self.tr, self.s, self.data.matrix
        heading = para(tr._("Role matrix"), s.h2)
        if not m.actors:
            return section(heading, para(tr._("No actors yet."), s.body))
        roles = self.data.roles
        mark_width = 24.0
        count_width = 40.0
        actor_width = self.width - mark_width * len(roles) - count_width
        header: list[object] = [para(tr._("Actor"), s.head)]
        header += [RotatedLabel(role.name.get(tr.lang)) for role in roles]
        header.append(para(tr._("Roles"), s.head_right))
        rows: list[list[object]] = [header]
        extra: list[tuple[object, ...]] = [
            ("ALIGN", (1, 1), (-1, -1), "CENTER"),
            # Marks and role counts both centred on the (two-line) actor rows.
            ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
            ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (1, 0), (-1, 0), "BOTTOM"),
            # Room above the longest turned role name.
            ("TOPPADDING", (0, 0), (-1, 0), 8),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.25, RULE),
            ("FONT", (1, 1), (-2, -1), "DejaVuSans", 10),
            ("TEXTCOLOR", (1, 1), (-2, -1), ACCENT),
        ]
        for index, actor in enumerate(m.actors, start=1):
            cells: list[object] = [
                [
                    para(actor.name, s.cell_bold),
                    para(sector_text(tr, actor.sector), s.cell_small),
                ]
            ]
            for col, role in enumerate(roles, start=1):
                assignment = m.assignment(actor.id, role.id)
                if assignment is None:
                    cells.append("")
                elif assignment.lacks_contribution:
                    cells.append("○")
                    extra.append(("TEXTCOLOR", (col, index), (col, index), BUSY))
                else:
                    cells.append("●")
            count = m.roles_per_actor.get(actor.id, 0)
            cells.append(str(count))
            if count >= MANY_ROLES:
                extra.append(("TEXTCOLOR", (-1, index), (-1, index), BUSY))
                extra.append(("FONT", (-1, index), (-1, index), "DejaVuSans-Bold", 8.5))
            rows.append(cells)
        grid = data_table(rows, [actor_width, *([mark_width] * len(roles)), count_width], *extra)
        legend = self._matrix_legend()
        out = section(heading, grid, Spacer(1, 3), legend)
        out += self.assignments()
        return out

    def _matrix_legend(self) -> Paragraph:
        """The legend under the role matrix: the marks in the matrix's colours, and a
        clear gap between the two explanations."""
        text = self.tr._("● has the role   ○ expected, but no contribution agreed")
        filled, hollow, rest = text.partition("○")
        if not hollow:
            return para(text, self.s.small)
        filled = filled.strip()
        if filled.startswith("●"):
            filled = filled[1:].strip()
        gap = "\u00a0" * 6
        markup = (
            f"{tinted('●', ACCENT)}\u00a0{esc(filled)}{gap}"
            f"{tinted('○', BUSY)}\u00a0{esc(rest.strip())}"
        )
        return Paragraph(markup, self.s.small)

    def assignments(self) -> list[Flowable]:
        tr, s, m = self.tr, self.s, self.data.matrix
        role_names = {role.id: role.name.get(tr.lang) for role in m.roles}
        order = {role.id: role.position for role in m.roles}
        rows: list[list[object]] = [
            [
                para(tr._("Actor"), s.head),
                para(tr._("Role"), s.head),
                para(tr._("Expectation"), s.head),
                para(tr._("Contribution"), s.head),
            ]
        ]
        extra: list[tuple[object, ...]] = []
        for actor in m.actors:
            mine = sorted(
                (a for (actor_id, _r), a in m.assignments.items() if actor_id == actor.id),
                key=lambda a: order.get(a.role_id, 0),
            )
            first = True
            for a in mine:
                if a.lacks_contribution:
                    contribution: object = Paragraph(
                        tinted(tr._("No contribution agreed"), BUSY), s.cell
                    )
                else:
                    contribution = para(a.contribution or "–", s.cell)
                rows.append(
                    [
                        para(actor.name, s.cell_bold) if first else "",
                        para(role_names.get(a.role_id, "?"), s.cell),
                        para(a.expectation or "–", s.cell),
                        contribution,
                    ]
                )
                if first and len(rows) > 2:
                    extra.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.6, RULE))
                first = False
        if len(rows) == 1:
            return []
        widths = [130.0, 95.0]
        rest = (self.width - sum(widths)) / 2
        table = data_table(rows, [*widths, rest, rest], *extra, stripes=False)
        return section(para(tr._("Expectations and contributions"), s.h3), table)

    def sector_mix(self) -> list[Flowable]:
        tr, s, m = self.tr, self.s, self.data.matrix
        if not m.actors:
            return []
        total = sum(m.sector_mix.values())
        rows: list[list[object]] = [
            [para(tr._("Sector"), s.head), para(tr._("Actors"), s.head_right), ""]
        ]
        # In the program's sector order (as everywhere in Stad), unknown values last.
        order = [sector.value for sector in Sector]
        order += sorted(set(m.sector_mix) - set(order))
        for sector_value in order:
            count = m.sector_mix.get(sector_value, 0)
            if not count:
                continue
            share = count / total if total else 0.0
            rows.append(
                [
                    para(sector_text(tr, sector_value), s.cell),
                    para(str(count), s.cell_right),
                    ProgressBar(share, format_percent(share, tr), width=150),
                ]
            )
        table = data_table(rows, [150, 50, 170], ("VALIGN", (0, 1), (-1, -1), "MIDDLE"))
        note = para(
            tr._("{actors} actors from {sectors} sectors.").format(
                actors=total, sectors=len(m.sector_mix)
            ),
            s.small,
        )
        return section(para(tr._("Sector mix"), s.h2), table, Spacer(1, 3), note)

    def checklist(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        rows: list[list[object]] = [
            [
                para("#", s.head_right),
                para(tr._("Co-creation checklist"), s.head),
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
        return section(para(tr._("Checklist"), s.h2), table, Spacer(1, 3), note)

    def indicators(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        heading = para(tr._("Indicators"), s.h2)
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
        heading = para(tr._("Recent effects and gains"), s.h2)
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
        out = section(heading, data_table(rows, widths))
        if self.data.entry_count > len(entries):
            out += [
                Spacer(1, 3),
                para(
                    tr._("The {shown} most recent of {total} entries.").format(
                        shown=len(entries), total=self.data.entry_count
                    ),
                    s.small,
                ),
            ]
        return out

    def warnings(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        heading = para(tr._("Current warnings"), s.h2)
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
        return section(heading, table, Spacer(1, 3), note)

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
        contacts = [c for block in self.data.contacts for c in block.contacts]
        # The e-mail column is as wide as the longest address (within reason), so
        # that addresses stay on one line; the actor and name columns share the rest.
        email_style = ParagraphStyle("cell_email", parent=s.cell, fontSize=EMAIL_SIZE)
        padding = 9.0
        email_width = max(
            (stringWidth(c.email, FONT, EMAIL_SIZE) + padding for c in contacts), default=0.0
        )
        email_width = min(max(email_width, 100.0), self.width - 290)
        phone_width = 72.0
        rest = self.width - email_width - phone_width
        actor_width = round(rest * 0.55)
        for block in self.data.contacts:
            for index, c in enumerate(block.contacts):
                rows.append(
                    [
                        para(block.actor.name, s.cell_bold) if index == 0 else "",
                        para(c.name, s.cell),
                        Paragraph(_email_markup(c.email, email_width - padding), email_style),
                        para(c.phone, s.cell),
                    ]
                )
        table = data_table(rows, [actor_width, rest - actor_width, email_width, phone_width])
        return section(heading, table)


def _email_markup(email: str, width: float) -> str:
    """An address for a Paragraph: whole when it fits, else broken after the "@"
    (rather than anywhere in a word)."""
    if stringWidth(email, FONT, EMAIL_SIZE) <= width or "@" not in email:
        return esc(email)
    local, _at, domain = email.partition("@")
    return f"{esc(local)}@<br/>{esc(domain)}"


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
