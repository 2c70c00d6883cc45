"""Helpers for tests of database files: what a folder holds, and damage to a file."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its sha256 (so new -wal/-shm files show up too)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def damage_data_page(path: Path, table: str = "input_items") -> None:
    """Scramble the cells of the first page of ``table`` in the file at ``path``. The
    header and the schema stay whole, so the file opens as before; only a check of
    every page (or reading that table) finds the damage."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = (root - 1) * size + size // 2
    data[start : root * size] = random.Random(12).randbytes(root * size - start)
    path.write_bytes(bytes(data))


def record_syncs(monkeypatch: object) -> list[tuple[str, str]]:
    """From now on, every fsync (with the path it was given) and every rename (with
    its source), in order, while still doing them."""
    import os

    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(source: object, target: object) -> None:
        events.append(("rename", str(source)))
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fsync", fsync)  # type: ignore[attr-defined]
    monkeypatch.setattr(os, "replace", replace)  # type: ignore[attr-defined]
    return events
