"""The tables of the spreadsheet export: read models in, rows out.

A :class:`Sheet` is a title, headers and rows, all in the chosen language. A value
is text (``str``), a number (``int``, ``float``, ``Decimal``), a date (``dt.date``)
or empty (``None``); the writers (``export_xlsx``, ``export_csv``) decide how each
kind is written. Enumerated values (sector, phase, kind, status …) are written as
their labels in the chosen language.

Personal data is written only when ``include_contacts`` is given: contact persons'
names, e-mails and phone numbers, meeting participants, the people who gave input
and who recorded an effect (see DOMAIN.md, "Personal data"). The contact persons
table is itself personal data: it is made only when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from stad_desktop.language import N_, Translator
from stad_desktop.model.enums import Beneficiary, EntryKind, InputStatus, MeetingKind, Phase, Sector
from stad_desktop.model.enums import label as enum_label
from stad_desktop.services.readmodels import (
    ActorDetail,
    EntryView,
    IndicatorView,
    InputItemView,
    MatrixView,
    MeetingView,
    ProjectDetail,
)
from stad_desktop.services.sheet_columns import ACTOR_COLUMNS, CONTACT_COLUMNS

Value = str | int | float | Decimal | dt.date | None
Row = tuple[Value, ...]

ACTORS = "actors"
CONTACTS = "contacts"
PROJECTS = "projects"
ROLES = "roles"
INDICATORS = "indicators"
ENTRIES = "entries"
MEETINGS = "meetings"
INPUT = "input"
# The last sheet of a workbook that leaves persons out (not a table of its own).
NOTE = "note"
# Every table, in the order of the sheets of a whole workbook.
TABLES = (ACTORS, CONTACTS, PROJECTS, ROLES, INDICATORS, ENTRIES, MEETINGS, INPUT)

TITLES: Mapping[str, str] = {
    ACTORS: N_("Actors"),
    CONTACTS: N_("Contact persons"),
    PROJECTS: N_("Projects"),
    ROLES: N_("Role matrix"),
    INDICATORS: N_("Indicators"),
    ENTRIES: N_("Effect entries"),
    MEETINGS: N_("Meetings"),
    INPUT: N_("Input"),
    NOTE: N_("Note"),
}

# Between the names of several participants or projects in one cell.
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Sheet:
    """One table: its key (``TABLES``), title, headers and rows."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


def _label(kind: type[StrEnum], value: str | None, tr: Translator) -> str:
    """``value``'s label in the sheet's language (the value itself if unknown)."""
    if not value:
        return ""
    try:
        return tr._(enum_label(kind(value)))
    except ValueError:
        return value


def _yes_no(value: bool, tr: Translator) -> str:
    return tr._("Yes") if value else tr._("No")


def _sheet(key: str, tr: Translator, headers: Sequence[str], rows: Sequence[Row]) -> Sheet:
    return Sheet(key, tr._(TITLES[key]), tuple(tr._(h) for h in headers), tuple(rows))


# --- actors and contact persons ---------------------------------------------------------


def actor_values(actor: ActorDetail, tr: Translator) -> dict[str, Value]:
    """The actor's values by the keys of ``sheet_columns.ACTOR_COLUMNS``."""
    return {
        "name": actor.name,
        "sector": _label(Sector, actor.sector, tr),
        "org_number": actor.org_number,
        "village": actor.village,
        "wishes_to_contribute": actor.wishes_to_contribute,
        "hours_per_month": actor.hours_per_month,
        "notes": actor.notes,
        "archived": _yes_no(actor.archived, tr),
    }


