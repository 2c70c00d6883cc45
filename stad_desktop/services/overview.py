"""The home page's read model: what needs attention across all active projects,
read in one go with a few queries (no query per project). Each list is counted in
full, and only its first ENTRIES_SHOWN entries (the most urgent) are read in detail.

"Behind" is decided by :func:`is_behind`: an indicator is behind when its latest
value falls short of the straight line from the baseline (value at the baseline
date) to the target (value at the target date), taken at today's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, NamedTuple, Protocol, TypeVar

from sqlalchemy import Date, Float, case, cast, func, literal, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

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


class _DaysBetween(FunctionElement[float]):
    """The days from the second date to the first, as a number (SQL)."""

    type = Float()
    inherit_cache = True
    name = "days_between"


@compiles(_DaysBetween)
def _days_between(element: _DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(({later} - {earlier}) AS DOUBLE PRECISION)"  # PostgreSQL: whole days


@compiles(_DaysBetween, "sqlite")
def _days_between_sqlite(element: _DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(julianday({later}) - julianday({earlier}))"


def _behind_ids(session: Session, today: dt.date, limit: int) -> tuple[list[str], int]:
    """The first ``limit`` indicators of the active projects that are behind their
    path, in the order of their projects' indicator lists, and how many there are:
    decided, counted and cut in SQL by :func:`is_behind`'s rule (the same sums in
    the same order, so the same floating-point results), reading only the paths and
    the latest value of those whose path has begun (one step down its index each).
    tests/services/test_overview_totals.py holds the two to the same answers."""
    latest = (
        select(EffectEntry.value)
        .where(EffectEntry.indicator_id == Indicator.id, EffectEntry.value.is_not(None))
        .order_by(*ENTRY_ORDER)
        .limit(1)
        .correlate(Indicator)
        .scalar_subquery()
    )
    # At today's date, or at the target date once today is past it.
    until = case((Indicator.target_date < today, Indicator.target_date), else_=literal(today, Date))
    paths = (
        select(
            Indicator.id,
            Indicator.project_id,
            Indicator.position,
            Indicator.name,
            Indicator.baseline_value.label("base"),
            Indicator.target_value.label("target"),
            # (Never a division by nought, in whatever order the conditions are
            # tested: a path of no days is left out below.)
            (
                _DaysBetween(until, Indicator.baseline_date)
                / func.nullif(_DaysBetween(Indicator.target_date, Indicator.baseline_date), 0)
            ).label("share"),
            latest.label("latest"),
        )
        .join(Project, Project.id == Indicator.project_id)
        .where(
            Project.archived.is_(False),
            Indicator.baseline_value.is_not(None),
            Indicator.target_value.is_not(None),
            Indicator.target_date > Indicator.baseline_date,
            Indicator.baseline_date < today,
        )
        .subquery()
    )
    expected = paths.c.base + (paths.c.target - paths.c.base) * paths.c.share
    # Short of the line in the target's direction; one comparison (the latest value,
    # read where it is compared, is read once). No value measured: not behind.
    behind = case(
        (paths.c.target >= paths.c.base, paths.c.latest < expected),
        else_=paths.c.latest > expected,
    )
    rows = session.execute(
        select(paths.c.id, func.count().over())
        .where(behind)
        .order_by(paths.c.project_id, paths.c.position, paths.c.name)
        .limit(limit)
    ).all()
    return [iid for iid, _total in rows], (rows[0][1] if rows else 0)


def _warnings(session: Session) -> tuple[tuple[ProjectWarnings, ...], int]:
    """The active projects with a role-matrix warning, most first (ties in the
    projects' order): the first ENTRIES_SHOWN in detail, and how many there are.
    Counted and sorted for every project in SQL; the warnings themselves read for
    those shown."""
    roles = role_views(session)
    ids, total = most_warned(session, roles, ENTRIES_SHOWN)
    refs = _refs(session, ids)
    shown = warnings_for(session, ids, roles)
    # (A project deleted by someone else meanwhile is left out.)
    return tuple(ProjectWarnings(refs[pid], shown[pid]) for pid in ids if pid in refs), total


def _behind(session: Session, today: dt.date) -> tuple[tuple[BehindIndicator, ...], int]:
    """The first ENTRIES_SHOWN indicators behind their path (with the value expected
    today), and how many there are."""
    ids, total = _behind_ids(session, today, ENTRIES_SHOWN)
    views = effect_reads.indicator_views(session, ids)
    refs = _refs(session, (view.project_id for view in views))
    shown = tuple(
        BehindIndicator(view, refs[view.project_id], expected)
        for view in views
        if view.project_id in refs and (expected := expected_value(view, today)) is not None
    )
    return shown, total


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


def _checklists(session: Session) -> tuple[ChecklistProgress, ...]:
    """The first ENTRIES_SHOWN active projects by checklist progress, the least done
    first (ties in the projects' order; a checklist with nothing relevant counts as
    done): ranked and cut in SQL, the same division as in Python."""
    statuses = (
        select(
            ChecklistItem.project_id,
            func.count().filter(ChecklistItem.status == ChecklistStatus.DONE.value).label("done"),
            func.count()
            .filter(ChecklistItem.status == ChecklistStatus.NOT_RELEVANT.value)
            .label("left_out"),
        )
        .where(
            ChecklistItem.status.in_(
                (ChecklistStatus.DONE.value, ChecklistStatus.NOT_RELEVANT.value)
            )
        )
        .group_by(ChecklistItem.project_id)
        .subquery()
    )
    done = func.coalesce(statuses.c.done, 0)
    relevant = len(CHECKLIST_ITEMS) - func.coalesce(statuses.c.left_out, 0)
    share = case((relevant > 0, cast(done, Float) / relevant), else_=1.0)
    rows = session.execute(
        select(Project.id, Project.name, Project.phase, done, relevant)
        .outerjoin(statuses, statuses.c.project_id == Project.id)
        .where(Project.archived.is_(False))
        .order_by(share, Project.sort_key, Project.id)
        .limit(ENTRIES_SHOWN)
    )
    return tuple(
        ChecklistProgress(ProjectRef(pid, name, phase), int(d), int(r))
        for pid, name, phase, d, r in rows
    )


def _refs(session: Session, ids: Iterable[str]) -> dict[str, ProjectRef]:
    """The projects of ``ids`` by id."""
    return {
        pid: ProjectRef(pid, name, phase)
        for pid, name, phase in session.execute(
            select(Project.id, Project.name, Project.phase).where(Project.id.in_(set(ids)))
        )
    }


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
        """The overview, read in three parts beside each other: the role-matrix
        warnings, the indicators behind, and the rest."""
        today = today or dt.date.today()
        if self._db.in_batch:
            return self._overview(today, _Reads(self._db, None))
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="stad-overview") as pool:
            return self._overview(today, _Reads(self._db, pool))

    def _overview(self, today: dt.date, reads: _Reads) -> Overview:
        # Three reads of about the same length, beside each other.
        warned = reads.start(_warnings)
        rest_read = reads.start(partial(_rest, today=today))
        with self._db.reading() as session:
            behind, behind_total = _behind(session, today)
        warnings, warnings_total = warned()
        rest = rest_read()
        return Overview(
            today=today,
            warnings=warnings,
            warnings_total=warnings_total,
            checklists=rest.checklists,
            checklists_total=sum(rest.phases.values()),
            backlog=rest.backlog,
            backlog_total=rest.backlog_total,
            upcoming=rest.upcoming,
            recent=rest.recent,
            behind=behind,
            behind_total=behind_total,
            actors_per_sector=tuple(
                (s.value, rest.sectors[s.value]) for s in Sector if s.value in rest.sectors
            ),
            projects_per_phase=tuple(
                (p.value, rest.phases[p.value]) for p in Phase if p.value in rest.phases
            ),
        )


class _Rest(NamedTuple):
    backlog: AnswerBacklog
    backlog_total: int
    checklists: tuple[ChecklistProgress, ...]
    phases: dict[str, int]
    upcoming: tuple[MeetingRef, ...]
    recent: tuple[MeetingRef, ...]
    sectors: dict[str, int]


def _rest(session: Session, today: dt.date) -> _Rest:
    """The answer backlog, the checklists, the meetings and the counts."""
    backlog, backlog_total = _backlog(session, today)
    phases = {
        phase: count
        for phase, count in session.execute(
            select(Project.phase, func.count())
            .where(Project.archived.is_(False))
            .group_by(Project.phase)
        )
    }
    # Counted for archived actors too and those left out here: grouped so, one pass
    # over the table (not a look-up in it for each actor of a sector).
    sectors = {
        sector: count
        for archived, sector, count in session.execute(
            select(Actor.archived, Actor.sector, func.count()).group_by(
                Actor.archived, Actor.sector
            )
        )
        if not archived
    }
    return _Rest(
        backlog,
        backlog_total,
        _checklists(session),
        phases,
        _meetings(session, today, ahead=True),
        _meetings(session, today, ahead=False),
        sectors,
    )


def _meetings(session: Session, today: dt.date, ahead: bool) -> tuple[MeetingRef, ...]:
    """The MEETINGS_SHOWN meetings from today on (soonest first), or before today
    (latest first)."""
    when = Meeting.meeting_date >= today if ahead else Meeting.meeting_date < today
    first = Meeting.meeting_date.asc() if ahead else Meeting.meeting_date.desc()
    rows = session.execute(
        select(Meeting.id, Meeting.title, Meeting.meeting_date, Meeting.place, Project.name)
        .outerjoin(Project, Project.id == Meeting.project_id)
        .where(when)
        .order_by(first, Meeting.title)
        .limit(MEETINGS_SHOWN)
    )
    return tuple(
        MeetingRef(mid, title, date, place, project or "")
        for mid, title, date, place, project in rows
    )
