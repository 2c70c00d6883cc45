"""Render "what we heard" for one meeting (A4 portrait) from :class:`MeetingReportData`:
a sheet that goes back to the people who came."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from stad_desktop.format import format_date
from stad_desktop.language import Translator
from stad_desktop.model import MeetingKind
from stad_desktop.reports.contacts import contacts_section
from stad_desktop.reports.document import Heading, build_pdf, content_width, page_frame
from stad_desktop.reports.hearing_data import GROUP_BY_PROJECT, MeetingReportData
from stad_desktop.reports.input_table import input_table, status_line
from stad_desktop.reports.labels import enum_text, sector_text
from stad_desktop.reports.style import (
    ACCENT,
    RULE,
    Styles,
    make_styles,
    para,
    register_fonts,
)
from stad_desktop.reports.tables import WithNote, data_table, layout_table, section


def facts_table(facts: list[tuple[str, str]], s: Styles, width: float) -> Flowable:
    """Label and value rows under the title, as in the project summary."""
    rows = [[para(key, s.label), para(value, s.body)] for key, value in facts]
    return layout_table(
        rows,
        [110, width - 110],
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    )


def participants_text(tr: Translator, counts: Mapping[str, int]) -> str:
    """``7 actors: Voluntary sector 3, Municipality 2, Business 2``."""
    total = sum(counts.values())
    if not total:
        return tr._("None registered")
    parts = ", ".join(
        tr._("{sector} {count}").format(sector=sector_text(tr, sector), count=count)
        for sector, count in counts.items()
    )
    return tr.ngettext("{count} actor: {sectors}", "{count} actors: {sectors}", total).format(
        count=total, sectors=parts
    )


class MeetingReport:
    def __init__(self, data: MeetingReportData, tr: Translator) -> None:
        self.data = data
        self.tr = tr
        self.s = make_styles()
        self.width = content_width(False)

    def story(self) -> list[Flowable]:
        story = self.title_block()
        story += self.minutes()
        story += self.heard()
        if self.data.include_contacts:
            story += self.participants()
            story += contacts_section(self.data.contacts, self.tr, self.s, self.width)
        return story

    def title_block(self) -> list[Flowable]:
        tr, s, m = self.tr, self.s, self.data.meeting
        facts = [
            (tr._("Date"), format_date(m.meeting_date, tr, "long")),
            (tr._("Meeting place"), m.place or tr._("Not set")),
            (tr._("Kind of meeting"), enum_text(tr, MeetingKind, m.kind)),
        ]
        if m.project_name:
            facts.append((tr._("Project"), m.project_name))
        facts.append((tr._("Participants"), participants_text(tr, self.data.sector_counts)))
        return [
            para(tr._("What we heard"), s.kicker),
            Heading(m.title, s.title),
            Spacer(1, 2),
            para(
                tr._(
                    "Thank you for taking part. This is what we heard at the meeting, "
                    "and what has come of it so far."
                ),
                s.lead,
            ),
            Spacer(1, 4),
            facts_table(facts, s, self.width),
        ]

    def minutes(self) -> list[Flowable]:
        tr, s, data = self.tr, self.s, self.data
        if not data.minutes_summary:
            return []
        body: Flowable = para(data.minutes_summary, s.body)
        if data.minutes_shortened:
            note = para(tr._("Shortened: the full minutes are kept by the municipality."), s.small)
            body = WithNote(body, note)
        return section(Heading(tr._("From the minutes"), s.h2), body)

    def heard(self) -> list[Flowable]:
        tr, s, data = self.tr, self.s, self.data
        heading = Heading(tr._("What we heard"), s.h2)
        if not data.groups:
            return section(heading, para(tr._("No input was noted at this meeting."), s.body))
        by_project = data.group_by == GROUP_BY_PROJECT
        lead = para(
            tr.ngettext("{count} input item. ", "{count} input items. ", data.input_count).format(
                count=data.input_count
            )
            + status_line(tr, data.status_counts),
            s.body,
        )
        out: list[Flowable] = [*section(heading, lead)]
        for group in data.groups:
            if group.title:
                title = group.title
            elif by_project:
                title = tr._("Not linked to a project")
            else:
                title = tr._("Without a topic")
            table = input_table(group.items, tr, s, self.width, projects=not by_project)
            out += section(Heading(title, s.h3, level=1), table)
        return out

    def participants(self) -> list[Flowable]:
        tr, s = self.tr, self.s
        heading = Heading(tr._("Participants"), s.h2)
        if not self.data.participants:
            return section(heading, para(tr._("None registered"), s.body))
        rows: list[list[object]] = [[para(tr._("Actor"), s.head), para(tr._("Sector"), s.head)]]
        for actor in self.data.participants:
            rows.append([para(actor.name, s.cell), para(sector_text(tr, actor.sector), s.cell)])
        return section(heading, data_table(rows, [self.width - 150, 150]))


def render_meeting_report(
    data: MeetingReportData,
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
        title=tr._("What we heard: {meeting}").format(meeting=data.meeting.title),
        today=today,
        logo=logo,
    )
    build_pdf(path, MeetingReport(data, tr).story(), frame, subject=data.meeting.title)
