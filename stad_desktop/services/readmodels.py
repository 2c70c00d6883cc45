"""Read models: plain frozen dataclasses that cross into the UI and reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

from stad_desktop.language import Localized, Message


@dataclass(frozen=True)
class ContactView:
    id: str
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class ActorRef:
    id: str
    name: str
    sector: str


@dataclass(frozen=True)
class ActorRow:
    id: str
    name: str
    sector: str
    village: str
    org_number: str
    contact: str
    project_count: int
    archived: bool


@dataclass(frozen=True)
class ActorDetail:
    id: str
    name: str
    sector: str
    org_number: str
    village: str
    wishes_to_contribute: str
    hours_per_month: float | None
    notes: str
    archived: bool
    contacts: tuple[ContactView, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1
    """The record's version when read: give it back when saving (ActorInput.version)."""


@dataclass(frozen=True)
class ProjectRef:
    id: str
    name: str
    phase: str


@dataclass(frozen=True)
class ProjectRow:
    id: str
    name: str
    phase: str
    area: str
    owner_id: str | None
    owner_name: str
    start_date: dt.date | None
    end_date: dt.date | None
    actor_count: int
    warning_count: int
    archived: bool
    checklist_done: int = 0
    """Checklist items marked done, of ``checklist_total`` (the advice points)."""
    checklist_total: int = 0


@dataclass(frozen=True)
class ProjectDetail:
    id: str
    name: str
    summary: str
    goal: str
    target_group: str
    area: str
    phase: str
    start_date: dt.date | None
    end_date: dt.date | None
    owner_id: str | None
    owner_name: str
    budget_nok: Decimal | None
    notes: str
    archived: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1
    """The record's version when read: give it back when saving (ProjectInput.version)."""


@dataclass(frozen=True)
class RoleView:
    id: str
    code: str
    short: str
    name: Localized
    builtin: bool
    position: int
    short_en: str = ""
    """The program's own roles have English short codes of their own."""

    def short_in(self, lang: str) -> str:
        """The short code to show in ``lang`` (F, A, R, K, G, E, D, O in Norwegian;
        F, E, R, C, I, O, P, K in English)."""
        return self.short_en if lang == "en" and self.short_en else self.short


@dataclass(frozen=True)
class AssignmentView:
    project_id: str
    actor_id: str
    role_id: str
    expectation: str
    contribution: str

    @property
    def lacks_contribution(self) -> bool:
        return bool(self.expectation.strip()) and not self.contribution.strip()


@dataclass(frozen=True)
class MatrixWarning:
    code: str
    message: Message
    actor_id: str | None = None
    role_id: str | None = None


@dataclass(frozen=True)
class MatrixView:
    """A project's role matrix: actors (rows) x roles (columns)."""

    project_id: str
    actors: tuple[ActorRef, ...]
    roles: tuple[RoleView, ...]
    assignments: Mapping[tuple[str, str], AssignmentView]
    sector_mix: Mapping[str, int]
    roles_per_actor: Mapping[str, int]
    warnings: tuple[MatrixWarning, ...]

    def assignment(self, actor_id: str, role_id: str) -> AssignmentView | None:
        return self.assignments.get((actor_id, role_id))


@dataclass(frozen=True)
class PortfolioView:
    """Actors x projects: the roles each actor has where."""

    actors: tuple[ActorRef, ...]
    projects: tuple[ProjectRef, ...]
    cells: Mapping[tuple[str, str], tuple[str, ...]]
    """(actor id, project id) -> the ids of the actor's roles there, in role order
    (empty when the actor takes part without a role)."""
    roles: tuple[RoleView, ...]

    def codes(self, actor_id: str, project_id: str, lang: str) -> tuple[str, ...] | None:
        """The short codes of the actor's roles in the project, in ``lang``; None when
        the actor does not take part there."""
        role_ids = self.cells.get((actor_id, project_id))
        if role_ids is None:
            return None
        roles = {role.id: role for role in self.roles}
        return tuple(roles[r].short_in(lang) if r in roles else "?" for r in role_ids)


@dataclass(frozen=True)
class PortfolioFrame:
    """The portfolio matrix without its rows: the project columns and the number of
    actor rows; the rows come a page at a time (:class:`PortfolioRow`,
    ``RoleService.portfolio_rows``), the totals per project when asked for
    (``RoleService.portfolio_totals``)."""

    projects: tuple[ProjectRef, ...]
    roles: tuple[RoleView, ...]
    actor_count: int
    """Actors shown: those taking part in at least one of the projects."""


@dataclass(frozen=True)
class PortfolioRow:
    """One actor's row of the portfolio matrix."""

    actor: ActorRef
    cells: Mapping[str, tuple[str, ...]]
    """Project id -> the ids of the actor's roles there, in role order (empty when
    it takes part without a role); only the projects it takes part in."""


