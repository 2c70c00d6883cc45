"""Render the village overview (A4 portrait) from :class:`VillageReportData`: all input
from one village across meetings and years, with status and answers, and the
projects that touch the village."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from stad_desktop.language import Translator
from stad_desktop.model import Phase
from stad_desktop.reports.document import Heading, build_pdf, content_width, page_frame
from stad_desktop.reports.hearing_data import VillageReportData
from stad_desktop.reports.input_table import input_table, status_line
from stad_desktop.reports.labels import enum_text, period_text
from stad_desktop.reports.style import make_styles, para, register_fonts
from stad_desktop.reports.tables import data_table, section


class VillageReport:
    def __init__(self, data: VillageReportData, tr: Translator) -> None:
        self.data = data
        self.tr = tr
        self.s = make_styles()
        self.width = content_width(False)

    def story(self) -> list[Flowable]:
        return self.title_block() + self.projects() + self.inputs()

    def title_block(self) -> list[Flowable]:
        tr, s, data = self.tr, self.s, self.data
        out: list[Flowable] = [
            para(tr._("Village overview"), s.kicker),
            Heading(data.village, s.title),
            Spacer(1, 2),
        ]
        count = len(data.items)
        if not count:
            out.append(para(tr._("No input has come from the village yet."), s.lead))
            return out
        years = data.years
        span = str(years[0]) if len(years) == 1 else f"{years[-1]}–{years[0]}"
        items = tr.ngettext("{count} input item", "{count} input items", count).format(count=count)
        meetings = tr.ngettext("{count} meeting", "{count} meetings", data.meeting_count).format(
            count=data.meeting_count
        )
        lead = tr._("{items} from {meetings}, {years}.").format(
            items=items, meetings=meetings, years=span
        )
        out.append(para(lead, s.lead))
        out.append(para(status_line(tr, data.status_counts), s.body))
        waiting = tr._("Awaiting answer: {count}").format(count=data.waiting)
        out.append(para(waiting, s.body))
        return out

    def projects(self) -> list[Flowable]:
        tr, s, data = self.tr, self.s, self.data
        heading = Heading(tr._("Projects that touch the village"), s.h2)
        if not data.projects:
            return section(heading, para(tr._("No project is linked to the village yet."), s.body))
        rows: list[list[object]] = [
            [
                para(tr._("Project"), s.head),
                para(tr._("Phase"), s.head),
                para(tr._("Project owner"), s.head),
                para(tr._("Input from the village"), s.head_right),
            ]
        ]
        for project in data.projects:
            row = project.row
            rows.append(
                [
                    [
                        para(row.name, s.cell_bold),
                        para(period_text(tr, row.start_date, row.end_date), s.cell_small),
                    ],
                    para(enum_text(tr, Phase, row.phase), s.cell),
                    para(row.owner_name or "–", s.cell),
                    para(str(project.input_count) if project.input_count else "–", s.cell_right),
                ]
            )
        widths = [0.0, 90.0, 150.0, 80.0]
        widths[0] = self.width - sum(widths)
        return section(heading, data_table(rows, widths))

    def inputs(self) -> list[Flowable]:
        tr, s, data = self.tr, self.s, self.data
        if not data.items:
            return []
        out: list[Flowable] = []
        heading = Heading(tr._("Input from the village"), s.h2)
        for index, year in enumerate(data.years):
            items = [e for e in data.items if e.meeting_date.year == year]
            table = input_table(items, tr, s, self.width, where=True, topic=True)
            year_heading = Heading(str(year), s.h3, level=1)
            if index == 0:  # never alone at the foot of a page
                out += [CondPageBreak(200), heading]
            out += section(year_heading, table)
        return out


def render_village_report(
    data: VillageReportData,
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
        title=tr._("Village overview: {village}").format(village=data.village),
        today=today,
        logo=logo,
    )
    build_pdf(path, VillageReport(data, tr).story(), frame, subject=data.village)
