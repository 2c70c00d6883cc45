"""Innsyn: everything the database holds about one person, as one read model.

Gathered in one reading session: the person's contact records (with the legal basis),
the roles of their actors in projects, the meetings their actors attended, the input
they gave ("from whom"), the effect entries they recorded ("recorded by"), the change
history of those records, and the free-text fields that mention their name. Written
as JSON by :func:`write_json`; the PDF is ``reports.person``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from stad_desktop.model import (
    Actor,
    ChangeRecord,
    ContactPerson,
    EffectEntry,
    Indicator,
    InputItem,
    Meeting,
    MeetingParticipant,
    Project,
    Role,
    RoleAssignment,
)
from stad_desktop.services.personal_data import PersonRow, find_person, person_key
from stad_desktop.storage import Database
from stad_desktop.textkeys import fold


@dataclass(frozen=True)
class ContactRecord:
    id: str
    actor: str
    name: str
    email: str
    phone: str
    legal_basis: str
    consent_date: dt.date | None
    consent_how: str
    review_date: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class RoleRecord:
    project: str
    actor: str
    role_nn: str
    role_nb: str
    role_en: str
    expectation: str
    contribution: str


@dataclass(frozen=True)
class MeetingRecord:
    id: str
    date: dt.date
    title: str
    place: str
    actor: str


@dataclass(frozen=True)
class InputRecord:
    id: str
    date: dt.date
    meeting: str
    text: str
    topic: str
    status: str
    answer: str


@dataclass(frozen=True)
class EntryRecord:
    id: str
    date: dt.date
    project: str
    indicator: str
    value: float | None
    text: str


@dataclass(frozen=True)
class HistoryRecord:
    changed_at: dt.datetime
    changed_by: str
    table: str
    record_id: str
    action: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class Mention:
    """A free-text field that mentions the person's name (to edit by hand)."""

    table: str
    record_id: str
    title: str
    field: str


@dataclass(frozen=True)
class PersonDossier:
    person: PersonRow
    made_at: dt.datetime
    contacts: tuple[ContactRecord, ...]
    roles: tuple[RoleRecord, ...]
    meetings: tuple[MeetingRecord, ...]
    inputs: tuple[InputRecord, ...]
    entries: tuple[EntryRecord, ...]
    history: tuple[HistoryRecord, ...]
    mentions: tuple[Mention, ...]


# (model, title column, free-text fields) searched for mentions of a name.
def _text_fields() -> tuple[tuple[Any, Any, tuple[str, ...]], ...]:
    return (
        (Meeting, Meeting.title, ("minutes", "title", "place")),
        (Actor, Actor.name, ("notes", "wishes_to_contribute", "name")),
        (Project, Project.name, ("notes", "summary", "goal", "target_group")),
        (InputItem, InputItem.topic, ("text", "answer", "topic")),
        (EffectEntry, EffectEntry.source, ("text", "source")),
        (RoleAssignment, RoleAssignment.id, ("expectation", "contribution")),
    )


def find_mentions(session: Session, name: str) -> tuple[Mention, ...]:
    """Free-text fields holding ``name`` (any case), for the user to edit."""
    wanted = fold(name.strip())
    if not wanted:
        return ()
    found = []
    for model, title, fields in _text_fields():
        columns = [getattr(model, f) for f in fields]
        rough = or_(*(func.lower(c).contains(wanted.split()[0][:3]) for c in columns))
        for row in session.scalars(select(model).where(rough)):
            for name_of_field in fields:
                if wanted in fold(getattr(row, name_of_field) or ""):
                    found.append(
                        Mention(
                            model.__tablename__, row.id, str(getattr(row, title.key)), name_of_field
                        )
                    )
    return tuple(found)