def actors_sheet(
    actors: Sequence[ActorDetail], tr: Translator, *, include_contacts: bool = False
) -> Sheet:
    """The actors in the layout the import reads (``sheet_columns``): with contacts,
    numbered groups of columns, as many as the actor with the most contact persons needs."""
    groups = max((len(a.contacts) for a in actors), default=0) if include_contacts else 0
    headers = [tr._(column.header) for column in ACTOR_COLUMNS]
    for number in range(1, groups + 1):
        headers += [tr._(column.header).format(number=number) for column in CONTACT_COLUMNS]
    rows: list[Row] = []
    for actor in actors:
        values = actor_values(actor, tr)
        row: list[Value] = [values[column.key] for column in ACTOR_COLUMNS]
        if groups:
            for contact in actor.contacts:
                row += [contact.name, contact.email, contact.phone]
            row += [None] * (len(headers) - len(row))
        rows.append(tuple(row))
    # Headers already translated (and numbered): not through _sheet.
    return Sheet(ACTORS, tr._(TITLES[ACTORS]), tuple(headers), tuple(rows))


def contacts_sheet(actors: Sequence[ActorDetail], tr: Translator) -> Sheet:
    """One row per contact person, with the actor's name and organisation number."""
    headers = (N_("Actor"), N_("Organisation number"), N_("Contact person"), N_("E-mail"))
    rows = [
        (actor.name, actor.org_number, contact.name, contact.email, contact.phone)
        for actor in actors
        for contact in actor.contacts
    ]
    return _sheet(CONTACTS, tr, (*headers, N_("Phone")), rows)


# --- projects and roles ------------------------------------------------------------------


def projects_sheet(
    projects: Sequence[ProjectDetail], actor_counts: Mapping[str, int], tr: Translator
) -> Sheet:
    headers = (
        N_("Name"),
        N_("Phase"),
        N_("Area"),
        N_("Owner"),
        N_("Start date"),
        N_("End date"),
        N_("Budget (NOK)"),
        N_("Number of actors"),
        N_("Summary"),
        N_("Goal"),
        N_("Target group"),
        N_("Notes"),
        N_("Archived"),
    )
    rows = [
        (
            p.name,
            _label(Phase, p.phase, tr),
            p.area,
            p.owner_name,
            p.start_date,
            p.end_date,
            p.budget_nok,
            actor_counts.get(p.id, 0),
            p.summary,
            p.goal,
            p.target_group,
            p.notes,
            _yes_no(p.archived, tr),
        )
        for p in projects
    ]
    return _sheet(PROJECTS, tr, headers, rows)


def roles_sheet(matrices: Sequence[tuple[str, MatrixView]], tr: Translator) -> Sheet:
    """The role matrices of the projects (``(project name, matrix)``): one row per
    actor and role, and one without a role for an actor that takes part without one."""
    headers = (
        N_("Project"),
        N_("Actor"),
        N_("Sector"),
        N_("Role"),
        N_("Expectation"),
        N_("Contribution"),
    )
    rows: list[Row] = []
    for project_name, matrix in matrices:
        for actor in matrix.actors:
            sector = _label(Sector, actor.sector, tr)
            assigned = [
                (role, assignment)
                for role in matrix.roles
                if (assignment := matrix.assignment(actor.id, role.id)) is not None
            ]
            if not assigned:
                rows.append((project_name, actor.name, sector, "", "", ""))
            for role, assignment in assigned:
                rows.append(
                    (
                        project_name,
                        actor.name,
                        sector,
                        role.name.get(tr.lang),
                        assignment.expectation,
                        assignment.contribution,
                    )
                )
    return _sheet(ROLES, tr, headers, rows)


# --- effects ---------------------------------------------------------------------------


def indicators_sheet(
    indicators: Sequence[IndicatorView], project_names: Mapping[str, str], tr: Translator
) -> Sheet:
    headers = (
        N_("Project"),
        N_("Indicator"),
        N_("Unit"),
        N_("Baseline"),
        N_("Baseline date"),
        N_("Target value"),
        N_("Target date"),
        N_("Latest value"),
        N_("Date of the latest value"),
        N_("Measurements"),
        N_("Owner"),
    )
    rows = [
        (
            project_names.get(i.project_id, ""),
            i.name,
            i.unit,
            i.baseline_value,
            i.baseline_date,
            i.target_value,
            i.target_date,
            i.latest_value,
            i.latest_date,
            i.measurement_count,
            i.owner_name,
        )
        for i in indicators
    ]
    return _sheet(INDICATORS, tr, headers, rows)


