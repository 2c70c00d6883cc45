"""The home page's read model: what needs attention across all active projects,
read in one go with a few queries (no query per project).

"Behind" is decided by :func:`is_behind`: an indicator is behind when its latest
value falls short of the straight line from the baseline (value at the baseline
date) to the target (value at the target date), taken at today's date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stad_desktop.model import (
    Actor,
    ChecklistItem,
    ChecklistStatus,
    Indicator,
    Meeting,
    Phase,
    Project,
    Sector,
)
from stad_desktop.model.catalogue import CHECKLIST_ITEMS
from stad_desktop.services import input_reads
from stad_desktop.services.attention import (
    BehindIndicator,
    ChecklistProgress,
    MeetingRef,
    Overview,
    ProjectWarnings,
)
from stad_desktop.services.effects import EffectService
from stad_desktop.services.matrix import warnings_for
from stad_desktop.services.readmodels import AnswerBacklog, IndicatorView, ProjectRef, VillageCount
from stad_desktop.storage import Database

# The upcoming meetings shown, and the recent ones (the last held before today).
MEETINGS_SHOWN = 5
# The oldest input waiting for an answer that the home page lists (the rest: Meetings).
BACKLOG_SHOWN = 50


def expected_value(indicator: IndicatorView, today: dt.date) -> float | None:
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


def is_behind(indicator: IndicatorView, today: dt.date) -> bool:
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


class OverviewService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def overview(self, today: dt.date | None = None) -> Overview:
        today = today or dt.date.today()
        with self._db.reading() as session:
            projects = [
                ProjectRef(pid, name, phase)
                for pid, name, phase in session.execute(
                    select(Project.id, Project.name, Project.phase)
                    .where(Project.archived.is_(False))
                    .order_by(Project.sort_key, Project.id)
                )
            ]
            by_id = {p.id: p for p in projects}
            ids = list(by_id)
            warned = warnings_for(session, ids)
            warnings = sorted(
                (ProjectWarnings(by_id[pid], w) for pid, w in warned.items() if w),
                key=lambda pw: -len(pw.warnings),
            )
            status_counts: Counter[tuple[str, str]] = Counter()
            for pid, status, count in session.execute(
                select(ChecklistItem.project_id, ChecklistItem.status, func.count())
                .where(ChecklistItem.project_id.in_(ids))
                .group_by(ChecklistItem.project_id, ChecklistItem.status)
            ):
                status_counts[(pid, status)] = count
            checklists = sorted(
                (
                    ChecklistProgress(
                        p,
                        status_counts[(p.id, ChecklistStatus.DONE.value)],
                        len(CHECKLIST_ITEMS)
                        - status_counts[(p.id, ChecklistStatus.NOT_RELEVANT.value)],
                    )
                    for p in projects
                ),
                key=lambda c: c.done / c.relevant if c.relevant else 1.0,
            )
            # Counted in SQL, and only the oldest items read: the page shows a few.
            waiting = input_reads.backlog_summary(session, today=today)
            backlog = AnswerBacklog(
                waiting.weeks,
                waiting.today,
                input_reads.backlog_page(session, waiting.weeks, today, None, 0, BACKLOG_SHOWN),
                tuple(VillageCount(v.village, v.count) for v in waiting.villages),
            )
            upcoming = self._meetings(session, today, ahead=True)
            recent = self._meetings(session, today, ahead=False)
            indicator_ids = list(
                session.scalars(
                    select(Indicator.id)
                    .where(Indicator.project_id.in_(ids))
                    .order_by(Indicator.project_id, Indicator.position, Indicator.name)
                )
            )
            behind = tuple(
                BehindIndicator(view, by_id[view.project_id], expected)
                for view in EffectService._indicator_views(session, indicator_ids)
                if is_behind(view, today) and (expected := expected_value(view, today)) is not None
            )
            sectors = dict(
                session.execute(
                    select(Actor.sector, func.count())
                    .where(Actor.archived.is_(False))
                    .group_by(Actor.sector)
                ).all()
            )
        phases = Counter(p.phase for p in projects)
        return Overview(
            today=today,
            warnings=tuple(warnings),
            checklists=tuple(checklists),
            backlog=backlog,
            backlog_total=waiting.total,
            upcoming=upcoming,
            recent=recent,
            behind=behind,
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