def gather_dossier(session: Session, name_or_id: str) -> PersonDossier:
    person = find_person(session, name_or_id)
    contacts = [
        ContactRecord(
            c.id,
            actor,
            c.name,
            c.email,
            c.phone,
            c.legal_basis,
            c.consent_date,
            c.consent_how,
            c.review_date,
            c.created_at,
            c.updated_at,
        )
        for c, actor in session.execute(
            select(ContactPerson, Actor.name)
            .join(Actor, Actor.id == ContactPerson.actor_id)
            .where(ContactPerson.id.in_(person.contact_ids))
            .order_by(Actor.sort_key)
        )
    ]
    actor_ids = list(
        session.scalars(
            select(ContactPerson.actor_id).where(ContactPerson.id.in_(person.contact_ids))
        )
    )
    roles = [
        RoleRecord(
            project, actor, role.name_nn, role.name_nb, role.name_en, a.expectation, a.contribution
        )
        for a, role, project, actor in session.execute(
            select(RoleAssignment, Role, Project.name, Actor.name)
            .join(Role, Role.id == RoleAssignment.role_id)
            .join(Project, Project.id == RoleAssignment.project_id)
            .join(Actor, Actor.id == RoleAssignment.actor_id)
            .where(RoleAssignment.actor_id.in_(actor_ids))
            .order_by(Project.sort_key, Role.position)
        )
    ]
    meetings = [
        MeetingRecord(m.id, m.meeting_date, m.title, m.place, actor)
        for m, actor in session.execute(
            select(Meeting, Actor.name)
            .join(MeetingParticipant, MeetingParticipant.meeting_id == Meeting.id)
            .join(Actor, Actor.id == MeetingParticipant.actor_id)
            .where(MeetingParticipant.actor_id.in_(actor_ids))
            .order_by(Meeting.meeting_date, Meeting.id)
        )
    ]
    inputs = [
        InputRecord(i.id, when, title, i.text, i.topic, i.status, i.answer)
        for i, when, title in session.execute(
            select(InputItem, Meeting.meeting_date, Meeting.title)
            .join(Meeting, Meeting.id == InputItem.meeting_id)
            .where(InputItem.from_name != "")
            .order_by(Meeting.meeting_date, InputItem.id)
        )
        if person_key(i.from_name) == person.key
    ]
    entries = [
        EntryRecord(e.id, e.entry_date, project, indicator or "", e.value, e.text)
        for e, project, indicator in session.execute(
            select(EffectEntry, Project.name, Indicator.name)
            .join(Project, Project.id == EffectEntry.project_id)
            .outerjoin(Indicator, Indicator.id == EffectEntry.indicator_id)
            .where(EffectEntry.recorded_by != "")
            .order_by(EffectEntry.entry_date, EffectEntry.id)
        )
        if person_key(e.recorded_by) == person.key
    ]
    history = gather_history(
        session,
        [*person.contact_ids, *(i.id for i in inputs), *(e.id for e in entries)],
        changed_by=person.name,
    )
    return PersonDossier(
        person=person,
        made_at=dt.datetime.now(dt.UTC),
        contacts=tuple(contacts),
        roles=tuple(roles),
        meetings=tuple(meetings),
        inputs=tuple(inputs),
        entries=tuple(entries),
        history=history,
        mentions=find_mentions(session, person.name),
    )


def gather_history(
    session: Session, record_ids: list[str], *, changed_by: str = ""
) -> tuple[HistoryRecord, ...]:
    """The changes of these records (and those made by ``changed_by``), oldest first."""
    where: Any = ChangeRecord.record_id.in_(record_ids)
    if changed_by:
        where = or_(where, ChangeRecord.changed_by == changed_by)
    rows = session.scalars(select(ChangeRecord).where(where).order_by(ChangeRecord.id))
    return tuple(
        HistoryRecord(
            r.changed_at,
            r.changed_by,
            r.table_name,
            r.record_id,
            r.action,
            loads_changes(r.changes),
        )
        for r in rows
    )


def loads_changes(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def dossier_json(dossier: PersonDossier) -> str:
    data = {f.name: _plain(getattr(dossier, f.name)) for f in dataclasses.fields(dossier)}
    for name in ("contacts", "roles", "meetings", "inputs", "entries", "history", "mentions"):
        data[name] = [_plain(dataclasses.asdict(item)) for item in getattr(dossier, name)]
    data["person"] = _plain(dataclasses.asdict(dossier.person))
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)


class PersonDossierService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def gather(self, name_or_id: str) -> PersonDossier:
        """Raises personal_data.PersonNotFound."""
        with self._db.reading() as session:
            return gather_dossier(session, name_or_id)

    def write_json(self, dossier: PersonDossier, output: Path) -> Path:
        """Write the dossier to ``output`` as JSON, atomically, after the check every
        file the user names gets (services.outputs); raises OutputRefused, OSError.
        (The PDF is ``reports.person.write_person_pdf``.)"""
        from stad_desktop.fileio import atomic_write
        from stad_desktop.services.outputs import OutputKind, check_output

        check_output(output, self._db.path, OutputKind.JSON)
        with atomic_write(output, "w", encoding="utf-8") as handle:
            handle.write(dossier_json(dossier) + "\n")
        return output

    @property
    def database_path(self) -> Path | None:
        return self._db.path
