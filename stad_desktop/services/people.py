"""Actors as people meet them: an actor's profile (its engagement over time) and the
contact persons searchable as persons. Reading only."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select

from stad_desktop.model import (
    ContactPerson,
    Meeting,
    MeetingParticipant,
    Project,
    ProjectActor,
    RoleAssignment,
)
from stad_desktop.services import input_reads, people_list
from stad_desktop.services.actors import ActorService, _detail
from stad_desktop.services.attention import (
    ActorProfile,
    MeetingRef,
    PersonRow,
    ProjectEngagement,
    RoleHeld,
)
from stad_desktop.services.matrix import role_views
from stad_desktop.services.readmodels import Listing, ProjectRef
from stad_desktop.storage import Database
from stad_desktop.textkeys import sort_key


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
        e-mail, phone or the actor's name), with their actor and its roles: the
        whole list (see :meth:`listing` for a page at a time)."""
        key = order_by if order_by in people_list.PERSON_ORDER else "name"
        filters = people_list.conditions(query, sector, include_archived)
        with self._db.reading() as session:
            ids = list(
                session.scalars(people_list.ordered([ContactPerson.id], filters, key, descending))
            )
            return tuple(
                row
                for start in range(0, len(ids), 500)
                for row in people_list.rows_for(session, ids[start : start + 500])
            )

    def listing(
        self,
        query: str = "",
        sector: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> Listing[PersonRow]:
        """The list as the people view reads it: counted, then a page at a time,
        each page and position one query from the order's index."""
        key = order_by if order_by in people_list.PERSON_ORDER else "name"
        filters = people_list.conditions(query, sector, include_archived)
        with self._db.reading() as session:
            total = people_list.count(session, filters)

        def page(offset: int, limit: int) -> tuple[PersonRow, ...]:
            with self._db.reading() as session:
                ids = session.scalars(
                    people_list.ordered(
                        [ContactPerson.id], filters, key, descending, max(0, offset), limit
                    )
                )
                return people_list.rows_for(session, list(ids))

        def position(person_id: str) -> int:
            with self._db.reading() as session:
                return people_list.position(session, person_id, filters, key, descending)

        return Listing(total, page, position)

    def emails(
        self,
        query: str = "",
        sector: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> tuple[str, ...]:
        """The e-mail addresses of every listed person, in the list's order (empty
        ones included: one per person)."""
        key = order_by if order_by in people_list.PERSON_ORDER else "name"
        filters = people_list.conditions(query, sector, include_archived)
        with self._db.reading() as session:
            return tuple(
                session.scalars(
                    people_list.ordered([ContactPerson.email], filters, key, descending)
                )
            )
