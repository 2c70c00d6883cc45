"""The erasure register: every erasure, as salted hashes only (see services.erasure).

Kept in the database (``erasure_register``) and, for a database file, also in
``backups/.NAME.erasures.json`` beside the backup copies, so that it outlives a
restore of an older copy (which may hold no register, or an older one).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from stad_desktop.model import ErasureRecord


@dataclass(frozen=True)
class RegisterEntry:
    erased_at: str
    salt: str
    name_hash: str
    identity_hash: str


def register_file(db_path: Path) -> Path:
    from stad_desktop.storage.sqlite_file import backups_dir

    return backups_dir(db_path) / f".{db_path.name}.erasures.json"


def read_register_file(db_path: Path) -> list[RegisterEntry]:
    try:
        data = json.loads(register_file(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = []
    for item in data.get("erasures", []) if isinstance(data, dict) else []:
        try:
            entries.append(
                RegisterEntry(**{k: str(item[k]) for k in RegisterEntry.__annotations__})
            )
        except (KeyError, TypeError):
            continue
    return entries


def write_register_file(db_path: Path, entries: Iterable[RegisterEntry]) -> None:
    """Keep the register beside the backups too (merged with what is there)."""
    from stad_desktop.fileio import atomic_write

    known = {(e.salt, e.name_hash): e for e in read_register_file(db_path)}
    known.update({(e.salt, e.name_hash): e for e in entries})
    target = register_file(db_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {"erasures": [vars(e) for e in sorted(known.values(), key=lambda e: e.erased_at)]}
    with atomic_write(target, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(payload, indent=1))


def register_entries(session: Session) -> list[RegisterEntry]:
    return [
        RegisterEntry(r.erased_at.isoformat(), r.salt, r.name_hash, r.identity_hash)
        for r in session.scalars(select(ErasureRecord).order_by(ErasureRecord.erased_at))
    ]


def read_register_of_file(db_path: Path) -> list[RegisterEntry]:
    """The register in a database file nothing has open, read only; with the copy
    beside its backups. A file that cannot be read gives what the copy holds."""
    from stad_desktop.storage.sqlite_file import connect_read_only

    entries = read_register_file(db_path)
    if not db_path.exists():
        return entries
    try:
        conn = connect_read_only(db_path)
        try:
            rows = conn.execute(
                "SELECT erased_at, salt, name_hash, identity_hash FROM erasure_register"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return entries
    return entries + [RegisterEntry(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]