@dataclass(frozen=True)
class IndicatorView:
    id: str
    project_id: str
    name: str
    unit: str
    baseline_value: float | None
    baseline_date: dt.date | None
    target_value: float | None
    target_date: dt.date | None
    owner_id: str | None
    owner_name: str
    latest_value: float | None
    latest_date: dt.date | None
    measurement_count: int
    position: int = 0
    version: int = 1  # the record's version when read: give it back when saving

    @property
    def progress(self) -> float | None:
        """Share of the way from baseline to target that the latest value has come."""
        if self.latest_value is None or self.target_value is None:
            return None
        base = self.baseline_value if self.baseline_value is not None else 0.0
        span = self.target_value - base
        if span == 0:
            return 1.0 if self.latest_value == self.target_value else 0.0
        return (self.latest_value - base) / span


@dataclass(frozen=True)
class MeasurementPoint:
    entry_id: str
    date: dt.date
    value: float


@dataclass(frozen=True)
class EntryView:
    id: str
    project_id: str
    indicator_id: str | None
    indicator_name: str
    entry_date: dt.date
    kind: str
    value: float | None
    text: str
    beneficiary: str | None
    source: str
    recorded_by: str
    created_at: dt.datetime | None = None  # kept when an undo puts the entry back
    version: int = 1  # the record's version when read: give it back when saving


@dataclass(frozen=True)
class ChecklistHint:
    message: Message
    suggested_status: str


@dataclass(frozen=True)
class ChecklistItemView:
    project_id: str
    number: int
    name: Localized
    status: str
    comment: str
    hint: ChecklistHint | None = None


@dataclass(frozen=True)
class MeetingView:
    id: str
    title: str
    meeting_date: dt.date
    place: str
    kind: str
    project_id: str | None
    project_name: str
    minutes: str
    participants: tuple[ActorRef, ...]
    input_count: int
    version: int = 1  # the record's version when read: give it back when saving


@dataclass(frozen=True)
class InputItemView:
    id: str
    meeting_id: str
    text: str
    from_actor_id: str | None
    from_name: str
    topic: str
    village: str
    """The village the input concerns; empty: the meeting's place."""
    project_ids: tuple[str, ...]
    """The projects the input is linked to, in the order they were linked."""
    status: str
    answer: str
    created_at: dt.datetime | None = None  # its place in the meeting, kept by an undo
    version: int = 1  # the record's version when read: give it back when saving

    @property
    def answered(self) -> bool:
        return bool(self.answer.strip())


@dataclass(frozen=True)
class InputInContext:
    """An input item with where and when it was given and the names it refers to
    (for the lists of a project's, an actor's and a village's input)."""

    item: InputItemView
    meeting_title: str
    meeting_date: dt.date
    meeting_place: str
    meeting_kind: str
    from_actor_name: str
    """The actor's name when it came from an actor, else empty."""
    projects: tuple[ProjectRef, ...]
    """The linked projects, in the order they were linked."""

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def village(self) -> str:
        """The village the input concerns: its own, else the meeting's place."""
        return self.item.village or self.meeting_place

    @property
    def source(self) -> str:
        """Who gave it: the actor, the name typed, or both."""
        if self.from_actor_name and self.item.from_name:
            return f"{self.from_actor_name} ({self.item.from_name})"
        return self.from_actor_name or self.item.from_name


@dataclass(frozen=True)
class VillageCount:
    village: str
    count: int


@dataclass(frozen=True)
class BacklogVillage:
    """A village of the answer backlog: as shown, how many items wait, its folded
    key and every spelling stored for it (to fetch its items with)."""

    village: str
    count: int
    key: str
    spellings: tuple[str, ...]


@dataclass(frozen=True)
class BacklogSummary:
    """The answer backlog counted, without its items (they are fetched a page at a
    time): the total and the villages, most waiting first."""

    weeks: int
    today: dt.date
    total: int
    villages: tuple[BacklogVillage, ...]


@dataclass(frozen=True)
class AnswerBacklog:
    """Input with no answer whose meeting is more than ``weeks`` weeks before
    ``today``: the items (oldest meeting first) and how many per village."""

    weeks: int
    today: dt.date
    items: tuple[InputInContext, ...]
    per_village: tuple[VillageCount, ...]
    """Most waiting first; input with no village and no meeting place counts under ""."""

    @property
    def total(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Counts:
    actors: int
    projects: int
    roles: int
    assignments: int
    indicators: int
    entries: int
    meetings: int
    inputs: int
    extra: Mapping[str, int] = field(default_factory=dict)


Row = TypeVar("Row")


@dataclass(frozen=True)
class Listing(Generic[Row]):
    """A list read a page at a time (the actors, the people) for one search, filter
    and order: how many rows it has, a page of them (offset, limit), and an item's
    row (-1 when it is not listed)."""

    count: int
    page: Callable[[int, int], tuple[Row, ...]]
    position: Callable[[str], int]
