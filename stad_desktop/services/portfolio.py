"""The portfolio matrix read in parts: its frame (project columns, row count, totals
per project) and a page of actor rows at a time, in Norwegian order, so the view
reads the block on screen whatever the size of the register.

The actors shown are those not archived (and of the chosen sector) that take part
in at least one project shown (not archived, of the chosen phase)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from stad_desktop.model import Actor, Project, ProjectActor, RoleAssignment
from stad_desktop.services.matrix import role_views
from stad_desktop.services.readmodels import ActorRef, PortfolioFrame, PortfolioRow, ProjectRef

S = TypeVar("S", bound=Select[*tuple[Any, ...]])


class Filters:
    """The WHERE clauses of the projects and the actors shown."""

    def __init__(self, sector: str | None, phase: str | None, include_archived: bool) -> None:
        self.projects: list[ColumnElement[bool]] = []
        self.actors: list[ColumnElement[bool]] = []
        if not include_archived:
            # "IS NOT true", not "IS false": SQLite then walks the actors in the
            # order of the sort key index and stops after a page, instead of
            # reading every actor not archived through the archived index to sort.
            self.projects.append(Project.archived.is_not(True))
            self.actors.append(Actor.archived.is_not(True))
        if phase:
            self.projects.append(Project.phase == phase)
        if sector:
            self.actors.append(Actor.sector == sector)

    def in_shown_project(self, stmt: S) -> S:
        """``stmt`` (over project_actors) narrowed to the projects shown."""
        if not self.projects:
            return stmt
        return stmt.join(Project, Project.id == ProjectActor.project_id).where(*self.projects)

    def taking_part(self) -> ColumnElement[bool]:
        """The actor (of the outer query) takes part in a project shown: for a page,
        looked up per actor as the actors are walked in order."""
        inner = select(ProjectActor.id).where(ProjectActor.actor_id == Actor.id)
        return self.in_shown_project(inner).exists()

    def members(self) -> ColumnElement[bool]:
        """The same as :meth:`taking_part`, for counting: the actors taking part
        are listed once, not looked up per actor."""
        return Actor.id.in_(self.in_shown_project(select(ProjectActor.actor_id)))


def frame(session: Session, filters: Filters) -> PortfolioFrame:
    projects_stmt = select(Project.id, Project.name, Project.phase).order_by(
        Project.sort_key, Project.id
    )
    projects = tuple(
        ProjectRef(*row) for row in session.execute(projects_stmt.where(*filters.projects))
    )
    count = session.scalar(
        select(func.count()).select_from(Actor).where(*filters.actors, filters.members())
    )
    return PortfolioFrame(projects=projects, roles=role_views(session), actor_count=int(count or 0))


def widest(session: Session, project_ids: list[str]) -> dict[str, int]:
    """Project id -> the most roles one actor has in it (any actor, shown or not:
    a bound for the width of its column); projects without roles left out."""
    if not project_ids:
        return {}
    cell = (
        select(RoleAssignment.project_id.label("project_id"), func.count().label("roles"))
        .where(RoleAssignment.project_id.in_(project_ids))
        .group_by(RoleAssignment.project_id, RoleAssignment.actor_id)
        .subquery()
    )
    stmt = select(cell.c.project_id, func.max(cell.c.roles)).group_by(cell.c.project_id)
    return {str(project_id): int(n) for project_id, n in session.execute(stmt)}


def per_project(session: Session, filters: Filters) -> dict[str, int]:
    """Project id -> the number of actors shown taking part in it (projects shown
    only; those without any left out)."""
    stmt = filters.in_shown_project(
        select(ProjectActor.project_id, func.count())
        .join(Actor, Actor.id == ProjectActor.actor_id)
        .where(*filters.actors)
        .group_by(ProjectActor.project_id)
    )
    return {str(project_id): int(n) for project_id, n in session.execute(stmt)}


def rows(
    session: Session, filters: Filters, offset: int, limit: int, count: int | None = None
) -> tuple[PortfolioRow, ...]:
    """Actor rows ``offset .. offset + limit - 1`` in Norwegian order, with their cells.

    Given the number of rows (``count``), a page in the second half is read from
    the end backwards, so no page walks past more than half of the actors."""
    offset = max(0, offset)
    if limit <= 0:
        return ()
    actors_stmt = select(Actor.id, Actor.name, Actor.sector).where(
        *filters.actors, filters.taking_part()
    )
    if count is not None and offset > count // 2:
        limit = min(limit, count - offset)
        if limit <= 0:
            return ()
        backwards = actors_stmt.order_by(Actor.sort_key.desc(), Actor.id.desc())
        found = session.execute(backwards.offset(count - offset - limit).limit(limit))
        actors = [ActorRef(*row) for row in found][::-1]
    else:
        forwards = actors_stmt.order_by(Actor.sort_key, Actor.id).offset(offset).limit(limit)
        actors = [ActorRef(*row) for row in session.execute(forwards)]
    if not actors:
        return ()
    ids = [a.id for a in actors]
    # The projects shown are checked here, not joined: joined, SQLite would walk
    # every project shown for each of the page's actors.
    shown = (
        set(session.scalars(select(Project.id).where(*filters.projects)))
        if filters.projects
        else None
    )
    cells: dict[tuple[str, str], list[str]] = {}
    members = select(ProjectActor.actor_id, ProjectActor.project_id).where(
        ProjectActor.actor_id.in_(ids)
    )
    for actor_id, project_id in session.execute(members):
        if shown is None or project_id in shown:
            cells[(actor_id, project_id)] = []
    assigned = select(
        RoleAssignment.actor_id, RoleAssignment.project_id, RoleAssignment.role_id
    ).where(RoleAssignment.actor_id.in_(ids))
    for actor_id, project_id, role_id in session.execute(assigned):
        cell = cells.get((actor_id, project_id))
        if cell is not None:
            cell.append(role_id)
    order = {role.id: role.position for role in role_views(session)}
    per_actor: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for (actor_id, project_id), role_ids in cells.items():
        per_actor[actor_id][project_id] = tuple(
            sorted(role_ids, key=lambda r: (order.get(r, 0), r))
        )
    return tuple(PortfolioRow(actor, per_actor.get(actor.id, {})) for actor in actors)
