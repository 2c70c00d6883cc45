"""Gather what a printout shows, through the services, into plain report data.

Everything a renderer needs is collected here first, with a handful of service
calls, so that rendering never touches the database. Personal contact data
(contact persons' names, e-mails and phone numbers, and who recorded an
effect) is only gathered when the caller asks for it: council papers are public.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from stad_desktop.model import Phase, Sector
from stad_desktop.reports.input_data import HeardItem, for_print
from stad_desktop.reports.labels import natural_key
from stad_desktop.services import Services
from stad_desktop.services.personal_data import is_due
from stad_desktop.services.readmodels import (
    ActorRef,
    BacklogSummary,
    ChecklistItemView,
    ContactView,
    EntryView,
    IndicatorView,
    MatrixView,
    MeasurementPoint,
    PortfolioView,
    ProjectDetail,
    ProjectRow,
    RoleView,
)
from stad_desktop.textkeys import fold

# How many effect entries the project summary lists (newest first).
RECENT_ENTRIES = 8
# How many indicators per project the portfolio shows as key indicators.
KEY_INDICATORS = 2
# How many input items the project summary lists (the newest meetings first).
RECENT_INPUT = 25
# Input with no answer after this many weeks counts as the answer backlog.
BACKLOG_WEEKS = 6
# The phases of an active project: every phase but "completed".
ACTIVE_PHASES = tuple(phase.value for phase in Phase if phase is not Phase.COMPLETED)


@dataclass(frozen=True)
class IndicatorSeries:
    """An indicator with its measurements, oldest first."""

    indicator: IndicatorView
    points: tuple[MeasurementPoint, ...]


@dataclass(frozen=True)
class ActorContacts:
    actor: ActorRef
    contacts: tuple[ContactView, ...]
    left_out: int = 0
    """Contact persons not printed: their review date has passed (personal data)."""


@dataclass(frozen=True)
class ProjectSummaryData:
    project: ProjectDetail
    matrix: MatrixView
    roles: tuple[RoleView, ...]
    """The role columns to print: every built-in role and any other role in use."""
    checklist: tuple[ChecklistItemView, ...]
    indicators: tuple[IndicatorSeries, ...]
    recent_entries: tuple[EntryView, ...]
    entry_count: int
    include_contacts: bool
    contacts: tuple[ActorContacts, ...]
    inputs: tuple[HeardItem, ...] = ()
    """The input linked to the project, with where and when it was heard."""
    input_count: int = 0


@dataclass(frozen=True)
class PortfolioProject:
    number: int
    row: ProjectRow
    sector_counts: Mapping[str, int]
    key_indicators: tuple[IndicatorView, ...]
    indicator_count: int
    awaiting_answer: int = 0
    """Input linked to the project with no answer after the backlog's weeks."""

    @property
    def actor_total(self) -> int:
        return sum(self.sector_counts.values())


@dataclass(frozen=True)
class PortfolioData:
    projects: tuple[PortfolioProject, ...]
    matrix: PortfolioView
    phase_counts: Mapping[str, int]
    """Projects per phase, for every phase shown (in phase order)."""
    sector_actors: Mapping[str, int]
    """Distinct actors taking part in the projects, per sector (in sector order)."""
    include_contacts: bool
    contacts: tuple[ActorContacts, ...]
    phases: tuple[str, ...] = ACTIVE_PHASES
    """The phases asked for; by default the active ones."""
    areas: tuple[str, ...] = ()
    """The areas asked for; empty for every area."""
    backlog: BacklogSummary | None = None
    """All input (of every project, and of none) with no answer after some weeks,
    counted overall and per village."""

    @property
    def active_only(self) -> bool:
        """True when the printout shows every active project (no filter chosen)."""
        return self.phases == ACTIVE_PHASES and not self.areas


def gather_contacts(services: Services, actors: tuple[ActorRef, ...]) -> tuple[ActorContacts, ...]:
    """The actors' contact persons, without those due for review (their legal basis
    has expired until someone keeps, renews or erases them)."""
    due = services.personal_data.due_keys()
    result = []
    for actor in actors:
        detail = services.actors.get(actor.id)
        shown = tuple(c for c in detail.contacts if not is_due(c.name, due))
        if detail.contacts:
            result.append(ActorContacts(actor, shown, len(detail.contacts) - len(shown)))
    return tuple(result)


