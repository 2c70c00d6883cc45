"""The home page's read model: what needs attention across all active projects,
read in one go with a few queries (no query per project). Each list is counted in
full, and only its first ENTRIES_SHOWN entries (the most urgent) are read in detail.

"Behind" is decided by :func:`is_behind`: an indicator is behind when its latest
value falls short of the straight line from the baseline (value at the baseline
date) to the target (value at the target date), taken at today's date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import NamedTuple, Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stad_desktop.model import (
    Actor,
    ChecklistItem,
    ChecklistStatus,
    EffectEntry,
    Indicator,
    Meeting,
    Phase,
    Project,
    Sector,
)
from stad_desktop.model.catalogue import CHECKLIST_ITEMS
from stad_desktop.services import effect_reads, input_reads
from stad_desktop.services.attention import (
    ENTRIES_SHOWN,
    BehindIndicator,
    ChecklistProgress,
    MeetingRef,
    Overview,
    ProjectWarnings,
)
from stad_desktop.services.effect_reads import ENTRY_ORDER
from stad_desktop.services.matrix import most_warned, role_views, warnings_for
from stad_desktop.services.readmodels import (
    AnswerBacklog,
    IndicatorView,
    ProjectRef,
    VillageCount,
)
from stad_desktop.storage import Database

# The upcoming meetings shown, and the recent ones (the last held before today).
MEETINGS_SHOWN = 5
# The oldest input waiting for an answer that the home page lists (the rest: Meetings).
BACKLOG_SHOWN = 50


class IndicatorPath(Protocol):
    """What :func:`expected_value` and :func:`is_behind` read of an indicator."""

    @property
    def baseline_value(self) -> float | None: ...
    @property
    def baseline_date(self) -> dt.date | None: ...
    @property
    def target_value(self) -> float | None: ...
    @property
    def target_date(self) -> dt.date | None: ...
    @property
    def latest_value(self) -> float | None: ...


class _PathRow(NamedTuple):
    id: str
    baseline_value: float | None
    baseline_date: dt.date | None
    target_value: float | None
    target_date: dt.date | None
    latest_value: float | None


def expected_value(indicator: IndicatorPath, today: dt.date) -> float | None:
    """The value on the straight line from (baseline date, baseline) to (target date,
    target) at ``today`` (at the target date when today is past it). None when the
    indicator has no complete path, or when the path has not begun by ``today``."""
    base, start = indicator.baseline_value, indicator.baseline_date
    target, end = indicator.target_value, indicator.target_date
    if base is None or start is None or target is None or end is None or end <= start:
        return None
    if today <= start:
        return None
    share = (min(today, end) - start).days / (end - start).days
    return base + (target - base) * share


def is_behind(indicator: IndicatorPath, today: dt.date) -> bool:
    """True when the latest value is short of :func:`expected_value` at ``today``, in
    the direction of the target (below it when the target is higher than the
    baseline, above it when lower). An indicator with no value measured, or with
    no complete path, is never behind."""
    expected = expected_value(indicator, today)
    latest = indicator.latest_value
    if expected is None or latest is None or indicator.baseline_value is None:
        return False
    assert indicator.target_value is not None
    if indicator.target_value >= indicator.baseline_value:
        return latest < expected
    return latest > expected


def _behind_ids(session: Session, today: dt.date) -> list[str]:
    """The indicators of the active projects that are behind their path, in the
    order of their projects' indicator lists. Only the paths are read, and the
    latest value of those whose path has begun (one step down its index each)."""
    latest = (
        select(EffectEntry.value)
        .where(EffectEntry.indicator_id == Indicator.id, EffectEntry.value.is_not(None))
        .order_by(*ENTRY_ORDER)
        .limit(1)
        .correlate(Indicator)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Indicator.id,
            Indicator.baseline_value,
            Indicator.baseline_date,
            Indicator.target_value,
            Indicator.target_date,
            latest,
        )
        .join(Project, Project.id == Indicator.project_id)
        .where(
            Project.archived.is_(False),
            Indicator.baseline_value.is_not(None),
            Indicator.target_value.is_not(None),
            Indicator.target_date.is_not(None),
            Indicator.baseline_date < today,
        )
        .order_by(Indicator.project_id, Indicator.position, Indicator.name)
    )
    return [row.id for row in map(_PathRow._make, rows) if is_behind(row, today)]


def _active_projects(session: Session) -> list[ProjectRef]:
    """The active projects, in their order."""
    return [
        ProjectRef(pid, name, phase)
        for pid, name, phase in session.execute(
            select(Project.id, Project.name, Project.phase)
            .where(Project.archived.is_(False))
            .order_by(Project.sort_key, Project.id)
        )
    ]


def _warnings(session: Session) -> tuple[tuple[ProjectWarnings, ...], int]:
    """The active projects with a role-matrix warning, most first (ties in the
    projects' order): the first ENTRIES_SHOWN in detail, and how many there are.
    Counted and sorted for every project in SQL; the warnings themselves read for
    those shown."""
    roles = role_views(session)
    ids, total = most_warned(session, roles, ENTRIES_SHOWN)
    refs = {
        pid: ProjectRef(pid, name, phase)
        for pid, name, phase in session.execute(
            select(Project.id, Project.name, Project.phase).where(Project.id.in_(ids))
        )
    }
    shown = warnings_for(session, ids, roles)
    return tuple(ProjectWarnings(refs[pid], shown[pid]) for pid in ids), total


def _behind(session: Session, today: dt.date) -> tuple[list[tuple[IndicatorView, float]], int]:
    """The first ENTRIES_SHOWN indicators behind their path (with the value expected
    today), and how many there are."""
    ids = _behind_ids(session, today)
    shown = [
        (view, expected)
        for view in effect_reads.indicator_views(session, ids[:ENTRIES_SHOWN])
        if (expected := expected_value(view, today)) is not None
    ]
    return shown, len(ids)


def _backlog(session: Session, today: dt.date) -> tuple[AnswerBacklog, int]:
    """The oldest input waiting for an answer (BACKLOG_SHOWN), and how much waits:
    counted in SQL, and only the oldest items read."""
    waiting = input_reads.backlog_summary(session, today=today)
    backlog = AnswerBacklog(
        waiting.weeks,
        waiting.today,
        input_reads.backlog_page(session, waiting.weeks, today, None, 0, BACKLOG_SHOWN),
        tuple(VillageCount(v.village, v.count) for v in waiting.villages),
    )
    return backlog, waiting.total


def _checklists(session: Session, projects: list[ProjectRef]) -> tuple[ChecklistProgress, ...]:
    """The first ENTRIES_SHOWN of ``projects`` by checklist progress, the least done
    first."""
    status_counts: Counter[tuple[str, str]] = Counter()
    for pid, status, count in session.execute(
        select(ChecklistItem.project_id, ChecklistItem.status, func.count())
        .where(
            ChecklistItem.status.in_(
                (ChecklistStatus.DONE.value, ChecklistStatus.NOT_RELEVANT.value)
            )
        )
        .group_by(ChecklistItem.project_id, ChecklistItem.status)
    ):
        status_counts[(pid, status)] = count
    progress = [
        (
            p,
            status_counts[(p.id, ChecklistStatus.DONE.value)],
            len(CHECKLIST_ITEMS) - status_counts[(p.id, ChecklistStatus.NOT_RELEVANT.value)],
        )
        for p in projects
    ]
    progress.sort(key=lambda c: c[1] / c[2] if c[2] else 1.0)
    return tuple(ChecklistProgress(*c) for c in progress[:ENTRIES_SHOWN])


_T = TypeVar("_T")


class _Reads:
    """Reads that need nothing of each other, each with a session of its own, run
    beside each other on worker threads (each in its own read transaction: the
    database does the work of each on a core of its own). In this thread instead
    when a batch is open in it: only the batch's session sees its writes."""

    def __init__(self, db: Database, pool: ThreadPoolExecutor | None) -> None:
        self._db = db
        self._pool = pool

    def start(self, job: Callable[[Session], _T]) -> Callable[[], _T]:
        """Start ``job``; the returned call gives its result (or raises its error)."""
        if self._pool is None:
            result = self._read(job)
            return lambda: result
        return self._pool.submit(self._read, job).result

    def _read(self, job: Callable[[Session], _T]) -> _T:
        with self._db.reading() as session:
            return job(session)


class OverviewService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def overview(self, today: dt.date | None = None) -> Overview:
        """The overview, its costliest parts (the role-matrix warnings, the answer
        backlog) read beside the rest."""
        today = today or dt.date.today()
        if self._db.in_batch:
            return self._overview(today, _Reads(self._db, None))
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="stad-overview") as pool:
            return self._overview(today, _Reads(self._db, pool))

    def _overview(self, today: dt.date, reads: _Reads) -> Overview:
        # Beside this thread's reading: the two counts that cost the database most
        # and give few rows (a read with many rows, on a worker thread, gets its rows
        # slowly while another thread runs Python).
        warned = reads.start(_warnings)
        backlog_read = reads.start(partial(_backlog, today=today))
        with self._db.reading() as session:
            behind_views, behind_total = _behind(session, today)
            projects = _active_projects(session)
            checklists = _checklists(session, projects)
            upcoming = self._meetings(session, today, ahead=True)
            recent = self._meetings(session, today, ahead=False)
            # Counted for archived actors too and those left out here: grouped so, one
            # pass over the table (not a look-up in it for each actor of a sector).
            sectors = {
                sector: count
                for archived, sector, count in session.execute(
                    select(Actor.archived, Actor.sector, func.count()).group_by(
                        Actor.archived, Actor.sector
                    )
                )
                if not archived
            }
        by_id = {p.id: p for p in projects}
        phases = Counter(p.phase for p in projects)
        warnings, warnings_total = warned()
        backlog, backlog_total = backlog_read()
        return Overview(
            today=today,
            warnings=warnings,
            warnings_total=warnings_total,
            checklists=checklists,
            checklists_total=len(projects),
            backlog=backlog,
            backlog_total=backlog_total,
            upcoming=upcoming,
            recent=recent,
            behind=tuple(
                BehindIndicator(view, by_id[view.project_id], expected)
                for view, expected in behind_views
            ),
            behind_total=behind_total,
            actors_per_sector=tuple(
                (s.value, sectors[s.value]) for s in Sector if s.value in sectors
            ),
            projects_per_phase=tuple(
                (p.value, phases[p.value]) for p in Phase if p.value in phases
            ),
        )

    @staticmethod
    def _meetings(session: Session, today: dt.date, ahead: bool) -> tuple[MeetingRef, ...]:
        when = Meeting.meeting_date >= today if ahead else Meeting.meeting_date < today
        first = Meeting.meeting_date.asc() if ahead else Meeting.meeting_date.desc()
        order = (first, Meeting.title)
        rows = session.execute(
            select(Meeting.id, Meeting.title, Meeting.meeting_date, Meeting.place, Project.name)
            .outerjoin(Project, Project.id == Meeting.project_id)
            .where(when)
            .order_by(*order)
            .limit(MEETINGS_SHOWN)
        )
        return tuple(
            MeetingRef(mid, title, date, place, project or "")
            for mid, title, date, place, project in rows
        )
