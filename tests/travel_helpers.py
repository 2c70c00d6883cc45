"""Helpers for the travel-copy tests: take a copy, open it, and fingerprint data."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import Database, open_database

# Tables whose rows are the user's data (not the travel bookkeeping).
DATA_TABLES = (
    "actors",
    "contact_persons",
    "projects",
    "roles",
    "project_actors",
    "role_assignments",
    "indicators",
    "effect_entries",
    "checklist_items",
    "meetings",
    "meeting_participants",
    "input_items",
    "input_item_projects",
    "settings",
    "merge_records",
    "travel_copies",
)


@contextmanager
def opened(path: Path) -> Iterator[Services]:
    db = open_database(path)
    try:
        yield Services(db)
    finally:
        db.close()


def edit_actor(services: Services, actor_id: str, **changes: object) -> None:
    data = ActorInput.from_detail(services.actors.get(actor_id))
    services.actors.update(actor_id, dataclasses.replace(data, **changes))  # type: ignore[arg-type]


def fingerprint(path: Path | Database) -> str:
    """A digest of every data row (times of change included), to compare states: of
    a database file, or of an open database (a file's or a server's)."""
    if isinstance(path, Database):
        digest = hashlib.sha256()
        with path.engine.connect() as db:
            for table in DATA_TABLES:
                rows = db.exec_driver_sql(f'SELECT * FROM "{table}"')
                for row in sorted(map(repr, rows)):
                    digest.update(f"{table}:{row}\n".encode())
        return digest.hexdigest()
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        for table in DATA_TABLES:
            for row in sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"'))):
                digest.update(f"{table}:{row}\n".encode())
        return digest.hexdigest()
    finally:
        conn.close()


def checks_hold(path: Path | Database) -> None:
    """The file is whole and its references hold (a server checks both itself)."""
    if isinstance(path, Database):
        if path.path is None:
            return
        path = path.path
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