def gather_project_summary(
    services: Services, project_id: str, *, include_contacts: bool = False
) -> ProjectSummaryData:
    """Everything the project summary prints (raises NotFoundError for an unknown id)."""
    project = services.projects.get(project_id)
    matrix = services.roles.matrix(project.id)
    matrix = replace(matrix, actors=_by_name(matrix.actors))
    checklist = services.checklist.items(project.id)
    indicators = services.effects.indicators(project.id)
    entries = services.effects.entries(project.id)
    points: dict[str, list[MeasurementPoint]] = {}
    for entry in entries:
        if entry.indicator_id is not None and entry.value is not None:
            points.setdefault(entry.indicator_id, []).append(
                MeasurementPoint(entry.id, entry.entry_date, float(entry.value))
            )
    series = tuple(
        IndicatorSeries(
            indicator,
            tuple(sorted(points.get(indicator.id, []), key=lambda p: p.date)),
        )
        for indicator in indicators
    )
    inputs = project_inputs(services, project.id, include_contacts=include_contacts)
    used = {role_id for (_actor, role_id) in matrix.assignments}
    roles = tuple(role for role in matrix.roles if role.builtin or role.id in used)
    return ProjectSummaryData(
        project=project,
        matrix=matrix,
        roles=roles,
        checklist=checklist,
        indicators=series,
        recent_entries=entries[:RECENT_ENTRIES],
        entry_count=len(entries),
        include_contacts=include_contacts,
        contacts=gather_contacts(services, matrix.actors) if include_contacts else (),
        inputs=inputs[:RECENT_INPUT],
        input_count=len(inputs),
    )


def project_inputs(
    services: Services, project_id: str, *, include_contacts: bool
) -> tuple[HeardItem, ...]:
    """The input linked to a project, the newest meeting first."""
    entries = services.meetings.input_for_project(project_id)  # oldest meeting first
    newest_first = sorted(entries, key=lambda e: e.meeting_date, reverse=True)  # stable
    return for_print(newest_first, include_contacts=include_contacts)


def _by_name(actors: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
    return tuple(sorted(actors, key=lambda a: (natural_key(a.name), a.id)))


def _phase_order(phases: Iterable[str]) -> tuple[str, ...]:
    wanted = set(phases)
    return tuple(phase.value for phase in Phase if phase.value in wanted)


def gather_portfolio(
    services: Services,
    *,
    include_contacts: bool = False,
    phases: Iterable[str] = (),
    areas: Iterable[str] = (),
    today: dt.date | None = None,
    backlog_weeks: int = BACKLOG_WEEKS,
) -> PortfolioData:
    """The projects the portfolio shows, with the actors x projects matrix.

    By default every active project: neither completed nor archived. ``phases``
    and ``areas`` narrow it down (a project is shown when its phase is one of
    ``phases`` and its area one of ``areas``; areas are compared case-folded)."""
    chosen_phases = _phase_order(phases) or ACTIVE_PHASES
    chosen_areas = tuple(dict.fromkeys(a.strip() for a in areas if a.strip()))
    folded_areas = {fold(a) for a in chosen_areas}
    rows = sorted(
        (
            row
            for row in services.projects.list()
            if row.phase in chosen_phases
            and (not folded_areas or fold(row.area.strip()) in folded_areas)
        ),
        key=lambda row: (natural_key(row.name), row.id),
    )
    full = services.roles.portfolio()
    shown = {row.id for row in rows}
    order = {row.id: index for index, row in enumerate(rows)}
    cells = {key: codes for key, codes in full.cells.items() if key[1] in shown}
    taking_part = {actor_id for actor_id, _project_id in cells}
    matrix = replace(
        full,
        actors=_by_name(a for a in full.actors if a.id in taking_part),
        projects=tuple(
            sorted((p for p in full.projects if p.id in shown), key=lambda p: order[p.id])
        ),
        cells=cells,
    )
    sectors = {actor.id: actor.sector for actor in matrix.actors}
    per_project: dict[str, Counter[str]] = {row.id: Counter() for row in rows}
    for actor_id, project_id in cells:
        per_project[project_id][sectors[actor_id]] += 1
    by_project = services.effects.indicators_by_project([row.id for row in rows])
    backlog = services.meetings.backlog_summary(backlog_weeks, today)
    waiting = services.meetings.backlog_per_project(backlog_weeks, today)
    projects = []
    for number, row in enumerate(rows, start=1):
        indicators = by_project[row.id]
        projects.append(
            PortfolioProject(
                number=number,
                row=row,
                sector_counts=dict(per_project[row.id]),
                key_indicators=indicators[:KEY_INDICATORS],
                indicator_count=len(indicators),
                awaiting_answer=waiting.get(row.id, 0),
            )
        )
    phase_counter = Counter(row.phase for row in rows)
    sector_counter = Counter(sectors.values())
    return PortfolioData(
        projects=tuple(projects),
        matrix=matrix,
        phase_counts={phase: phase_counter.get(phase, 0) for phase in chosen_phases},
        sector_actors={sector.value: sector_counter.get(sector.value, 0) for sector in Sector},
        include_contacts=include_contacts,
        contacts=gather_contacts(services, matrix.actors) if include_contacts else (),
        phases=chosen_phases,
        areas=chosen_areas,
        backlog=backlog,
    )
