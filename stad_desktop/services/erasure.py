"""Erasing a person, for good, and doing it again on a restored older copy.

:meth:`ErasureService.erase` removes the person everywhere in one transaction: their
contact records are deleted, "from whom" on their input and "recorded by" on their
entries are emptied (the input and the entries stay, so counts and statistics do
not change), the record kept for their legal basis goes, and the change history and
the program's own logs (merge records, travel base) keep the fact of each change but
no value that holds their name, e-mail or phone. The history of the erasure itself
records which fields changed, not what they held (storage.history.REDACT).

On a database file, every deleted or changed byte is overwritten (``secure_delete``
is on for every connection, see storage.database) and the write-ahead log is moved
into the file and truncated, so the name, e-mail and phone are gone from the file
and its ``-wal``. Free-text fields that mention the name (minutes, notes, input,
answers) are not changed: they are returned for the user to edit.

Every erasure is registered without personal data: salted SHA-256 hashes of the
person's folded name and of name, e-mails and phones together (the salt: setting
``personal_data.salt``, kept in each register row too). The register is kept in the
database and, for a file, in ``backups/.NAME.erasures.json`` beside the copies; a
restore carries it into the restored file and :func:`reapply` erases again every
registered person the restored data still holds, before the data is shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from stad_desktop.model import (
    Actor,
    ChangeRecord,
    ContactPerson,
    EffectEntry,
    ErasureRecord,
    InputItem,
    MergeRecord,
    NamedPerson,
    Setting,
    TravelBase,
)
from stad_desktop.services.erasure_register import (
    RegisterEntry,
    read_register_file,
    register_entries,
    write_register_file,
)
from stad_desktop.services.person_dossier import Mention, find_mentions
from stad_desktop.services.personal_data import PersonRow, find_person, gather_persons, person_key
from stad_desktop.storage import Database
from stad_desktop.storage.history import REDACT

SALT_KEY = "personal_data.salt"


def _hash(salt: str, value: str) -> str:
    return hashlib.sha256(f"{salt}\x1f{value}".encode()).hexdigest()


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def identity_value(person: PersonRow) -> str:
    """Name, e-mails and phones, normalised, as one text (hashed, never stored)."""
    emails = sorted(e.strip().casefold() for e in person.emails)
    phones = sorted(_digits(p) for p in person.phones)
    return "\x1e".join([person.key, *emails, *phones])


@dataclass(frozen=True)
class ErasureSummary:
    """What an erasure removes (before: a preview; after: what it did)."""

    name: str
    contacts: int
    inputs: int
    entries: int
    history: int
    mentions: tuple[Mention, ...]


def _salt(session: Session) -> str:
    setting = session.scalar(select(Setting).where(Setting.key == SALT_KEY))
    if setting is None or not setting.value:
        setting = setting or Setting(key=SALT_KEY)
        setting.value = secrets.token_hex(16)
        session.add(setting)
    return setting.value


def _scrub(value: Any, needles: tuple[str, ...]) -> tuple[Any, bool]:
    """``value`` (parsed JSON) with every string holding a needle made None."""
    if isinstance(value, str):
        folded = value.casefold()
        if any(n in folded for n in needles):
            return None, True
        return value, False
    if isinstance(value, list):
        parts = [_scrub(v, needles) for v in value]
        return [p for p, _ in parts], any(c for _, c in parts)
    if isinstance(value, dict):
        changed = False
        out = {}
        for key, item in value.items():
            out[key], hit = _scrub(item, needles)
            changed = changed or hit
        return out, changed
    return value, False


def _scrub_json_column(
    session: Session, rows: Iterable[Any], column: str, needles: tuple[str, ...]
) -> int:
    count = 0
    for row in rows:
        try:
            data = json.loads(getattr(row, column))
        except (ValueError, TypeError):
            continue
        cleaned, changed = _scrub(data, needles)
        if changed:
            setattr(row, column, json.dumps(cleaned, ensure_ascii=False, sort_keys=True))
            count += 1
    return count


def _needles(person: PersonRow) -> tuple[str, ...]:
    values = [person.name, *person.emails, *person.phones]
    return tuple(v.strip().casefold() for v in values if len(v.strip()) >= 3)


def _erase_in(session: Session, person: PersonRow, *, register: bool) -> ErasureSummary:
    session.info[REDACT] = True
    needles = _needles(person)
    contacts = list(
        session.scalars(select(ContactPerson).where(ContactPerson.id.in_(person.contact_ids)))
    )
    actor_ids = {c.actor_id for c in contacts}
    inputs = [
        i
        for i in session.scalars(select(InputItem).where(InputItem.from_name != ""))
        if person_key(i.from_name) == person.key
    ]
    entries = [
        e
        for e in session.scalars(select(EffectEntry).where(EffectEntry.recorded_by != ""))
        if person_key(e.recorded_by) == person.key
    ]
    record_ids = [*person.contact_ids, *(i.id for i in inputs), *(e.id for e in entries)]
    history = 0
    for change in session.scalars(
        select(ChangeRecord).where(ChangeRecord.record_id.in_(record_ids))
    ):
        try:
            fields = json.loads(change.changes)
        except ValueError:
            fields = {}
        change.changes = json.dumps(dict.fromkeys(fields if isinstance(fields, dict) else {}))
        history += 1
    raw = [person.name, *person.emails, *person.phones]
    mentioning = or_(
        *(ChangeRecord.changes.contains(v.strip()) for v in raw if v.strip()),
        *(func.lower(ChangeRecord.changes).contains(n) for n in needles),
    )
    others = session.scalars(
        select(ChangeRecord).where(ChangeRecord.record_id.not_in(record_ids), mentioning)
    )
    history += _scrub_json_column(session, others, "changes", needles)
    for change in session.scalars(select(ChangeRecord).where(ChangeRecord.changed_by != "")):
        if person_key(change.changed_by) == person.key:
            change.changed_by = ""
    for contact in contacts:
        session.delete(contact)
    for item in inputs:
        item.from_name = ""
    for entry in entries:
        entry.recorded_by = ""
    for named in session.scalars(select(NamedPerson).where(NamedPerson.key == person.key)):
        session.delete(named)
    session.flush()
    _refresh_actors(session, actor_ids)
    _scrub_json_column(session, session.scalars(select(MergeRecord)), "losers", needles)
    _scrub_json_column(session, session.scalars(select(TravelBase)), "data", needles)
    if register:
        salt = _salt(session)
        name_hash = _hash(salt, person.key)
        if (
            session.scalar(select(ErasureRecord.id).where(ErasureRecord.name_hash == name_hash))
            is None
        ):
            session.add(
                ErasureRecord(
                    salt=salt,
                    name_hash=name_hash,
                    identity_hash=_hash(salt, identity_value(person)),
                )
            )
    session.flush()
    return ErasureSummary(
        person.name,
        len(contacts),
        len(inputs),
        len(entries),
        history,
        find_mentions(session, person.name),
    )


def _refresh_actors(session: Session, actor_ids: set[str]) -> None:
    """The search text and sort keys of the person's actors, without their name."""
    from stad_desktop.services.actors import set_actor_keys
    from stad_desktop.services.people_list import set_person_keys

    for actor in session.scalars(select(Actor).where(Actor.id.in_(actor_ids))):
        session.refresh(actor, ["contacts"])
        set_actor_keys(actor, [c.name for c in actor.contacts])
        set_person_keys(actor)


