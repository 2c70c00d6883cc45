"""Project membership and the project owner: one source of truth.

A project's owner (``Project.owner_id``, chosen in the project dialog) and the
owner role ("Prosjekteigar") in its role matrix always agree: the owner holds the
role and nobody else does. Both the project dialog and the role matrix go
through :func:`make_owner`, so choosing an owner gives that actor the role,
changing the owner moves it, clearing the owner takes it away, and giving the
role to an actor in the matrix makes that actor the owner. There is one owner
per project: when the matrix gives the role to a second actor, the role (and the
ownership) moves to it, and the former owner keeps its place and other roles in
the project.

The functions work inside the caller's transaction; :func:`capture` and
:func:`restore` let a service undo such a change exactly (as one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from stad_desktop.model import Project, ProjectActor, Role, RoleAssignment
from stad_desktop.model.catalogue import OWNER
from stad_desktop.services.readmodels import AssignmentView


def assignment_view(a: RoleAssignment) -> AssignmentView:
    return AssignmentView(a.project_id, a.actor_id, a.role_id, a.expectation, a.contribution)


# --- membership -----------------------------------------------------------------------


def is_member(session: Session, project_id: str, actor_id: str) -> bool:
    return (
        session.scalar(
            select(ProjectActor.id).where(
                ProjectActor.project_id == project_id, ProjectActor.actor_id == actor_id
            )
        )
        is not None
    )


def ensure_member(session: Session, project_id: str, actor_id: str) -> None:
    if not is_member(session, project_id, actor_id):
        session.add(ProjectActor(project_id=project_id, actor_id=actor_id))
        session.flush()


def members(session: Session, project_id: str) -> frozenset[str]:
    stmt = select(ProjectActor.actor_id).where(ProjectActor.project_id == project_id)
    return frozenset(session.scalars(stmt))


def leave(session: Session, project_id: str, actor_id: str) -> tuple[AssignmentView, ...]:
    """Delete an actor's roles in a project, then its membership; returns the roles.
    An owner that leaves its project is no longer its owner."""
    removed = tuple(
        assignment_view(a)
        for a in session.scalars(
            select(RoleAssignment).where(
                RoleAssignment.project_id == project_id, RoleAssignment.actor_id == actor_id
            )
        )
    )
    session.execute(
        delete(RoleAssignment).where(
            RoleAssignment.project_id == project_id, RoleAssignment.actor_id == actor_id
        )
    )
    session.execute(
        delete(ProjectActor).where(
            ProjectActor.project_id == project_id, ProjectActor.actor_id == actor_id
        )
    )
    project = session.get(Project, project_id)
    if project is not None and project.owner_id == actor_id:
        project.owner_id = None
    return removed


def leave_if_without_role(session: Session, project_id: str, actor_id: str) -> None:
    """Take an actor out of a project unless it holds a role there."""
    has_role = session.scalar(
        select(RoleAssignment.id).where(
            RoleAssignment.project_id == project_id, RoleAssignment.actor_id == actor_id
        )
    )
    if has_role is None:
        leave(session, project_id, actor_id)


# --- the owner ------------------------------------------------------------------------


def owner_role_id(session: Session) -> str | None:
    """The id of the owner role ("Prosjekteigar"), None if the catalogue lacks it."""
    return session.scalar(select(Role.id).where(Role.code == OWNER))


def _holders(session: Session, project_id: str, role_id: str) -> list[RoleAssignment]:
    stmt = select(RoleAssignment).where(
        RoleAssignment.project_id == project_id, RoleAssignment.role_id == role_id
    )
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class OwnerState:
    """What :func:`restore` needs to put a project's owner back as it was: the
    owner, who held the owner role (with its texts), and who took part."""

    project_id: str
    owner_id: str | None
    holders: tuple[AssignmentView, ...]
    members: frozenset[str]


def capture(session: Session, project_id: str) -> OwnerState:
    project = session.get(Project, project_id)
    role_id = owner_role_id(session)
    holders = () if role_id is None else _holders(session, project_id, role_id)
    return OwnerState(
        project_id=project_id,
        owner_id=None if project is None else project.owner_id,
        holders=tuple(assignment_view(a) for a in holders),
        members=members(session, project_id),
    )


def make_owner(
    session: Session,
    project: Project,
    actor_id: str | None,
    expectation: str | None = None,
    contribution: str | None = None,
) -> None:
    """Make ``actor_id`` the project's owner (None: no owner): it takes part in the
    project and holds the owner role (texts kept, or set when given), and nobody
    else holds that role (a former owner keeps its other roles and its place)."""
    if project.id is None:
        session.flush()
    project.owner_id = actor_id
    role_id = owner_role_id(session)
    if actor_id is not None:
        ensure_member(session, project.id, actor_id)
    if role_id is None:
        return
    mine = None
    for holder in _holders(session, project.id, role_id):
        if holder.actor_id == actor_id:
            mine = holder
        else:
            session.delete(holder)
    if actor_id is not None:
        if mine is None:
            mine = RoleAssignment(project_id=project.id, actor_id=actor_id, role_id=role_id)
            mine.expectation = ""
            mine.contribution = ""
            session.add(mine)
        if expectation is not None:
            mine.expectation = expectation
        if contribution is not None:
            mine.contribution = contribution
    session.flush()


def restore(session: Session, state: OwnerState) -> None:
    """Put back the owner, the holders of the owner role (with their texts) and take
    out again the actors that joined the project since ``state`` was captured and
    hold no role now."""
    project = session.get(Project, state.project_id)
    if project is None:
        return
    project.owner_id = state.owner_id
    role_id = owner_role_id(session)
    if role_id is not None:
        wanted = {a.actor_id: a for a in state.holders}
        for holder in _holders(session, state.project_id, role_id):
            was = wanted.pop(holder.actor_id, None)
            if was is None:
                session.delete(holder)
            else:
                holder.expectation = was.expectation
                holder.contribution = was.contribution
        session.flush()
        for a in wanted.values():
            ensure_member(session, state.project_id, a.actor_id)
            session.add(
                RoleAssignment(
                    project_id=a.project_id,
                    actor_id=a.actor_id,
                    role_id=a.role_id,
                    expectation=a.expectation,
                    contribution=a.contribution,
                )
            )
        session.flush()
    for actor_id in members(session, state.project_id) - state.members:
        leave_if_without_role(session, state.project_id, actor_id)
    if state.owner_id is not None:
        ensure_member(session, state.project_id, state.owner_id)
    project.owner_id = state.owner_id
    session.flush()
