"""The persons the database holds, why it keeps them, and when to look at them again.

A person is a name: a contact person of an actor, or a name given as "from whom" on
input or "recorded by" on an effect entry. Names are compared folded (case and
spacing do not matter), so the same person found in several places is one person.
Their id is the id of their first contact record, or, for a person only named in
those free fields, ``n-`` and a hash of the folded name (so it stays the same).

Each person has a legal basis (model.enums.LegalBasis) and a review date: the one
set, or else the months in the setting ``personal_data.review_months`` (24 when
not set) after their last activity. A person whose review date has passed is *due
for review* and is left out of printouts and exports until they are kept, renewed
or erased.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stad_desktop.language import N_
from stad_desktop.model import (
    Actor,
    ContactPerson,
    EffectEntry,
    InputItem,
    LegalBasis,
    Meeting,
    MeetingParticipant,
    NamedPerson,
    Setting,
)
from stad_desktop.services import validation as v
from stad_desktop.services.errors import ValidationError
from stad_desktop.storage import Database
from stad_desktop.storage.history import USER_NAME_KEY, os_user_name
from stad_desktop.textkeys import fold

REVIEW_MONTHS_KEY = "personal_data.review_months"
DEFAULT_REVIEW_MONTHS = 24
MAX_REVIEW_MONTHS = 240
# The longest name the change history records as "by whom".
USER_NAME_MAX = 100


def person_key(name: str) -> str:
    """The folded name a person is known by (case and spacing do not matter)."""
    return " ".join(fold(name).split())


def named_id(key: str) -> str:
    return "n-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


@dataclass(frozen=True)
class PersonRow:
    """One person, with why and until when they are kept."""

    id: str
    name: str
    key: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    actors: tuple[str, ...]
    contact_ids: tuple[str, ...]
    gives_input: bool
    records_entries: bool
    legal_basis: str
    consent_date: dt.date | None
    consent_how: str
    last_activity: dt.date | None
    review_date: dt.date

    def due(self, today: dt.date | None = None) -> bool:
        return self.review_date <= (today or dt.date.today())


@dataclass
class _Gathered:
    name: str
    contact_ids: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    actor_ids: list[str] = field(default_factory=list)
    activity: list[dt.date] = field(default_factory=list)
    gives_input: bool = False
    records_entries: bool = False
    basis: tuple[str, dt.date | None, str, dt.date | None] | None = None


def _add(items: list[str], value: str) -> None:
    if value and value not in items:
        items.append(value)


def review_months(session: Session) -> int:
    value = session.scalar(select(Setting.value).where(Setting.key == REVIEW_MONTHS_KEY))
    try:
        months = int(value or DEFAULT_REVIEW_MONTHS)
    except ValueError:
        return DEFAULT_REVIEW_MONTHS
    return months if 1 <= months <= MAX_REVIEW_MONTHS else DEFAULT_REVIEW_MONTHS


def gather_persons(session: Session) -> list[PersonRow]:
    """Every person in the database, sorted by name (one query per kind of place)."""
    people: dict[str, _Gathered] = {}

    def person(name: str) -> _Gathered:
        key = person_key(name)
        return people.setdefault(key, _Gathered(" ".join(name.split())))

    contacts = session.execute(
        select(ContactPerson, Actor.name)
        .join(Actor, Actor.id == ContactPerson.actor_id)
        .order_by(ContactPerson.created_at, ContactPerson.id)
    )
    for contact, actor_name in contacts:
        if not contact.name.strip():
            continue
        found = person(contact.name)
        found.contact_ids.append(contact.id)
        _add(found.emails, contact.email)
        _add(found.phones, contact.phone)
        _add(found.actors, actor_name)
        _add(found.actor_ids, contact.actor_id)
        found.activity.append(contact.updated_at.date())
        if found.basis is None:
            found.basis = (
                contact.legal_basis,
                contact.consent_date,
                contact.consent_how,
                contact.review_date,
            )
        if contact.consent_date is not None:
            found.activity.append(contact.consent_date)
    attended = dict(
        session.execute(
            select(MeetingParticipant.actor_id, func.max(Meeting.meeting_date))
            .join(Meeting, Meeting.id == MeetingParticipant.meeting_id)
            .group_by(MeetingParticipant.actor_id)
        ).all()
    )
    for found in people.values():
        found.activity.extend(attended[a] for a in found.actor_ids if a in attended)
    inputs = session.execute(
        select(InputItem.from_name, func.max(Meeting.meeting_date))
        .join(Meeting, Meeting.id == InputItem.meeting_id)
        .where(InputItem.from_name != "")
        .group_by(InputItem.from_name)
    )
    for name, last in inputs:
        if name.strip():
            found = person(name)
            found.gives_input = True
            found.activity.append(last)
    entries = session.execute(
        select(EffectEntry.recorded_by, func.max(EffectEntry.entry_date))
        .where(EffectEntry.recorded_by != "")
        .group_by(EffectEntry.recorded_by)
    )
    for name, last in entries:
        if name.strip():
            found = person(name)
            found.records_entries = True
            found.activity.append(last)
    named = {row.key: row for row in session.scalars(select(NamedPerson))}
    months = review_months(session)
    result = []
    for key, found in people.items():
        basis = found.basis
        row = named.get(key)
        if basis is None and row is not None:
            basis = (row.legal_basis, row.consent_date, row.consent_how, row.review_date)
        if basis is None:
            basis = (LegalBasis.LEGITIMATE_INTEREST.value, None, "", None)
        latest = max(found.activity) if found.activity else None
        review = basis[3] or add_months(latest or dt.date.today(), months)
        result.append(
            PersonRow(
                id=found.contact_ids[0] if found.contact_ids else named_id(key),
                name=found.name,
                key=key,
                emails=tuple(found.emails),
                phones=tuple(found.phones),
                actors=tuple(found.actors),
                contact_ids=tuple(found.contact_ids),
                gives_input=found.gives_input,
                records_entries=found.records_entries,
                legal_basis=basis[0],
                consent_date=basis[1],
                consent_how=basis[2],
                last_activity=latest,
                review_date=review,
            )
        )
    result.sort(key=lambda p: (p.key, p.id))
    return result


def due_keys(session: Session, today: dt.date | None = None) -> frozenset[str]:
    """The folded names of the persons whose review date has passed."""
    return frozenset(p.key for p in gather_persons(session) if p.due(today))


@dataclass(frozen=True)
class PersonalDataSettings:
    review_months: int
    """Months after the last activity until a person is due for review."""
    user_name: str
    """The name the change history records; empty: the operating-system account."""
    os_user_name: str


def _months(field: str, value: int | str) -> int:
    text = str(value).strip()
    months = int(text) if text.isdigit() and text.isascii() else 0
    if not 1 <= months <= MAX_REVIEW_MONTHS:
        raise ValidationError(field, N_("Give a number of months from 1 to 240."))
    return months


class PersonNotFound(LookupError):
    def __init__(self, wanted: str) -> None:
        super().__init__(wanted)
        self.wanted = wanted


def find_person(session: Session, name_or_id: str) -> PersonRow:
    """The person with this id (also any of their contact records' ids), or this
    name (folded). Raises PersonNotFound."""
    wanted = name_or_id.strip()
    key = person_key(wanted)
    for found in gather_persons(session):
        if wanted == found.id or wanted in found.contact_ids or key == found.key:
            return found
    raise PersonNotFound(wanted)


class PersonalDataService:
    """Listing persons, and the review: keep, renew (a new consent) or set the basis."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, query: str = "") -> tuple[PersonRow, ...]:
        with self._db.reading() as session:
            people = gather_persons(session)
        wanted = person_key(query)
        if wanted:
            people = [
                p
                for p in people
                if wanted in p.key
                or wanted == p.id
                or any(wanted in fold(text) for text in (*p.emails, *p.actors))
            ]
        return tuple(people)

    def due_for_review(self, today: dt.date | None = None) -> tuple[PersonRow, ...]:
        return tuple(p for p in self.list() if p.due(today))

    def due_keys(self, today: dt.date | None = None) -> frozenset[str]:
        """The folded names of the persons due for review, for :func:`is_due`."""
        with self._db.reading() as session:
            return due_keys(session, today)

    def find(self, name_or_id: str) -> PersonRow:
        with self._db.reading() as session:
            return find_person(session, name_or_id)

    def review_months(self) -> int:
        with self._db.reading() as session:
            return review_months(session)

    def set_review_months(self, months: int | str) -> None:
        self.save_settings(months, self.settings().user_name)

    def settings(self) -> PersonalDataSettings:
        with self._db.reading() as session:
            name = session.scalar(select(Setting.value).where(Setting.key == USER_NAME_KEY))
            return PersonalDataSettings(review_months(session), name or "", os_user_name())

    def save_settings(self, months: int | str, user_name: str) -> PersonalDataSettings:
        """The review period (whole months, 1 to 240) and the name the change history
        records (empty: the operating-system account). Both are checked first; a
        ValidationError names every bad field and nothing is saved."""
        check = v.Checks()
        checked = check(_months, "review_months", months)
        name = check(v.clean, "user_name", user_name, max_length=USER_NAME_MAX)
        check.done()
        with self._db.transaction() as session:
            for key, value in ((REVIEW_MONTHS_KEY, str(checked)), (USER_NAME_KEY, name)):
                setting = session.scalar(select(Setting).where(Setting.key == key))
                if setting is None:
                    setting = Setting(key=key)
                    session.add(setting)
                setting.value = value
        return self.settings()

    def keep(self, person_id: str, today: dt.date | None = None) -> PersonRow:
        """Still needed, on the same basis: the next review is the months from today."""
        return self._set(person_id, today=today)

    def renew(self, person_id: str, how: str, today: dt.date | None = None) -> PersonRow:
        """A new consent given today (``how``: in what way), reviewed the months from now."""
        how = v.required_text("consent_how", how, 500)
        return self._set(
            person_id,
            basis=LegalBasis.CONSENT,
            consent=(today or dt.date.today(), how),
            today=today,
        )

    def set_basis(
        self,
        person_id: str,
        basis: LegalBasis | str,
        *,
        consent_date: dt.date | None = None,
        consent_how: str = "",
        review_date: dt.date | None = None,
    ) -> PersonRow:
        basis = v.choice("legal_basis", basis, LegalBasis)
        if basis is LegalBasis.CONSENT and consent_date is None:
            raise ValidationError("consent_date", N_("Give the date the consent was given."))
        return self._set(
            person_id,
            basis=basis,
            consent=(consent_date, v.optional_text("consent_how", consent_how, 500))
            if basis is LegalBasis.CONSENT
            else (None, ""),
            review=review_date,
        )

    def _set(
        self,
        person_id: str,
        *,
        basis: LegalBasis | None = None,
        consent: tuple[dt.date | None, str] | None = None,
        review: dt.date | None = None,
        today: dt.date | None = None,
    ) -> PersonRow:
        day = today or dt.date.today()
        with self._db.transaction() as session:
            found = find_person(session, person_id)
            review = review or add_months(day, review_months(session))
            targets: list[ContactPerson | NamedPerson] = list(
                session.scalars(
                    select(ContactPerson).where(ContactPerson.id.in_(found.contact_ids))
                )
            )
            if not targets:
                row = session.scalar(select(NamedPerson).where(NamedPerson.key == found.key))
                if row is None:
                    row = NamedPerson(id=named_id(found.key), key=found.key, name=found.name)
                    row.legal_basis = found.legal_basis
                    row.consent_how = ""
                    session.add(row)
                targets = [row]
            for target in targets:
                if basis is not None:
                    target.legal_basis = basis.value
                if consent is not None:
                    target.consent_date = consent[0]
                    target.consent_how = consent[1]
                target.review_date = review
        return replace(self.find(found.id), review_date=review)


def is_due(name: str, due: frozenset[str]) -> bool:
    """The one rule of printouts and exports: a person named ``name`` is left out
    when their folded name is among ``due`` (``PersonalDataService.due_keys``)."""
    return person_key(name) in due