def entries_sheet(
    entries: Sequence[EntryView],
    project_names: Mapping[str, str],
    tr: Translator,
    *,
    include_contacts: bool = False,
) -> Sheet:
    headers = [
        N_("Project"),
        N_("Date"),
        N_("Kind"),
        N_("Indicator"),
        N_("Value"),
        N_("Text"),
        N_("Beneficiary"),
        N_("Source"),
    ]
    if include_contacts:
        headers.append(N_("Recorded by"))
    rows: list[Row] = []
    for e in entries:
        row: tuple[Value, ...] = (
            project_names.get(e.project_id, ""),
            e.entry_date,
            _label(EntryKind, e.kind, tr),
            e.indicator_name,
            e.value,
            e.text,
            _label(Beneficiary, e.beneficiary, tr),
            e.source,
        )
        rows.append((*row, e.recorded_by) if include_contacts else row)
    return _sheet(ENTRIES, tr, headers, rows)


# --- meetings and input ------------------------------------------------------------------


def meetings_sheet(
    meetings: Sequence[MeetingView], tr: Translator, *, include_contacts: bool = False
) -> Sheet:
    headers = [N_("Date"), N_("Title"), N_("Kind"), N_("Place"), N_("Project")]
    if include_contacts:
        headers.append(N_("Participants"))
    headers += [N_("Input"), N_("Minutes")]
    rows: list[Row] = []
    for m in meetings:
        row: list[Value] = [
            m.meeting_date,
            m.title,
            _label(MeetingKind, m.kind, tr),
            m.place,
            m.project_name,
        ]
        if include_contacts:
            row.append(LIST_SEPARATOR.join(p.name for p in m.participants))
        row += [m.input_count, m.minutes]
        rows.append(tuple(row))
    return _sheet(MEETINGS, tr, headers, rows)


def input_sheet(
    items: Sequence[InputItemView],
    meetings: Mapping[str, MeetingView],
    project_names: Mapping[str, str],
    actor_names: Mapping[str, str],
    tr: Translator,
    *,
    include_contacts: bool = False,
) -> Sheet:
    """The input items, in the order of their meetings (``meetings``: by id, newest
    first) and, within a meeting, in the order they were heard. The village is the
    item's own, or else its meeting's place; the projects it is linked to are named
    in one cell."""
    headers = [N_("Meeting"), N_("Date"), N_("Village"), N_("Projects"), N_("Topic")]
    headers += [N_("Text"), N_("From actor")]
    if include_contacts:
        headers.append(N_("From"))
    headers += [N_("Status"), N_("Answer")]
    order = {meeting_id: index for index, meeting_id in enumerate(meetings)}
    rows: list[Row] = []
    for item in sorted(items, key=lambda i: order.get(i.meeting_id, len(order))):
        meeting = meetings.get(item.meeting_id)
        projects = (project_names.get(pid, "") for pid in item.project_ids)
        row: list[Value] = [
            meeting.title if meeting else "",
            meeting.meeting_date if meeting else None,
            item.village or (meeting.place if meeting else ""),
            LIST_SEPARATOR.join(name for name in projects if name),
            item.topic,
            item.text,
            actor_names.get(item.from_actor_id or "", ""),
        ]
        if include_contacts:
            row.append(item.from_name)
        row += [_label(InputStatus, item.status, tr), item.answer]
        rows.append(tuple(row))
    return _sheet(INPUT, tr, headers, rows)


def note_sheet(text: str, tr: Translator) -> Sheet:
    """A sheet with one note (what the export left out and why)."""
    return _sheet(NOTE, tr, (N_("Note"),), [(text,)])
