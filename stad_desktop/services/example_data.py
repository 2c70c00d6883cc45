"""The example data: which records it is made of, and removing exactly those.

The example is only ever loaded into an empty database (see ``demo.load_demo``), so
when it has been loaded every record in the data tables is an example record. Their
ids are written then, per table, into the settings row ``example_data`` (JSON), so
that File → Remove example data can remove them, and nothing the user has made
since, however the example records were edited meanwhile.

A record of the user's own that refers to an example record (an effect entry in an
example project, a role of the user's actor in one, a meeting about one, input
from an example actor) keeps that example record in place, whole (a project with
its checklist, indicators, entries and role matrix) and with what it refers to:
removing it would delete or change the user's record. Those example records stay
listed, so they can be removed later, once nothing of the user's refers to them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from stad_desktop.language import N_, Message
from stad_desktop.model import Base, Setting
from stad_desktop.services.changes import Change, unchanged
from stad_desktop.services.travel_rows import META_TABLES
from stad_desktop.storage import Database
from stad_desktop.storage.history import record_rows

EXAMPLE_KEY = "example_data"
# The tables the example data fills: every data table except the roles (the program's
# own) and the settings (the user's). A new table is an example table unless named here.
NOT_EXAMPLE_TABLES = META_TABLES | {"roles", "settings"}
EXAMPLE_TABLES = tuple(
    t.name for t in Base.metadata.sorted_tables if t.name not in NOT_EXAMPLE_TABLES
)

Ids = dict[str, set[str]]


@dataclass(frozen=True)
class ExampleSummary:
    """How many example records of each kind are in the database now."""

    actors: int = 0
    projects: int = 0
    meetings: int = 0
    kept: Mapping[str, int] = field(default_factory=dict)
    """After a removal: the example records kept because the user's records refer
    to them (table -> count)."""

    @property
    def empty(self) -> bool:
        return not (self.actors or self.projects or self.meetings)


def _tables() -> list[Table]:
    """The example tables, parents before the tables that refer to them."""
    return [t for t in Base.metadata.sorted_tables if t.name in EXAMPLE_TABLES]


def _read_marker(session: Session) -> tuple[Setting | None, Ids]:
    setting = session.scalar(select(Setting).where(Setting.key == EXAMPLE_KEY))
    ids: Ids = {name: set() for name in EXAMPLE_TABLES}
    if setting is not None:
        try:
            data = json.loads(setting.value)
        except ValueError:
            data = {}
        if isinstance(data, dict):
            for name in EXAMPLE_TABLES:
                ids[name] = {str(i) for i in data.get(name, [])}
    return setting, ids


def _write_marker(session: Session, setting: Setting | None, ids: Ids) -> None:
    value = json.dumps({name: sorted(ids[name]) for name in EXAMPLE_TABLES if ids[name]})
    if setting is None:
        setting = Setting(key=EXAMPLE_KEY)
        session.add(setting)
    setting.value = value
    session.flush()


def _present(session: Session, ids: Ids) -> Ids:
    """``ids`` without the records that are no longer in the database."""
    result: Ids = {}
    for table in _tables():
        wanted = ids[table.name]
        found: set[str] = set()
        listed = sorted(wanted)
        for start in range(0, len(listed), 500):
            chunk = listed[start : start + 500]
            found.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
        result[table.name] = found
    return result


# The parts a record is made of: a kept record keeps them (a kept project stays
# whole, with its checklist, indicators, entries and role matrix).
PARTS = {
    ("contact_persons", "actor_id"),
    ("checklist_items", "project_id"),
    ("indicators", "project_id"),
    ("effect_entries", "project_id"),
    ("effect_entries", "indicator_id"),
    ("project_actors", "project_id"),
    ("role_assignments", "project_id"),
    ("meeting_participants", "meeting_id"),
    ("input_items", "meeting_id"),
    ("input_item_projects", "input_item_id"),
}


def _keep_what_others_need(session: Session, doomed: Ids) -> Ids:
    """Take out of ``doomed`` (which is changed) the records a record staying in the
    database refers to, with their parts (see PARTS) and what those refer to in
    turn; returns what was taken out."""
    kept: Ids = {name: set() for name in EXAMPLE_TABLES}

    def keep(table: str, record_id: str) -> bool:
        if record_id in doomed[table]:
            doomed[table].discard(record_id)
            kept[table].add(record_id)
            return True
        return False

    changed = True
    while changed:
        changed = False
        for table in _tables():
            for fk in table.foreign_keys:
                parent = fk.column.table.name
                if parent not in doomed:
                    continue
                column = fk.parent
                part = (table.name, column.name) in PARTS
                # A staying row keeps the record it refers to ...
                if doomed[parent]:
                    stmt = select(table.c.id, column).where(column.in_(sorted(doomed[parent])))
                    for row_id, parent_id in session.execute(stmt):
                        if row_id not in doomed[table.name]:
                            changed |= keep(parent, parent_id)
                # ... and a kept record keeps its parts.
                if part and kept[parent] and doomed[table.name]:
                    parts = select(table.c.id).where(column.in_(sorted(kept[parent])))
                    for part_id in session.scalars(parts):
                        changed |= keep(table.name, part_id)
    return kept


def _summary(ids: Ids, kept: Ids | None = None) -> ExampleSummary:
    return ExampleSummary(
        actors=len(ids["actors"]),
        projects=len(ids["projects"]),
        meetings=len(ids["meetings"]),
        kept={name: len(v) for name, v in (kept or {}).items() if v},
    )


class ExampleDataService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def mark_everything_as_example(self) -> None:
        """Write down every record now in the data tables as example data (called
        when the example has just been loaded into an empty database)."""
        with self._db.transaction() as session:
            setting, ids = _read_marker(session)
            for table in _tables():
                ids[table.name].update(session.scalars(select(table.c.id)))
            _write_marker(session, setting, ids)

    def summary(self) -> ExampleSummary:
        """The example records still in the database."""
        with self._db.reading() as session:
            _setting, ids = _read_marker(session)
            return _summary(_present(session, ids))

    def remove(self) -> Change[ExampleSummary]:
        """Remove the example records (see the module's text) in one transaction.
        The value tells what was removed and what had to stay; undoing puts every
        removed record back as it was, with its id and times."""
        with self._db.transaction() as session:
            setting, listed = _read_marker(session)
            doomed = _present(session, listed)
            kept = _keep_what_others_need(session, doomed)
            removed = _summary(doomed, kept)
            description = Message(N_("Remove example data"))
            if not any(doomed.values()):
                return unchanged(removed, description)
            rows: dict[str, list[dict[str, Any]]] = {}
            for table in _tables():
                chosen = sorted(doomed[table.name])
                rows[table.name] = [
                    dict(row._mapping)
                    for start in range(0, len(chosen), 500)
                    for row in session.execute(
                        select(table).where(table.c.id.in_(chosen[start : start + 500]))
                    )
                ]
            for table in reversed(_tables()):
                chosen = sorted(doomed[table.name])
                record_rows(session, table.name, rows[table.name], "delete")
                for start in range(0, len(chosen), 500):
                    session.execute(
                        delete(table).where(table.c.id.in_(chosen[start : start + 500]))
                    )
            _write_marker(session, setting, {n: listed[n] - doomed[n] for n in EXAMPLE_TABLES})
        return Change(removed, description, lambda: self._put_back(rows, listed))

    def _put_back(
        self, rows: Mapping[str, Iterable[dict[str, Any]]], listed: Ids
    ) -> Change[ExampleSummary]:
        with self._db.transaction() as session:
            for table in _tables():
                values = list(rows.get(table.name, ()))
                if values:
                    session.execute(table.insert(), values)
                    record_rows(session, table.name, values, "insert")
            setting, _ids = _read_marker(session)
            _write_marker(session, setting, listed)
            restored = _summary(_present(session, listed))
        return Change(restored, Message(N_("Remove example data")), self.remove)
