"""Read models of the home page (what needs attention), of an actor's profile and
of the people list: frozen dataclasses, importable without SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stad_desktop.language import Localized
from stad_desktop.services.readmodels import (
    ActorDetail,
    AnswerBacklog,
    IndicatorView,
    InputInContext,
    MatrixWarning,
    ProjectRef,
    RoleView,
)

# The most urgent entries the home page lists of the warnings, the indicators behind
# their path and the checklists (each list's total is counted too): a county has
# thousands of projects, and the rest are one click away in their views.
ENTRIES_SHOWN = 50


@dataclass(frozen=True)
class ProjectWarnings:
    project: ProjectRef
    warnings: tuple[MatrixWarning, ...]


@dataclass(frozen=True)
class ChecklistProgress:
    project: ProjectRef
    done: int
    """Items done."""
    relevant: int
    """Items that apply (the eleven less those marked not relevant)."""


@dataclass(frozen=True)
class MeetingRef:
    id: str
    title: str
    meeting_date: dt.date
    place: str
    project_name: str


@dataclass(frozen=True)
class BehindIndicator:
    indicator: IndicatorView
    project: ProjectRef
    expected: float
    """Where the straight path from baseline to target stands today."""


@dataclass(frozen=True)
class Overview:
    today: dt.date
    warnings: tuple[ProjectWarnings, ...]
    """Active projects with at least one role-matrix warning, most warnings first
    (ties in the projects' order): the first ENTRIES_SHOWN."""
    warnings_total: int
    """How many active projects have a warning."""
    checklists: tuple[ChecklistProgress, ...]
    """Active projects, the least done first: the first ENTRIES_SHOWN."""
    checklists_total: int
    """How many active projects there are (each has a checklist)."""
    backlog: AnswerBacklog
    """The oldest of the input waiting for an answer (at most BACKLOG_SHOWN items)."""
    backlog_total: int
    """How many items wait for an answer in all."""
    upcoming: tuple[MeetingRef, ...]
    """From today on, soonest first."""
    recent: tuple[MeetingRef, ...]
    """Before today, latest first."""
    behind: tuple[BehindIndicator, ...]
    """Indicators of active projects behind their path, in their projects' indicator
    order: the first ENTRIES_SHOWN."""
    behind_total: int
    """How many indicators are behind their path."""
    actors_per_sector: tuple[tuple[str, int], ...]
    """Active actors per sector (sector value, count), in the sectors' order."""
    projects_per_phase: tuple[tuple[str, int], ...]
    """Active projects per phase (phase value, count), in the phases' order."""

    @property
    def actor_total(self) -> int:
        return sum(count for _sector, count in self.actors_per_sector)

    @property
    def project_total(self) -> int:
        return sum(count for _phase, count in self.projects_per_phase)


@dataclass(frozen=True)
class RoleHeld:
    role: RoleView
    expectation: str
    contribution: str


@dataclass(frozen=True)
class ProjectEngagement:
    project: ProjectRef
    start_date: dt.date | None
    end_date: dt.date | None
    archived: bool
    owner: bool
    """The actor is the project's owner."""
    roles: tuple[RoleHeld, ...]
    """In the role order (empty: it takes part without a role)."""


@dataclass(frozen=True)
class ActorProfile:
    actor: ActorDetail
    projects: tuple[ProjectEngagement, ...]
    """Its projects, the latest started first (those without a start date last)."""
    meetings: tuple[MeetingRef, ...]
    """The meetings it attended, latest first."""
    input: tuple[InputInContext, ...]
    """The input it gave, latest meeting first."""

    @property
    def since(self) -> dt.date | None:
        """When its engagement began: its first project start, meeting or input."""
        dates = [p.start_date for p in self.projects if p.start_date is not None]
        dates += [m.meeting_date for m in self.meetings]
        dates += [i.meeting_date for i in self.input]
        return min(dates) if dates else None


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    email: str
    phone: str
    actor_id: str
    actor_name: str
    sector: str
    roles: tuple[Localized, ...]
    """The roles the person's actor holds in active projects, each once, in role order."""
    archived: bool
    """The person's actor is archived."""
