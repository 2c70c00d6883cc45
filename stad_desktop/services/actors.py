"""Actors and their contact persons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from stad_desktop.language import N_, Message
from stad_desktop.model import Actor, ContactPerson, Sector
from stad_desktop.services import actor_list
from stad_desktop.services import validation as v
from stad_desktop.services.changes import Change
from stad_desktop.services.errors import NotFoundError, ValidationError
from stad_desktop.services.people_list import set_person_keys
from stad_desktop.services.readmodels import (
    ActorDetail,
    ActorRef,
    ActorRow,
    ContactView,
    Listing,
)
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
        when ``limit`` is None): read in order from the index of the sorted column,
        so a page costs the same at any number of actors (see ``actor_list``)."""
        filters = actor_list.conditions(query, sector, include_archived)
        with self._db.reading() as session:
            ids = actor_list.page_ids(session, filters, order_by, descending, offset, limit)
            return actor_list.rows_for(session, ids)

    def count(
        self, query: str = "", sector: str | None = None, include_archived: bool = False
    ) -> int:
        """How many rows :meth:`list` gives for the same search and filter."""
        stmt = select(func.count(Actor.id)).where(
            *actor_list.conditions(query, sector, include_archived)
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
        filters = actor_list.conditions(query, sector, include_archived)
        with self._db.reading() as session:
            return actor_list.position(session, actor_id, filters, order_by, descending)

    def listing(
        self,
        query: str = "",
        sector: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> Listing[ActorRow]:
        """The list as the actors view reads it: counted, then a page at a time. In
        an order an index gives, each page and position is one query; in the order
        of the number of projects (counted for every actor), the ids of the whole
        list are read once, here, and the pages by id."""
        asked = (query, sector, include_archived)
        if order_by in actor_list.INDEXED_ORDERS:
            return Listing(
                self.count(*asked),
                lambda offset, limit: self.page(*asked, order_by, descending, offset, limit),
                lambda actor_id: self.position(actor_id, *asked, order_by, descending),
            )
        filters = actor_list.conditions(*asked)
        with self._db.reading() as session:
            ids = actor_list.ordered_ids(session, filters, order_by, descending)
        rows = {actor_id: row for row, actor_id in enumerate(ids)}

        def page(offset: int, limit: int) -> tuple[ActorRow, ...]:
            with self._db.reading() as session:
                return actor_list.rows_for(session, ids[max(0, offset) : max(0, offset) + limit])

        return Listing(len(ids), page, lambda actor_id: rows.get(actor_id, -1))

    def search(self, query: str, include_archived: bool = False) -> tuple[ActorRow, ...]:
        return self.list(query=query, include_archived=include_archived)

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
        set_person_keys(actor)
