"""The actor list, read a page at a time in the order of one of its columns.

A page is read in two steps: the ids of its rows, in order, from the index that
gives that order (see the indexes on ``Actor``), then those rows' columns (the
first contact person, the number of active projects). So a page costs the same at
2,000 actors as at 20,000: nothing is computed for rows that are not shown, and
nothing is sorted but the ties within one value of the column.

The sector column is sorted in the sectors' own order (municipality first), not
alphabetically: its pages are read one sector at a time from the sector index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from stad_desktop.model import Actor, ContactPerson, Project, ProjectActor, Sector
from stad_desktop.services import validation as v
from stad_desktop.services.readmodels import ActorRow

ACTOR_SORT_COLUMNS = ("name", "sector", "village", "org_number", "contact", "project_count")
# The orders an index gives (a page of them is read from it); the number of projects
# is counted for every actor instead, once per listing (see ``Listing``).
INDEXED_ORDERS = frozenset(ACTOR_SORT_COLUMNS) - {"project_count"}
SECTOR_ORDER = tuple(sector.value for sector in Sector)


def conditions(query: str, sector: str | None, include_archived: bool) -> tuple[Any, ...]:
    """The list's filter: the search (an empty one matches every actor, so a search
    has the same SQL shape as the plain list), the sector and the archive."""
    found: tuple[Any, ...] = (v.matches(Actor.search_text, query),)
    if sector:
        found += (Actor.sector == sector,)
    if not include_archived:
        found += (Actor.archived.is_(False),)
    return found


def project_count() -> Any:
    """The number of active projects of the actor on each row (for the rows read)."""
    return (
        select(func.count(ProjectActor.id))
        .join(Project, Project.id == ProjectActor.project_id)
        .where(ProjectActor.actor_id == Actor.id, Project.archived.is_(False))
        .scalar_subquery()
    )


def _project_counts() -> Any:
    """Active projects per actor, counted once for every actor (to sort by it)."""
    return (
        select(ProjectActor.actor_id, func.count(ProjectActor.id).label("n"))
        .join(Project, Project.id == ProjectActor.project_id)
        .where(Project.archived.is_(False))
        .group_by(ProjectActor.actor_id)
        .subquery()
    )


def _sector_rank() -> Any:
    return case({value: rank for rank, value in enumerate(SECTOR_ORDER)}, value=Actor.sector)


_KEYS: dict[str, Any] = {
    "village": Actor.village_key,
    "contact": Actor.contact_key,
    "org_number": Actor.org_number,
}


def _ordered_ids(
    filters: tuple[Any, ...], order_by: str, descending: bool, offset: int, limit: int | None
) -> Any:
    """The ids of a page in the order of ``order_by`` (not the sector's)."""
    stmt = select(Actor.id).where(*filters)
    if order_by == "project_count":
        counts = _project_counts()
        stmt = stmt.outerjoin(counts, counts.c.actor_id == Actor.id)
        first = v.in_order(func.coalesce(counts.c.n, 0), descending, nullable=False)
        stmt = stmt.order_by(first, Actor.sort_key, Actor.id)
    elif order_by == "name":
        stmt = stmt.order_by(v.in_order(Actor.sort_key, descending, nullable=False), Actor.id)
    else:
        key = _KEYS[order_by]
        first = v.in_order(key, descending, nullable=key is Actor.org_number)
        stmt = stmt.order_by(first, Actor.sort_key, Actor.id)
    if offset:
        stmt = stmt.offset(offset)
    return stmt.limit(limit) if limit is not None else stmt


def page_ids(
    session: Session,
    filters: tuple[Any, ...],
    order_by: str,
    descending: bool,
    offset: int,
    limit: int | None,
) -> list[str]:
    """The ids of rows ``offset`` to ``offset + limit`` of the list in its order."""
    if order_by not in ACTOR_SORT_COLUMNS:
        raise ValueError(order_by)
    offset = max(0, offset)
    if order_by != "sector":
        return list(session.scalars(_ordered_ids(filters, order_by, descending, offset, limit)))
    # One sector at a time, in the sectors' order, each from the sector index.
    sizes: dict[str, int] = {
        value: count
        for value, count in session.execute(
            select(Actor.sector, func.count(Actor.id)).where(*filters).group_by(Actor.sector)
        )
    }
    # Values outside the known sectors (none are stored) would sort first, as NULL.
    order = [s for s in sizes if s not in SECTOR_ORDER] + list(SECTOR_ORDER)
    ids: list[str] = []
    for value in reversed(order) if descending else order:
        size = sizes.get(value, 0)
        if offset >= size:
            offset -= size
            continue
        wanted = None if limit is None else limit - len(ids)
        stmt = (
            select(Actor.id)
            .where(*filters, Actor.sector == value)
            .order_by(Actor.sort_key, Actor.id)
            .offset(offset)
        )
        ids.extend(session.scalars(stmt.limit(wanted) if wanted is not None else stmt))
        offset = 0
        if limit is not None and len(ids) >= limit:
            break
    return ids


def rows_for(session: Session, ids: Sequence[str]) -> tuple[ActorRow, ...]:
    """The list's rows of these actors, in the order of ``ids``."""
    if not ids:
        return ()
    stmt = (
        select(
            Actor.id,
            Actor.name,
            Actor.sector,
            Actor.village,
            Actor.org_number,
            ContactPerson.name.label("contact"),
            project_count().label("project_count"),
            Actor.archived,
        )
        .outerjoin(
            ContactPerson,
            (ContactPerson.actor_id == Actor.id) & (ContactPerson.position == 0),
        )
        .where(Actor.id.in_(ids))
    )
    found = {
        row.id: ActorRow(
            id=row.id,
            name=row.name,
            sector=row.sector,
            village=row.village,
            org_number=row.org_number or "",
            contact=row.contact or "",
            project_count=row.project_count,
            archived=row.archived,
        )
        for row in session.execute(stmt)
    }
    return tuple(found[actor_id] for actor_id in ids if actor_id in found)


def position(
    session: Session, actor_id: str, filters: tuple[Any, ...], order_by: str, descending: bool
) -> int:
    """Where ``actor_id`` is in the list (from 0), or -1 when it is not there: the
    number of listed actors that come before it, counted on the order's index."""
    if order_by not in ACTOR_SORT_COLUMNS:
        raise ValueError(order_by)
    counts = _project_counts()
    firsts: dict[str, Any] = {
        "sector": _sector_rank(),
        "village": Actor.village_key,
        "contact": Actor.contact_key,
        # Organisation numbers are digits: an empty one ("") sorts first, as in the list.
        "org_number": func.coalesce(Actor.org_number, ""),
        "project_count": func.coalesce(counts.c.n, 0),
    }
    terms = [(firsts[order_by], descending)] if order_by in firsts else []
    terms += [(Actor.sort_key, descending and order_by == "name"), (Actor.id, False)]

    def joined(stmt: Any) -> Any:
        if order_by == "project_count":
            return stmt.outerjoin(counts, counts.c.actor_id == Actor.id)
        return stmt

    mine = session.execute(
        joined(select(*(term for term, _desc in terms)).where(*filters, Actor.id == actor_id))
    ).first()
    if mine is None:
        return -1
    before: list[Any] = []
    for index, (term, desc) in enumerate(terms):
        ties = [t == value for (t, _d), value in zip(terms[:index], mine, strict=False)]
        before.append(and_(*ties, term > mine[index] if desc else term < mine[index]))
    found = session.scalar(joined(select(func.count(Actor.id)).where(*filters, or_(*before))))
    return int(found or 0)


def ordered_ids(
    session: Session, filters: tuple[Any, ...], order_by: str, descending: bool
) -> tuple[str, ...]:
    """The ids of the whole list in its order (for an order no index gives)."""
    return tuple(session.scalars(_ordered_ids(filters, order_by, descending, 0, None)))