def wipe_file_traces(db: Database) -> None:
    """On a database file: move the write-ahead log into the file and empty it, so
    the old pages (which held the erased values) are gone from the ``-wal`` too."""
    if db.path is None:
        return
    with db.engine.connect() as conn:
        for _attempt in range(20):
            busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
            if busy is None or not busy[0]:
                break
            import time

            time.sleep(0.05)


class ErasureService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def preview(self, name_or_id: str) -> ErasureSummary:
        """What :meth:`erase` would remove, changing nothing."""
        from stad_desktop.services.person_dossier import gather_dossier

        with self._db.reading() as session:
            d = gather_dossier(session, name_or_id)
        return ErasureSummary(
            d.person.name,
            len(d.contacts),
            len(d.inputs),
            len(d.entries),
            len(d.history),
            d.mentions,
        )

    def erase(self, name_or_id: str) -> ErasureSummary:
        """Erase the person (personal_data.PersonNotFound if there is none). Cannot be
        undone: nothing of it goes on an undo stack."""
        with self._db.transaction() as session:
            person = find_person(session, name_or_id)
            summary = _erase_in(session, person, register=True)
            entries = register_entries(session)
        wipe_file_traces(self._db)
        if self._db.path is not None:
            write_register_file(self._db.path, entries)
        return summary

    def reapply(self, extra: Iterable[RegisterEntry] = ()) -> list[str]:
        """Bring the register up to date (with ``extra`` and, for a file, the copy
        beside the backups) and erase every registered person the data holds again.
        Returns the ids of the persons erased (no names)."""
        with self._db.transaction() as session:
            erased = reapply_in(session, self._db, extra)
            entries = register_entries(session)
        finish_reapply(self._db, erased, entries)
        return erased


