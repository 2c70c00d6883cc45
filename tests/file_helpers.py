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
