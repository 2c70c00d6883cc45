"""Reading the effect log: indicators with their latest value, and the entries of a
project (or of one of its indicators) a page at a time, newest first, sorted and
counted in SQL on the indexes ``ix_effect_entries_project_date`` and
``ix_effect_entries_latest``, so a page costs the same whatever the number
of entries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from stad_desktop.model import Actor, EffectEntry, Indicator
from stad_desktop.services.readmodels import EntryView, IndicatorView, MeasurementPoint

# The order of the effect log: newest date first; on one date the entry recorded
# last first; the id settles the rest, so that pages never overlap.
ENTRY_ORDER = (EffectEntry.entry_date.desc(), EffectEntry.created_at.desc(), EffectEntry.id.desc())


def entry_filter(project_id: str, indicator_id: str | None = None) -> Any:
    """The entries of a project, or only those of one of its indicators."""
    if indicator_id:
        # On the indicator's own index: its entries all belong to its project.
        return EffectEntry.indicator_id == indicator_id
    return EffectEntry.project_id == project_id


def entry_count(session: Session, condition: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(EffectEntry).where(condition)) or 0)


def entry_position(session: Session, entry_id: str, condition: Any) -> int:
    """Where ``entry_id`` is among the entries that meet ``condition`` in the log's
    order (from 0), or -1 when it is not one of them: the entries before it are
    counted, those on a later date through the index alone."""
    found = session.execute(
        select(EffectEntry.entry_date, EffectEntry.created_at).where(
            EffectEntry.id == entry_id, condition
        )
    ).first()
    if found is None:
        return -1
    when, created = found
    later = entry_count(session, and_(condition, EffectEntry.entry_date > when))
    same_day = entry_count(
        session,
        and_(
            condition,
            EffectEntry.entry_date == when,
            or_(
                EffectEntry.created_at > created,
                and_(EffectEntry.created_at == created, EffectEntry.id > entry_id),
            ),
        ),
    )
    return later + same_day


def indicator_views(session: Session, ids: list[str]) -> tuple[IndicatorView, ...]:
    if not ids:
        return ()
    owner = aliased(Actor)
    rows = {
        row[0].id: row
        for row in session.execute(
            select(Indicator, owner.name)
            .outerjoin(owner, owner.id == Indicator.owner_id)
            .where(Indicator.id.in_(ids))
        )
    }
    # Counted on the indicator's index alone: an entry with an indicator is a
    # measurement, its value required (EffectService._apply_entry).
    counts = dict(
        session.execute(
            select(EffectEntry.indicator_id, func.count())
            .where(EffectEntry.indicator_id.in_(ids))
            .group_by(EffectEntry.indicator_id)
        ).all()
    )
    # The latest measurement of each indicator: one step down its index each (not
    # every measurement numbered, as a window function would).
    latest_id = (
        select(EffectEntry.id)
        .where(EffectEntry.indicator_id == Indicator.id, EffectEntry.value.is_not(None))
        .order_by(*ENTRY_ORDER)
        .limit(1)
        .correlate(Indicator)
        .scalar_subquery()
    )
    latest: dict[str, tuple[dt.date, float | None]] = {
        row[0]: (row[1], row[2])
        for row in session.execute(
            select(Indicator.id, EffectEntry.entry_date, EffectEntry.value)
            .join(EffectEntry, EffectEntry.id == latest_id)
            .where(Indicator.id.in_(ids))
        )
    }
    views = []
    for indicator_id in ids:
        indicator, owner_name = rows[indicator_id]
        last = latest.get(indicator_id)
        views.append(
            IndicatorView(
                id=indicator.id,
                project_id=indicator.project_id,
                name=indicator.name,
                unit=indicator.unit,
                baseline_value=indicator.baseline_value,
                baseline_date=indicator.baseline_date,
                target_value=indicator.target_value,
                target_date=indicator.target_date,
                owner_id=indicator.owner_id,
                owner_name=owner_name or "",
                latest_value=last[1] if last else None,
                latest_date=last[0] if last else None,
                measurement_count=counts.get(indicator_id, 0),
                position=indicator.position,
                version=indicator.version,
            )
        )
    return tuple(views)


def entry_views(
    session: Session, condition: object, limit: int | None = None, offset: int = 0
) -> tuple[EntryView, ...]:
    # Plain columns, not entities: the effect log of a busy project has
    # thousands of entries, and building ORM objects for them is the slow part.
    stmt = (
        select(
            EffectEntry.id,
            EffectEntry.project_id,
            EffectEntry.indicator_id,
            Indicator.name,
            EffectEntry.entry_date,
            EffectEntry.kind,
            EffectEntry.value,
            EffectEntry.text,
            EffectEntry.beneficiary,
            EffectEntry.source,
            EffectEntry.recorded_by,
            EffectEntry.created_at,
            EffectEntry.version,
        )
        .outerjoin(Indicator, Indicator.id == EffectEntry.indicator_id)
        .where(condition)  # type: ignore[arg-type]
        .order_by(*ENTRY_ORDER)
    )
    if offset or limit is not None:
        stmt = stmt.offset(max(0, offset)).limit(limit)
    return tuple(
        EntryView(
            id=row[0],
            project_id=row[1],
            indicator_id=row[2],
            indicator_name=row[3] or "",
            entry_date=row[4],
            kind=row[5],
            value=row[6],
            text=row[7],
            beneficiary=row[8],
            source=row[9],
            recorded_by=row[10],
            created_at=row[11],
            version=row[12],
        )
        for row in session.execute(stmt)
    )


def measurement_outline(
    session: Session, indicator_id: str, most: int
) -> tuple[MeasurementPoint, ...]:
    """The measurements of an indicator as a chart draws them: every one when there
    are at most ``most``; else, in date order, the lowest and the highest value of
    each stretch of days (at most ``most`` points in all), so the line keeps its
    shape without thousands of points no screen can show apart."""
    order = (EffectEntry.entry_date, EffectEntry.created_at, EffectEntry.id)
    measured = and_(EffectEntry.indicator_id == indicator_id, EffectEntry.value.is_not(None))
    if entry_count(session, EffectEntry.indicator_id == indicator_id) <= most:
        return tuple(
            MeasurementPoint(entry_id, when, float(value or 0.0))
            for entry_id, when, value in session.execute(
                select(EffectEntry.id, EffectEntry.entry_date, EffectEntry.value)
                .where(measured)
                .order_by(*order)
            )
        )
    days = [
        (when, float(low or 0.0), float(high or 0.0))
        for when, low, high in session.execute(
            select(EffectEntry.entry_date, func.min(EffectEntry.value), func.max(EffectEntry.value))
            .where(measured)
            .group_by(EffectEntry.entry_date)
            .order_by(EffectEntry.entry_date)
        )
    ]
    # The first and the latest measurement themselves begin and end the line (the
    # latest is the indicator's latest value); the days between give two points
    # for each stretch.
    ends = [
        session.execute(
            select(EffectEntry.id, EffectEntry.entry_date, EffectEntry.value)
            .where(measured)
            .order_by(*sort)
            .limit(1)
        ).one()
        for sort in (order, ENTRY_ORDER)
    ]
    per_stretch = max(1, -(-len(days) * 2 // max(1, most - 2)))  # days drawn as one
    points = [MeasurementPoint(ends[0][0], ends[0][1], float(ends[0][2] or 0.0))]
    for start in range(0, len(days), per_stretch):
        stretch = days[start : start + per_stretch]
        lowest = min(stretch, key=lambda day: day[1])
        highest = max(stretch, key=lambda day: day[2])
        for when, value in sorted({(lowest[0], lowest[1]), (highest[0], highest[2])}):
            points.append(MeasurementPoint("", when, value))
    points.append(MeasurementPoint(ends[1][0], ends[1][1], float(ends[1][2] or 0.0)))
    return tuple(points)
