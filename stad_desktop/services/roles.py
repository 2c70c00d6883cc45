"""The role catalogue, project membership and role assignments (the role matrix)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stad_desktop.language import N_, Message
from stad_desktop.model import Actor, Project, ProjectActor, Role, RoleAssignment
from stad_desktop.services import portfolio as paged
from stad_desktop.services import validation as v
from stad_desktop.services.changes import Change, unchanged
from stad_desktop.services.errors import NotFoundError
from stad_desktop.services.matrix import (
    compute_warnings,
    project_actors,
    project_assignments,
    role_view,
    role_views,
    sector_mix,
)
from stad_desktop.services.ownership import (
    OwnerState,
    assignment_view,
    capture,
    ensure_member,
    is_member,
    leave,
    make_owner,
    owner_role_id,
    restore,
)
from stad_desktop.services.readmodels import (
    ActorRef,
    AssignmentView,
    MatrixView,
    PortfolioFrame,
    PortfolioRow,
    PortfolioView,
    ProjectRef,
)
from stad_desktop.services.role_catalogue import RoleCatalogue


class RoleService(RoleCatalogue):
    """The role catalogue (see ``role_catalogue``), who takes part in each project
    and the roles they have there (the role matrix), and the portfolio."""

    # --- membership ---------------------------------------------------------------
    def add_actor(self, project_id: str, actor_id: str) -> Change[None]:
        """Make an actor take part in a project; undoing takes it out again (unless it
        took part already, then nothing changes either way)."""
        with self._db.transaction() as session:
            self._check(session, project_id, actor_id)
            description = self._describe(
                session, N_("Add {actor} to the project"), actor_id=actor_id
            )
            if is_member(session, project_id, actor_id):
                return unchanged(None, description)
            self._ensure_member(session, project_id, actor_id)
        return Change(None, description, lambda: self.remove_actor(project_id, actor_id))

    def remove_actor(self, project_id: str, actor_id: str) -> Change[tuple[AssignmentView, ...]]:
        """Take an actor out of a project with its roles there (an owner leaving is
        no longer the owner); the value is the roles it had, and undoing gives them
        back."""
        with self._db.transaction() as session:
            description = self._describe(
                session, N_("Remove {actor} from the project"), actor_id=actor_id
            )
            removed = leave(session, project_id, actor_id)
        return Change(
            removed,
            description,
            lambda: self.restore_actor(project_id, actor_id, removed),
        )

    def restore_actor(
        self, project_id: str, actor_id: str, assignments: tuple[AssignmentView, ...]
    ) -> Change[None]:
        """Put an actor back into a project with the roles it had (undo of
        :meth:`remove_actor`); undoing takes it out again."""
        with self._db.transaction() as session:
            self._check(session, project_id, actor_id)
            description = self._describe(
                session, N_("Add {actor} to the project"), actor_id=actor_id
            )
            self._ensure_member(session, project_id, actor_id)
            owner_role = owner_role_id(session)
            for a in assignments:
                if a.role_id == owner_role:  # it was the owner: it is again
                    project = session.get(Project, project_id)
                    assert project is not None
                    make_owner(session, project, actor_id, a.expectation, a.contribution)
                    continue
                session.add(
                    RoleAssignment(
                        project_id=a.project_id,
                        actor_id=a.actor_id,
                        role_id=a.role_id,
                        expectation=a.expectation,
                        contribution=a.contribution,
                    )
                )
        return Change(None, description, lambda: self.remove_actor(project_id, actor_id))

    # --- assignments --------------------------------------------------------------
    def assign(
        self,
        project_id: str,
        actor_id: str,
        role_id: str,
        expectation: str = "",
        contribution: str = "",
    ) -> Change[AssignmentView]:
        """Give an actor a role in a project (or update the texts if it has it)."""
        return self._put(
            project_id,
            actor_id,
            role_id,
            expectation,
            contribution,
            N_("Give {actor} the role {role}"),
        )

    def update_assignment(
        self, project_id: str, actor_id: str, role_id: str, expectation: str, contribution: str
    ) -> Change[AssignmentView]:
        """Save a cell's expectation and agreed contribution (giving the role if the
        actor does not have it yet)."""
        return self._put(
            project_id, actor_id, role_id, expectation, contribution, N_("Edit {actor} as {role}")
        )

    def _put(
        self,
        project_id: str,
        actor_id: str,
        role_id: str,
        expectation: str,
        contribution: str,
        text: str,
    ) -> Change[AssignmentView]:
        """Undoing puts back the texts stored before; or, if the role was new, takes
        it away again (and the actor out of the project, if it came in this way).

        The owner role makes its holder the project's owner: given to another actor,
        the role and the ownership move to it (one owner per project, see
        ``services.ownership``); undoing puts the former owner back."""
        expectation = v.optional_text("expectation", expectation)
        contribution = v.optional_text("contribution", contribution)
        with self._db.transaction() as session:
            self._check(session, project_id, actor_id, role_id)
            description = self._describe(session, text, actor_id=actor_id, role_id=role_id)
            if role_id == owner_role_id(session):
                owner_before = capture(session, project_id)
                project = session.get(Project, project_id)
                assert project is not None
                make_owner(session, project, actor_id, expectation, contribution)
                found = self._find(session, project_id, actor_id, role_id)
                assert found is not None
                owned = assignment_view(found)
                return Change(
                    owned,
                    description,
                    lambda: self._restore_owner(
                        owner_before,
                        description,
                        lambda: self._put(
                            project_id, actor_id, role_id, expectation, contribution, text
                        ),
                    ),
                )
            joined = not is_member(session, project_id, actor_id)
            self._ensure_member(session, project_id, actor_id)
            assignment = self._find(session, project_id, actor_id, role_id)
            before = None if assignment is None else assignment_view(assignment)
            if assignment is None:
                assignment = RoleAssignment(
                    project_id=project_id, actor_id=actor_id, role_id=role_id
                )
                session.add(assignment)
            assignment.expectation = expectation
            assignment.contribution = contribution
            session.flush()
            view = assignment_view(assignment)

        def undo() -> Change[Any]:
            if joined:
                return self.remove_actor(project_id, actor_id)
            if before is None:
                return self.unassign(project_id, actor_id, role_id)
            return self._put(
                project_id, actor_id, role_id, before.expectation, before.contribution, text
            )

        return Change(view, description, undo)

    def unassign(
        self, project_id: str, actor_id: str, role_id: str
    ) -> Change[AssignmentView | None]:
        """Take a role away; the value is what it held (None if it was not set), and
        undoing gives it back with its texts. Taking the owner role from the owner
        leaves the project without an owner."""
        with self._db.transaction() as session:
            description = self._describe(
                session, N_("Take the role {role} from {actor}"), actor_id=actor_id, role_id=role_id
            )
            assignment = self._find(session, project_id, actor_id, role_id)
            if assignment is None:
                return unchanged(None, description)
            view = assignment_view(assignment)
            owner_before = capture(session, project_id)
            session.delete(assignment)
            project = session.get(Project, project_id)
            if role_id == owner_role_id(session) and project is not None:
                if project.owner_id == actor_id:
                    project.owner_id = None
                return Change(
                    view,
                    description,
                    lambda: self._restore_owner(
                        owner_before,
                        description,
                        lambda: self.unassign(project_id, actor_id, role_id),
                    ),
                )
        return Change(
            view,
            description,
            lambda: self.assign(project_id, actor_id, role_id, view.expectation, view.contribution),
        )

    def _restore_owner(
        self, state: OwnerState, description: Message, redo: Callable[[], Change[Any]]
    ) -> Change[None]:
        """Undo a change of a project's owner in one transaction; ``redo`` makes it again."""
        with self._db.transaction() as session:
            restore(session, state)
        return Change(None, description, redo)

    # --- views --------------------------------------------------------------------
    def matrix(self, project_id: str) -> MatrixView:
        with self._db.reading() as session:
            if session.get(Project, project_id) is None:
                raise NotFoundError("project", project_id)
            roles = role_views(session)
            actors = project_actors(session, [project_id]).get(project_id, [])
            assignments = project_assignments(session, [project_id]).get(project_id, [])
        per_actor: dict[str, int] = defaultdict(int)
        for a in assignments:
            per_actor[a.actor_id] += 1
        return MatrixView(
            project_id=project_id,
            actors=tuple(actors),
            roles=roles,
            assignments={(a.actor_id, a.role_id): a for a in assignments},
            sector_mix=sector_mix(actors),
            roles_per_actor={actor.id: per_actor.get(actor.id, 0) for actor in actors},
            warnings=compute_warnings(actors, roles, assignments),
        )

    def portfolio(
        self, sector: str | None = None, phase: str | None = None, include_archived: bool = False
    ) -> PortfolioView:
        """Actors x projects with the roles each actor has in each project."""
        with self._db.reading() as session:
            roles = role_views(session)
            order = {role.id: role.position for role in roles}
            project_stmt = select(Project.id, Project.name, Project.phase).order_by(
                Project.sort_key, Project.id
            )
            if not include_archived:
                project_stmt = project_stmt.where(Project.archived.is_(False))
            if phase:
                project_stmt = project_stmt.where(Project.phase == phase)
            projects = tuple(ProjectRef(*row) for row in session.execute(project_stmt))
            project_ids = {p.id for p in projects}
            member_stmt = select(
                ProjectActor.project_id, Actor.id, Actor.name, Actor.sector, Actor.sort_key
            ).join(Actor, Actor.id == ProjectActor.actor_id)
            if not include_archived:
                member_stmt = member_stmt.where(Actor.archived.is_(False))
            if sector:
                member_stmt = member_stmt.where(Actor.sector == sector)
            cells: dict[tuple[str, str], list[str]] = {}
            actors: dict[str, tuple[str, ActorRef]] = {}
            for project_id, actor_id, name, actor_sector, key in session.execute(member_stmt):
                if project_id not in project_ids:
                    continue
                actors[actor_id] = (key, ActorRef(actor_id, name, actor_sector))
                cells.setdefault((actor_id, project_id), [])
            assign_stmt = select(
                RoleAssignment.actor_id, RoleAssignment.project_id, RoleAssignment.role_id
            )
            for actor_id, project_id, role_id in session.execute(assign_stmt):
                cell = cells.get((actor_id, project_id))
                if cell is not None:
                    cell.append(role_id)
        ordered = tuple(
            ref for _key, ref in sorted(actors.values(), key=lambda kv: (kv[0], kv[1].id))
        )
        return PortfolioView(
            actors=ordered,
            projects=projects,
            cells={key: tuple(sorted(ids, key=lambda r: order[r])) for key, ids in cells.items()},
            roles=roles,
        )

    def portfolio_frame(
        self, sector: str | None = None, phase: str | None = None, include_archived: bool = False
    ) -> PortfolioFrame:
        """The portfolio's project columns, its number of actor rows and the totals
        per project, without the rows (see :meth:`portfolio_rows`)."""
        with self._db.reading() as session:
            return paged.frame(session, paged.Filters(sector, phase, include_archived))

    def portfolio_widest(self, project_ids: list[str]) -> dict[str, int]:
        """Project id -> the most roles one actor has in it (for the column widths;
        projects without roles left out)."""
        with self._db.reading() as session:
            return paged.widest(session, project_ids)

    def portfolio_totals(
        self, sector: str | None = None, phase: str | None = None, include_archived: bool = False
    ) -> dict[str, int]:
        """Project id -> the number of the portfolio's actors taking part in it (the
        totals row; projects without any left out)."""
        with self._db.reading() as session:
            return paged.per_project(session, paged.Filters(sector, phase, include_archived))

    def portfolio_rows(
        self,
        offset: int,
        limit: int,
        sector: str | None = None,
        phase: str | None = None,
        include_archived: bool = False,
        count: int | None = None,
    ) -> tuple[PortfolioRow, ...]:
        """Actor rows ``offset`` to ``offset + limit - 1`` of the portfolio (the rows
        of :meth:`portfolio`, in the same order), each with its cells; ``count``,
        the number of rows (:meth:`portfolio_frame`), makes the last pages quick."""
        with self._db.reading() as session:
            filters = paged.Filters(sector, phase, include_archived)
            return paged.rows(session, filters, offset, limit, count)

    # --- helpers ------------------------------------------------------------------
    @staticmethod
    def _find(
        session: Session, project_id: str, actor_id: str, role_id: str
    ) -> RoleAssignment | None:
        return session.scalar(
            select(RoleAssignment).where(
                RoleAssignment.project_id == project_id,
                RoleAssignment.actor_id == actor_id,
                RoleAssignment.role_id == role_id,
            )
        )

    @staticmethod
    def _check(
        session: Session, project_id: str, actor_id: str, role_id: str | None = None
    ) -> None:
        if session.get(Project, project_id) is None:
            raise NotFoundError("project", project_id)
        if session.get(Actor, actor_id) is None:
            raise NotFoundError("actor", actor_id)
        if role_id is not None and session.get(Role, role_id) is None:
            raise NotFoundError("role", role_id)

    @staticmethod
    def _ensure_member(session: Session, project_id: str, actor_id: str) -> None:
        ensure_member(session, project_id, actor_id)

    @staticmethod
    def _describe(
        session: Session, text: str, actor_id: str, role_id: str | None = None
    ) -> Message:
        """``text`` with the actor's name and the role's name in every language, the
        role's name written as inside a sentence ("Gje X rolla finansiør")."""
        params: dict[str, object] = {
            "actor": session.scalar(select(Actor.name).where(Actor.id == actor_id)) or ""
        }
        if role_id is not None:
            role = session.get(Role, role_id)
            params["role"] = role_view(role).name.in_sentence() if role is not None else ""
        return Message(text, params)
