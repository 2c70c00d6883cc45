"""Actors and their contact persons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from stad_desktop.language import N_, Message
from stad_desktop.model import Actor, ContactPerson, Project, ProjectActor, Sector
from stad_desktop.services import validation as v
from stad_desktop.services.changes import Change
from stad_desktop.services.errors import NotFoundError, ValidationError
from stad_desktop.services.readmodels import ActorDetail, ActorRef, ActorRow, ContactView
from stad_desktop.services.versions import check_version, saving
from stad_desktop.storage import Database
from stad_desktop.textkeys import fold, sort_key


@dataclass(frozen=True)
class ContactInput:
    name: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ActorInput:
    name: str
    sector: str = Sector.OTHER
    org_number: str = ""
    village: str = ""
    wishes_to_contribute: str = ""
    hours_per_month: float | str | None = None
    notes: str = ""
    contacts: Sequence[ContactInput] = field(default_factory=tuple)
    # The version the values were read at (ActorDetail.version): saving over a newer
    # one is refused with a ConflictError. None: save whatever is stored (undo).
    version: int | None = None

    @classmethod
    def from_detail(cls, actor: ActorDetail) -> ActorInput:
        return cls(
            name=actor.name,
            sector=actor.sector,
            org_number=actor.org_number,
            village=actor.village,
            wishes_to_contribute=actor.wishes_to_contribute,
            hours_per_month=actor.hours_per_month,
            notes=actor.notes,
            contacts=tuple(ContactInput(c.name, c.email, c.phone) for c in actor.contacts),
        )


# Columns the actor list can be sorted by, mapped to SQL expressions.
ACTOR_SORT_COLUMNS = ("name", "sector", "village", "org_number", "contact", "project_count")


@dataclass(frozen=True)
class _Clean:
    name: str
    sector: Sector
    org_number: str | None
    village: str
    wishes_to_contribute: str
    hours_per_month: float | None
    notes: str
    contacts: tuple[ContactInput, ...]


def _clean(data: ActorInput) -> _Clean:
    """The checked actor; every bad field is reported at once (``validation.Checks``)."""
    check = v.Checks()
    contacts = []
    for index, contact in enumerate(data.contacts):
        prefix = f"contacts.{index}."
        if not (contact.name.strip() or contact.email.strip() or contact.phone.strip()):
            continue
        contacts.append(
            ContactInput(
                name=check(v.required_text, prefix + "name", contact.name),
                email=check(v.email, prefix + "email", contact.email),
                phone=check(v.phone, prefix + "phone", contact.phone),
            )
        )
    clean = _Clean(
        name=check(v.required_text, "name", data.name),
        sector=check(v.choice, "sector", data.sector, Sector),
        org_number=check(v.org_number, "org_number", data.org_number),
        village=check(v.optional_text, "village", data.village, 100),
        wishes_to_contribute=check(
            v.optional_text, "wishes_to_contribute", data.wishes_to_contribute
        ),
        hours_per_month=check(
            v.number, "hours_per_month", data.hours_per_month, minimum=Decimal(0)
        ),
        notes=check(v.optional_text, "notes", data.notes),
        contacts=tuple(contacts),
    )
    check.done()
    return clean


def actor_search_text(
    name: str, village: str, org_number: str | None, contacts: Sequence[str]
) -> str:
    return fold("\x1f".join([name, village, org_number or "", *contacts]))


def actor_keys(
    name: str, village: str, org_number: str | None, contacts: Sequence[str]
) -> dict[str, str]:
    """The columns an actor is sorted and found by, from its name, village,
    organisation number and contact persons' names (in their order): every writer
    of actors sets them with this, so they never hold a name the actor no longer has."""
    return {
        "sort_key": sort_key(name),
        "village_key": sort_key(village),
        "contact_key": sort_key(contacts[0] if contacts else ""),
        "search_text": actor_search_text(name, village, org_number, contacts),
    }


def set_actor_keys(actor: Actor, contacts: Sequence[str]) -> None:
    for column, value in actor_keys(actor.name, actor.village, actor.org_number, contacts).items():
        setattr(actor, column, value)


def _detail(actor: Actor) -> ActorDetail:
    return ActorDetail(
        id=actor.id,
        name=actor.name,
        sector=actor.sector,
        org_number=actor.org_number or "",
        village=actor.village,
        wishes_to_contribute=actor.wishes_to_contribute,
        hours_per_month=actor.hours_per_month,
        notes=actor.notes,
        archived=actor.archived,
        contacts=tuple(ContactView(c.id, c.name, c.email, c.phone) for c in actor.contacts),
        created_at=actor.created_at,
        updated_at=actor.updated_at,
        version=actor.version,
    )


class ActorService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- writing ------------------------------------------------------------------
    def create(self, data: ActorInput) -> Change[ActorDetail]:
        """A new actor; undoing archives it (actors are archived, not deleted)."""
        clean = _clean(data)
        with self._db.transaction() as session:
            self._check_unique_org(session, clean.org_number, None)
            actor = Actor()
            self._apply(actor, clean)
            session.add(actor)
            session.flush()
            detail = _detail(actor)
        return Change(
            detail,
            Message(N_("New actor {name}"), {"name": detail.name}),
            lambda: self.set_archived(detail.id, True),
        )

    def update(self, actor_id: str, data: ActorInput) -> Change[ActorDetail]:
        """Save new values; undoing puts back the values stored before."""
        clean = _clean(data)
        with (
            saving(self._db, Actor, actor_id, data.name, data.version),
            self._db.transaction() as session,
        ):
            actor = self._get(session, actor_id)
            check_version(actor.version, data.version, actor.name)
            before = ActorInput.from_detail(_detail(actor))
            self._check_unique_org(session, clean.org_number, actor_id)
            self._apply(actor, clean)
            session.flush()
            detail = _detail(actor)
        return Change(
            detail,
            Message(N_("Edit {name}"), {"name": detail.name}),
            lambda: self.update(actor_id, before),
        )

    def set_archived(self, actor_id: str, archived: bool = True) -> Change[ActorDetail]:
        with self._db.transaction() as session:
            actor = self._get(session, actor_id)
            was = actor.archived
            actor.archived = archived
            session.flush()
            detail = _detail(actor)
        text = N_("Archive {name}") if archived else N_("Restore {name}")
        return Change(
            detail,
            Message(text, {"name": detail.name}),
            lambda: self.set_archived(actor_id, was),
        )

    def archive(self, actor_id: str) -> Change[ActorDetail]:
        return self.set_archived(actor_id, True)

    def restore(self, actor_id: str) -> Change[ActorDetail]:
        return self.set_archived(actor_id, False)

    # --- reading ------------------------------------------------------------------
    def get(self, actor_id: str) -> ActorDetail:
        with self._db.reading() as session:
            return _detail(self._get(session, actor_id))

    def refs(self, include_archived: bool = False) -> tuple[ActorRef, ...]:
        stmt = select(Actor.id, Actor.name, Actor.sector).order_by(Actor.sort_key, Actor.id)
        if not include_archived:
            stmt = stmt.where(Actor.archived.is_(False))
        with self._db.reading() as session:
            return tuple(ActorRef(*row) for row in session.execute(stmt))

    def details(self) -> tuple[ActorDetail, ...]:
        """Every actor, archived ones too, with its contact persons, in Norwegian name
        order (for the spreadsheet export): one reading."""
        stmt = (
            select(Actor).options(selectinload(Actor.contacts)).order_by(Actor.sort_key, Actor.id)
        )
        with self._db.reading() as session:
            return tuple(_detail(actor) for actor in session.scalars(stmt))

    def list(
        self,
        query: str = "",
        sector: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> tuple[ActorRow, ...]:
        """Actors matching ``query`` (Unicode case folded, anywhere in name, village,
        organisation number or contact names), sorted in Norwegian order."""
        return self.page(query, sector, include_archived, order_by, descending)

    def page(
        self,
        query: str = "",
        sector: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> tuple[ActorRow, ...]:
        """Rows ``offset`` to ``offset + limit`` of :meth:`list` (all from ``offset``
        when ``limit`` is None): sorted and filtered in SQL on the indexed keys, so
        a page costs the same at any number of actors."""
        stmt = self._list_statement(query, sector, include_archived, order_by, descending)
        if offset or limit is not None:
            stmt = stmt.offset(max(0, offset)).limit(limit)
        with self._db.reading() as session:
            return tuple(
                ActorRow(
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
            )

    def count(
        self, query: str = "", sector: str | None = None, include_archived: bool = False
    ) -> int:
        """How many rows :meth:`list` gives for the same search and filter."""
        stmt = select(func.count(Actor.id)).where(
            *self._conditions(query, sector, include_archived)
        )
        with self._db.reading() as session:
            return int(session.scalar(stmt) or 0)

    def position(
        self,
        actor_id: str,
        query: str = "",
        sector: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> int:
        """Where ``actor_id`` is in :meth:`list` (from 0), or -1 when it is not there."""
        order = self._order(order_by, descending)
        numbered = (
            select(Actor.id, func.row_number().over(order_by=order).label("n"))
            .where(*self._conditions(query, sector, include_archived))
            .subquery()
        )
        with self._db.reading() as session:
            found = session.scalar(select(numbered.c.n).where(numbered.c.id == actor_id))
        return int(found) - 1 if found is not None else -1

    def search(self, query: str, include_archived: bool = False) -> tuple[ActorRow, ...]:
        return self.list(query=query, include_archived=include_archived)

    @staticmethod
    def _conditions(query: str, sector: str | None, include_archived: bool) -> tuple[Any, ...]:
        # Always filtered (an empty query is the pattern "%%", matching every actor), so
        # a search has the same SQL shape as the plain list and reuses its compiled
        # form: the first keystroke does not wait for SQLAlchemy to compile a new one.
        conditions: tuple[Any, ...] = (v.matches(Actor.search_text, query),)
        if sector:
            conditions += (Actor.sector == sector,)
        if not include_archived:
            conditions += (Actor.archived.is_(False),)
        return conditions

    @staticmethod
    def _project_count() -> Any:
        # Counted for each row fetched (an indexed look-up), not for every actor.
        return (
            select(func.count(ProjectActor.id))
            .join(Project, Project.id == ProjectActor.project_id)
            .where(ProjectActor.actor_id == Actor.id, Project.archived.is_(False))
            .scalar_subquery()
        )

    def _order(self, order_by: str, descending: bool) -> tuple[Any, ...]:
        """The ORDER BY terms of the list: the column's indexed key, then the name's."""
        sector_order = case(
            {value.value: index for index, value in enumerate(Sector)}, value=Actor.sector
        )
        keys: dict[str, list[Any]] = {
            "name": [Actor.sort_key],
            "sector": [sector_order, Actor.sort_key],
            "village": [Actor.village_key, Actor.sort_key],
            "contact": [Actor.contact_key, Actor.sort_key],
            "org_number": [Actor.org_number, Actor.sort_key],
            "project_count": [self._project_count(), Actor.sort_key],
        }
        if order_by not in keys:
            raise ValueError(order_by)
        columns = keys[order_by]
        return (v.in_order(columns[0], descending), *columns[1:], Actor.id)

    def _list_statement(
        self,
        query: str,
        sector: str | None,
        include_archived: bool,
        order_by: str,
        descending: bool,
    ) -> Any:
        return (
            select(
                Actor.id,
                Actor.name,
                Actor.sector,
                Actor.village,
                Actor.org_number,
                ContactPerson.name.label("contact"),
                self._project_count().label("project_count"),
                Actor.archived,
            )
            .outerjoin(
                ContactPerson,
                (ContactPerson.actor_id == Actor.id) & (ContactPerson.position == 0),
            )
            .where(*self._conditions(query, sector, include_archived))
            .order_by(*self._order(order_by, descending))
        )

    # --- helpers ------------------------------------------------------------------
    @staticmethod
    def _get(session: Session, actor_id: str) -> Actor:
        actor = session.get(Actor, actor_id, options=[selectinload(Actor.contacts)])
        if actor is None:
            raise NotFoundError("actor", actor_id)
        return actor

    @staticmethod
    def _check_unique_org(session: Session, org_number: str | None, actor_id: str | None) -> None:
        if org_number is None:
            return
        stmt = select(Actor.name).where(Actor.org_number == org_number)
        if actor_id is not None:
            stmt = stmt.where(Actor.id != actor_id)
        other = session.scalar(stmt)
        if other is not None:
            raise ValidationError(
                "org_number",
                N_("{name} already has organisation number {value}."),
                name=other,
                value=org_number,
            )

    @staticmethod
    def _apply(actor: Actor, clean: _Clean) -> None:
        actor.name = clean.name
        actor.sector = clean.sector.value
        actor.org_number = clean.org_number
        actor.village = clean.village
        actor.wishes_to_contribute = clean.wishes_to_contribute
        actor.hours_per_month = clean.hours_per_month
        actor.notes = clean.notes
        set_actor_keys(actor, [c.name for c in clean.contacts])
        existing = list(actor.contacts)
        for position, contact in enumerate(clean.contacts):
            if position < len(existing):
                person = existing[position]
            else:
                person = ContactPerson()
                actor.contacts.append(person)
            person.name = contact.name
            person.email = contact.email
            person.phone = contact.phone
            person.position = position
        for person in existing[len(clean.contacts) :]:
            actor.contacts.remove(person)
