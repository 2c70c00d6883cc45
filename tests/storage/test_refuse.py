"""Files that are not ours, damaged, or too new are refused and left byte-for-byte untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from stad_desktop.language import Translator
from stad_desktop.storage import StorageError, StorageProblem, open_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Møtereferat frå Selje\n", encoding="utf-8")
    before, files = digest(path), siblings(path)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem is StorageProblem.NOT_DATABASE
    assert "notes.txt" in Translator("nn").render(info.value.message)
    assert digest(path) == before
    assert siblings(path) == files


def test_too_new_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = open_database(path)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before, files = digest(path), siblings(path)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem is StorageProblem.TOO_NEW
    assert "9999" in info.value.message.render(Translator("en"))
    assert digest(path) == before
    assert siblings(path) == files


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem is StorageProblem.FOREIGN
    assert digest(path) == before


def test_truncated_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite3"
    db = open_database(path)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem is StorageProblem.CORRUPT
    assert digest(path) == before


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        open_database(tmp_path / "no" / "such" / "folder" / "x.sqlite3")
    assert info.value.problem is StorageProblem.MISSING_FOLDER
    assert not (tmp_path / "no").exists()
