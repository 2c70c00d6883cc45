"""The role catalogue: the program's roles and those the user makes, and deleting
the user's own (with the places they are given, after a warning)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from stad_desktop.language import N_, Message
from stad_desktop.model import Actor, Project, Role, RoleAssignment
from stad_desktop.services import validation as v
from stad_desktop.services.changes import Change
from stad_desktop.services.errors import NotFoundError, ValidationError
from stad_desktop.services.matrix import role_view, role_views
from stad_desktop.services.ownership import assignment_view, ensure_member
from stad_desktop.services.readmodels import AssignmentView, RoleView
from stad_desktop.storage import Database


class RoleCatalogue:
    """The catalogue part of :class:`~stad_desktop.services.roles.RoleService`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- catalogue ----------------------------------------------------------------
    def roles(self) -> tuple[RoleView, ...]:
        with self._db.reading() as session:
            return role_views(session)

    def create_role(
        self, name_nn: str, name_nb: str = "", name_en: str = "", short: str = ""
    ) -> Change[RoleView]:
        """A user-defined role. A name missing in one language is taken from another.
        Undoing deletes it again."""
        fields = ("name_nn", "name_nb", "name_en")
        names = [
            v.optional_text(field, n, 100)
            for field, n in zip(fields, (name_nn, name_nb, name_en), strict=True)
        ]
        if not any(names):
            raise ValidationError("name_nn", N_("This field is required."))
        fallback = next(n for n in names if n)
        nn, nb, en = (n or fallback for n in names)
        short_code = (v.optional_text("short", short, 40) or fallback[:2]).upper()
        if len(short_code) > 4:
            raise ValidationError(
                "short", N_("At most {max} characters (now {count})."), max=4, count=len(short_code)
            )
        with self._db.transaction() as session:
            folded = {n.casefold() for n in (nn, nb, en)}
            for existing in session.scalars(select(Role)):
                if {
                    existing.name_nn.casefold(),
                    existing.name_nb.casefold(),
                    existing.name_en.casefold(),
                } & folded:
                    raise ValidationError("name_nn", N_("A role with this name exists already."))
            position = (session.scalar(select(func.max(Role.position))) or 0) + 1
            role = Role(
                code=f"custom-{uuid.uuid4().hex[:8]}",
                short=short_code,
                name_nn=nn,
                name_nb=nb,
                name_en=en,
                builtin=False,
                position=position,
            )
            session.add(role)
            session.flush()
            view = role_view(role)
        return self._created(view)

    def role_uses(self, role_id: str) -> tuple[tuple[str, str], ...]:
        """Where a role is given: (project name, actor name) pairs, in name order."""
        stmt = (
            select(Project.name, Actor.name)
            .join(RoleAssignment, RoleAssignment.project_id == Project.id)
            .join(Actor, Actor.id == RoleAssignment.actor_id)
            .where(RoleAssignment.role_id == role_id)
            .order_by(Project.sort_key, Actor.sort_key, RoleAssignment.id)
        )
        with self._db.reading() as session:
            return tuple((project, actor) for project, actor in session.execute(stmt))

    def delete_role(self, role_id: str, *, with_uses: bool = False) -> Change[RoleView]:
        """Delete a role the user made. A role given to actors is refused unless
        ``with_uses`` (after the user has been told where, see :meth:`role_uses`):
        then it is taken from them too. Undoing puts the role back, with its id,
        and gives it back to those who had it, with their texts."""
        with self._db.transaction() as session:
            role = session.get(Role, role_id)
            if role is None:
                raise NotFoundError("role", role_id)
            if role.builtin:
                raise ValidationError("role", N_("The program's own roles cannot be deleted."))
            uses = [
                assignment_view(a)
                for a in session.scalars(
                    select(RoleAssignment).where(RoleAssignment.role_id == role_id)
                )
            ]
            if uses and not with_uses:
                raise ValidationError(
                    "role", N_("The role is in use in {count} places."), count=len(uses)
                )
            view = role_view(role)
            for assignment in session.scalars(
                select(RoleAssignment).where(RoleAssignment.role_id == role_id)
            ):
                session.delete(assignment)
            session.flush()
            session.delete(role)
        given = tuple(uses)
        return Change(
            view,
            Message(N_("Delete role {role}"), {"role": view.name}),
            lambda: self.restore_role(view, given),
        )

    def restore_role(
        self, view: RoleView, given: tuple[AssignmentView, ...] = ()
    ) -> Change[RoleView]:
        """Put a deleted user-defined role back, with its id, and give it back to
        the actors in ``given`` (undo of :meth:`delete_role`); undoing deletes it."""
        with self._db.transaction() as session:
            role = Role(
                id=view.id,
                code=view.code,
                short=view.short,
                name_nn=view.name.nn,
                name_nb=view.name.nb,
                name_en=view.name.en,
                builtin=False,
                position=view.position,
            )
            session.add(role)
            session.flush()
            for a in given:
                ensure_member(session, a.project_id, a.actor_id)
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
            restored = role_view(role)
        if not given:
            return self._created(restored)
        return Change(
            restored,
            Message(N_("New role {role}"), {"role": restored.name}),
            lambda: self.delete_role(view.id, with_uses=True),
        )

    def _created(self, view: RoleView) -> Change[RoleView]:
        return Change(
            view,
            Message(N_("New role {role}"), {"role": view.name}),
            lambda: self.delete_role(view.id),
        )
