"""Damaged, read-only and busy files: a clear StorageError, a usable program, an untouched file.

Read-only files and folders as root: permission bits do not stop root, so the
tests make the file or folder *immutable* (``chattr +i``), which the kernel
enforces for root too (EPERM on any write, and on creating files in a folder),
just as a read-only network share or USB stick would. As another user plain
``chmod`` does the same. Each case is also run with ``os.access`` patched to
say "writable" (what Windows ACLs or some network file systems do), so the code
that handles the failing write itself is exercised, not just the pre-check.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from file_helpers import snapshot

from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import (
    StorageError,
    StorageProblem,
    engine,
    open_database,
    sqlite_file,
)


def make_database(path: Path, actors: int = 3) -> None:
    db = open_database(path)
    services = Services(db)
    for number in range(actors):
        services.actors.create(ActorInput(name=f"Lag {number}", village="Lote"))
    db.close()


def assert_clear_message(error: StorageError, path: Path) -> None:
    for lang in ("nn", "nb", "en"):
        text = Translator(lang).render(error.message)
        assert str(path) in text or path.name in text
        assert "{" not in text


def assert_still_usable(tmp_path: Path) -> None:
    other = tmp_path / "good" / "other.sqlite3"
    other.parent.mkdir(exist_ok=True)
    db = open_database(other)
    Services(db).actors.create(ActorInput(name="Bryggja idrettslag"))
    db.close()


# --- read-only files and folders ------------------------------------------------------


def _writable_file(path: Path) -> bool:
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return False
    return True


def _writable_folder(path: Path) -> bool:
    probe = path / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Make a file or folder really read-only for this process (see the module doc)."""
    undo: list[list[str] | tuple[Path, int]] = []

    def apply(path: Path) -> None:
        writable = _writable_folder if path.is_dir() else _writable_file
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        undo.append((path, mode))
        if writable(path) and shutil.which("chattr"):
            subprocess.run(["chattr", "+i", str(path)], check=True)
            undo.append(["chattr", "-i", str(path)])
        assert not writable(path), f"cannot make {path} read-only on this system"

    yield apply
    for step in reversed(undo):
        if isinstance(step, list):
            subprocess.run(step, check=True)
        else:
            step[0].chmod(step[1])


@pytest.fixture(params=["checked", "access-says-writable"])
def access_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "access-says-writable":
        monkeypatch.setattr(sqlite_file.os, "access", lambda *_args, **_kw: True)
    return str(request.param)


def test_read_only_file(
    tmp_path: Path, read_only: Callable[[Path], None], access_mode: str
) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path)
    read_only(path)
    before = snapshot(tmp_path)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem is StorageProblem.READ_ONLY
    assert_clear_message(info.value, path)
    assert snapshot(tmp_path) == before  # no lock file, no -wal/-shm, no backup
    assert_still_usable(tmp_path)


def test_read_only_folder(
    tmp_path: Path, read_only: Callable[[Path], None], access_mode: str
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "stad.sqlite3"
    make_database(path)
    read_only(folder)
    before = snapshot(folder)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem is StorageProblem.READ_ONLY
    assert_clear_message(info.value, path)
    assert snapshot(folder) == before
    assert_still_usable(tmp_path)


def test_new_file_in_read_only_folder(
    tmp_path: Path, read_only: Callable[[Path], None], access_mode: str
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    read_only(folder)
    with pytest.raises(StorageError) as info:
        open_database(folder / "new.sqlite3")
    assert info.value.problem is StorageProblem.READ_ONLY
    assert list(folder.iterdir()) == []


# --- damaged files ----------------------------------------------------------------------


def _page_size(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[16:18], "big")


def test_damaged_schema_page(tmp_path: Path) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path)
    data = bytearray(path.read_bytes())
    data[100 : _page_size(path)] = os.urandom(_page_size(path) - 100)
    path.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem in (StorageProblem.CORRUPT, StorageProblem.NOT_DATABASE)
    assert "backup" in Translator("en").render(info.value.message)
    assert snapshot(tmp_path) == before
    assert_still_usable(tmp_path)


def test_damaged_garbage_after_header(tmp_path: Path) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path)
    data = bytearray(path.read_bytes())
    data[16:100] = b"\xff" * 84
    path.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem in (StorageProblem.CORRUPT, StorageProblem.NOT_DATABASE)
    assert snapshot(tmp_path) == before


def test_truncated_wal_mode_file(tmp_path: Path) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path, actors=60)
    data = path.read_bytes()
    assert data[18:20] == b"\x02\x02"  # the program's files are in WAL mode
    path.write_bytes(data[: len(data) // 3])
    before = snapshot(tmp_path)
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert info.value.problem is StorageProblem.CORRUPT
    assert snapshot(tmp_path) == before
    assert_still_usable(tmp_path)


def test_damage_found_while_reading(tmp_path: Path) -> None:
    """Damage that comes while the database is open (a failing disk) passes no check
    at opening; reading then gives CORRUPT. (Damage there before is refused at
    opening: see test_integrity.py.)"""
    path = tmp_path / "stad.sqlite3"
    make_database(path, actors=40)
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='actors'").fetchone()
    conn.close()
    db = open_database(path)
    try:
        size = _page_size(path)
        with path.open("r+b") as handle:
            handle.seek((root - 1) * size)
            handle.write(b"\x0d" + os.urandom(size - 1))
        db.engine.dispose()  # no page of the file kept in memory from before
        with pytest.raises(StorageError) as info:
            Services(db).actors.list()
        assert info.value.problem is StorageProblem.CORRUPT
        assert_clear_message(info.value, path)
    finally:
        db.close()
    assert_still_usable(tmp_path)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "stad.sqlite3"
    folder.mkdir()
    with pytest.raises(StorageError) as info:
        open_database(folder)
    assert info.value.problem is StorageProblem.NOT_DATABASE
    assert list(folder.iterdir()) == []


# --- busy: another program holds a write lock ----------------------------------------


def test_busy_database_gives_locked_and_recovers(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    db = open_database(db_path)
    services = Services(db)
    services.actors.create(ActorInput(name="Før"))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as info:
            services.actors.create(ActorInput(name="Medan"))
        assert info.value.problem is StorageProblem.LOCKED
        assert_clear_message(info.value, db_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    services.actors.create(ActorInput(name="Etter"))
    assert [a.name for a in services.actors.list()] == ["Etter", "Før"]
    db.close()
