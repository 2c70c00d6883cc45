"""The people list (the actors' contact persons), read a page at a time in the
order of one of its columns, searched in SQL.

A page is read in two steps, as the actor list is: the ids of its rows, in order,
from the index that gives that order (see the indexes on ``ContactPerson``), then
those rows' columns and the roles their actors hold (one query for the page). So
a page costs the same at 2,000 actors as at 20,000.

Every order is the column's Norwegian sort key, then the person's name's, then the
id; going down reverses the whole order. The actor's order is the actor's name,
then the actor (two actors of the same name are not mixed), then the persons'
names: it is read actor by actor.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from stad_desktop.language import Localized
from stad_desktop.model import Actor, ContactPerson, Project, RoleAssignment
from stad_desktop.services import validation as v
from stad_desktop.services.attention import PersonRow
from stad_desktop.services.matrix import role_views
from stad_desktop.textkeys import fold, sort_key

PERSON_ORDER = ("name", "actor", "email", "phone", "sector")


def person_keys(name: str, email: str, phone: str, actor_name: str) -> dict[str, str]:
    """The columns a contact person is sorted and found by: every writer of contact
    persons (or of an actor's name) sets them with this."""
    return {
        "sort_key": sort_key(name),
        "email_key": sort_key(email),
        "phone_key": sort_key(phone),
        "search_text": fold("\x1f".join((name, email, phone, actor_name))),
    }


def set_person_keys(actor: Actor) -> None:
    """Set the keys of the actor's contact persons (after a change of them or of
    the actor's name)."""
    for person in actor.contacts:
        for column, value in person_keys(
            person.name, person.email or "", person.phone or "", actor.name
        ).items():
            setattr(person, column, value)


def conditions(query: str, sector: str | None, include_archived: bool) -> tuple[Any, ...]:
    """The list's filter (on contact persons joined with their actor): the search
    (an empty one matches every person), the actor's sector and archive."""
    found: tuple[Any, ...] = (v.matches(ContactPerson.search_text, query),)
    if sector:
        found += (Actor.sector == sector,)
    if not include_archived:
        found += (Actor.archived.is_(False),)
    return found


def _terms(order_by: str) -> list[Any]:
    """The order's terms, all going up (going down reverses every one)."""
    if order_by not in PERSON_ORDER:
        raise ValueError(order_by)
    first: dict[str, list[Any]] = {
        "name": [],
        "actor": [Actor.sort_key, Actor.id],
        "email": [ContactPerson.email_key],
        "phone": [ContactPerson.phone_key],
        "sector": [Actor.sector],
    }
    return [*first[order_by], ContactPerson.sort_key, ContactPerson.id]


def _joined(stmt: Any) -> Any:
    return stmt.join(Actor, Actor.id == ContactPerson.actor_id)


def ordered(
    columns: Sequence[Any],
    filters: tuple[Any, ...],
    order_by: str,
    descending: bool,
    offset: int = 0,
    limit: int | None = None,
) -> Any:
    """``columns`` of the listed persons in the list's order, rows ``offset`` on."""
    stmt = _joined(select(*columns)).where(*filters)
    stmt = stmt.order_by(*(term.desc() if descending else term.asc() for term in _terms(order_by)))
    if offset > 0:
        stmt = stmt.offset(offset)
    return stmt.limit(limit) if limit is not None else stmt


def count(session: Session, filters: tuple[Any, ...]) -> int:
    return int(session.scalar(_joined(select(func.count(ContactPerson.id))).where(*filters)) or 0)


def rows_for(session: Session, ids: Sequence[str]) -> tuple[PersonRow, ...]:
    """The list's rows of these persons, in the order of ``ids``, each with the
    roles its actor holds (read for these rows only)."""
    if not ids:
        return ()
    stmt = _joined(
        select(
            ContactPerson.id,
            ContactPerson.name,
            ContactPerson.email,
            ContactPerson.phone,
            Actor.id,
            Actor.name,
            Actor.sector,
            Actor.archived,
        )
    ).where(ContactPerson.id.in_(ids))
    rows = list(session.execute(stmt))
    held = roles_held(session, {row[4] for row in rows})
    found = {
        cid: PersonRow(cid, name, email, phone, aid, actor, sector, held.get(aid, ()), archived)
        for cid, name, email, phone, aid, actor, sector, archived in rows
    }
    return tuple(found[person_id] for person_id in ids if person_id in found)


def roles_held(session: Session, actor_ids: set[str]) -> dict[str, tuple[Localized, ...]]:
    """The roles each actor holds in active projects, each once, in role order."""
    if not actor_ids:
        return {}
    roles = {role.id: role for role in role_views(session)}
    found: dict[str, set[str]] = defaultdict(set)
    ids = sorted(actor_ids)
    for start in range(0, len(ids), 500):
        # The project's archive is read, not filtered on: a filter on it leads
        # SQLite to go through every active project instead of these actors' roles.
        for actor_id, role_id, archived in session.execute(
            select(RoleAssignment.actor_id, RoleAssignment.role_id, Project.archived)
            .join(Project, Project.id == RoleAssignment.project_id)
            .where(RoleAssignment.actor_id.in_(ids[start : start + 500]))
            .distinct()
        ):
            if not archived:
                found[actor_id].add(role_id)
    return {
        actor_id: tuple(
            roles[r].name for r in sorted(role_ids, key=lambda r: roles[r].position) if r in roles
        )
        for actor_id, role_ids in found.items()
    }


def position(
    session: Session, person_id: str, filters: tuple[Any, ...], order_by: str, descending: bool
) -> int:
    """Where ``person_id`` is in the list (from 0), or -1 when it is not listed: the
    number of listed persons that come before it."""
    terms = _terms(order_by)
    mine = session.execute(
        _joined(select(*terms)).where(*filters, ContactPerson.id == person_id)
    ).first()
    if mine is None:
        return -1
    before: list[Any] = []
    for index, term in enumerate(terms):
        ties = [t == value for t, value in zip(terms[:index], mine, strict=False)]
        before.append(and_(*ties, term > mine[index] if descending else term < mine[index]))
    return count(session, (*filters, or_(*before)))