def reapply_in(session: Session, db: Database, extra: Iterable[RegisterEntry] = ()) -> list[str]:
    """:meth:`ErasureService.reapply` inside a transaction the caller holds (a travel
    copy's merge): the register brought up to date and every registered person the
    data holds erased again. Returns the ids of the persons erased; the caller then
    calls :func:`finish_reapply` once the transaction is committed."""
    erased: list[str] = []
    outside = list(extra)
    if db.path is not None:
        outside += read_register_file(db.path)
    known = {(e.salt, e.name_hash) for e in register_entries(session)}
    for entry in outside:
        if (entry.salt, entry.name_hash) not in known:
            known.add((entry.salt, entry.name_hash))
            session.add(
                ErasureRecord(
                    erased_at=dt.datetime.fromisoformat(entry.erased_at),
                    salt=entry.salt,
                    name_hash=entry.name_hash,
                    identity_hash=entry.identity_hash,
                )
            )
    session.flush()
    if known:
        salts = {salt for salt, _ in known}
        for person in gather_persons(session):
            if any((salt, _hash(salt, person.key)) in known for salt in salts):
                _erase_in(session, person, register=False)
                erased.append(person.id)
    return erased


# The fields of rows from elsewhere (a travel copy) that name a person.
_NAMED_FIELDS = (("input_items", "from_name"), ("effect_entries", "recorded_by"))


def drop_erased(session: Session, *sides: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Take every person of the register out of rows read from a travel copy (its
    data and its base state, ``travel_rows.Rows``) before they are compared, shown
    as conflicts or merged: their contact rows go, and their names as "from whom"
    and "recorded by" are emptied, as the erasure did at the office."""
    known = {(e.salt, e.name_hash) for e in register_entries(session)}
    if not known:
        return
    salts = {salt for salt, _ in known}

    def erased(name: object) -> bool:
        key = person_key(str(name or ""))
        return bool(key) and any((salt, _hash(salt, key)) in known for salt in salts)

    for rows in sides:
        contacts = rows.get("contact_persons", {})
        for record_id in [rid for rid, row in contacts.items() if erased(row.get("name"))]:
            del contacts[record_id]
        for table, field in _NAMED_FIELDS:
            for row in rows.get(table, {}).values():
                if erased(row.get(field)):
                    row[field] = ""


def finish_reapply(db: Database, erased: list[str], entries: list[RegisterEntry]) -> None:
    """After the transaction of :func:`reapply_in`: the erased bytes wiped from the
    file and its ``-wal``, and the register's copy beside the backups written."""
    if erased:
        wipe_file_traces(db)
    if db.path is not None and entries:
        write_register_file(db.path, entries)
