"""Actors as people meet them: an actor's profile (its engagement over time) and the
contact persons searchable as persons. Reading only."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from stad_desktop.language import Localized
from stad_desktop.model import (
    Actor,
    ContactPerson,
    Meeting,
    MeetingParticipant,
    Project,
    ProjectActor,
    RoleAssignment,
)
from stad_desktop.services import input_reads
from stad_desktop.services.actors import ActorService, _detail
from stad_desktop.services.attention import (
    ActorProfile,
    MeetingRef,
    PersonRow,
    ProjectEngagement,
    RoleHeld,
)
from stad_desktop.services.matrix import role_views
from stad_desktop.services.readmodels import ProjectRef
from stad_desktop.storage import Database
from stad_desktop.textkeys import fold, sort_key

PERSON_ORDER = ("name", "actor", "email", "phone", "sector")


class PeopleService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def profile(self, actor_id: str) -> ActorProfile:
        """The actor with its projects (roles, expectations, contributions), the
        meetings it attended, the input it gave, its contact persons and notes."""
        with self._db.reading() as session:
            actor = ActorService._get(session, actor_id)
            detail = _detail(actor)
            roles = {role.id: role for role in role_views(session)}
            held: dict[str, list[RoleHeld]] = defaultdict(list)
            for project_id, role_id, expectation, contribution in session.execute(
                select(
                    RoleAssignment.project_id,
                    RoleAssignment.role_id,
                    RoleAssignment.expectation,
                    RoleAssignment.contribution,
                ).where(RoleAssignment.actor_id == actor_id)
            ):
                if role_id in roles:
                    held[project_id].append(RoleHeld(roles[role_id], expectation, contribution))
            member = select(ProjectActor.project_id).where(ProjectActor.actor_id == actor_id)
            projects = [
                ProjectEngagement(
                    project=ProjectRef(p.id, p.name, p.phase),
                    start_date=p.start_date,
                    end_date=p.end_date,
                    archived=p.archived,
                    owner=p.owner_id == actor_id,
                    roles=tuple(sorted(held.get(p.id, ()), key=lambda r: r.role.position)),
                )
                for p in session.scalars(
                    select(Project).where(
                        Project.id.in_(member)
                        | Project.id.in_(list(held))
                        | (Project.owner_id == actor_id)
                    )
                )
            ]
            projects.sort(key=lambda e: sort_key(e.project.name))
            projects.sort(key=lambda e: e.start_date or dt.date.min, reverse=True)
            meetings = tuple(
                MeetingRef(mid, title, date, place, project or "")
                for mid, title, date, place, project in session.execute(
                    select(
                        Meeting.id, Meeting.title, Meeting.meeting_date, Meeting.place, Project.name
                    )
                    .join(MeetingParticipant, MeetingParticipant.meeting_id == Meeting.id)
                    .outerjoin(Project, Project.id == Meeting.project_id)
                    .where(MeetingParticipant.actor_id == actor_id)
                    .order_by(Meeting.meeting_date.desc(), Meeting.title)
                )
            )
            given = input_reads.from_actor(session, actor_id)
        return ActorProfile(detail, tuple(projects), meetings, tuple(reversed(given)))

    def persons(
        self,
        query: str = "",
        sector: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> tuple[PersonRow, ...]:
        """The contact persons matching ``query`` (case folded, anywhere in the name,
        e-mail, phone or the actor's name), with their actor and its roles."""
        wanted = fold(" ".join(query.split()))
        stmt = select(
            ContactPerson.id,
            ContactPerson.name,
            ContactPerson.email,
            ContactPerson.phone,
            Actor.id,
            Actor.name,
            Actor.sector,
            Actor.archived,
        ).join(Actor, Actor.id == ContactPerson.actor_id)
        if not include_archived:
            stmt = stmt.where(Actor.archived.is_(False))
        if sector:
            stmt = stmt.where(Actor.sector == sector)
        with self._db.reading() as session:
            rows = [
                row
                for row in session.execute(stmt)
                if not wanted or wanted in fold("\x1f".join((row[1], row[2], row[3], row[5])))
            ]
            held = self._roles_held(session, {row[4] for row in rows})
        result = [
            PersonRow(cid, name, email, phone, aid, actor, sector_value, held.get(aid, ()), arch)
            for cid, name, email, phone, aid, actor, sector_value, arch in rows
        ]
        key = order_by if order_by in PERSON_ORDER else "name"
        field = "actor_name" if key == "actor" else key
        result.sort(key=lambda r: (sort_key(getattr(r, field)), sort_key(r.name), r.id))
        if descending:
            result.reverse()
        return tuple(result)

    @staticmethod
    def _roles_held(session: Session, actor_ids: set[str]) -> dict[str, tuple[Localized, ...]]:
        if not actor_ids:
            return {}
        roles = {role.id: role for role in role_views(session)}
        found: dict[str, set[str]] = defaultdict(set)
        ids = sorted(actor_ids)
        for start in range(0, len(ids), 500):
            for actor_id, role_id in session.execute(
                select(RoleAssignment.actor_id, RoleAssignment.role_id)
                .join(Project, Project.id == RoleAssignment.project_id)
                .where(
                    RoleAssignment.actor_id.in_(ids[start : start + 500]),
                    Project.archived.is_(False),
                )
                .distinct()
            ):
                found[actor_id].add(role_id)
        return {
            actor_id: tuple(
                roles[r].name for r in sorted(role_ids, key=lambda r: roles[r].position)
            )
            for actor_id, role_ids in found.items()
        }
