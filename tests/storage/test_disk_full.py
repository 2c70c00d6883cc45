"""A full disk: the write is rolled back whole, the user is told, the earlier data stays.

Three ways to run out of space, from the most to the least real:
- a small RAM file system (tmpfs, mounted for the test where the test may mount,
  as root here): the kernel answers ENOSPC, SQLite reports "database or disk is
  full" (SQLITE_FULL), exactly what a full disk does;
- SQLite's ``max_page_count``: SQLite's own SQLITE_FULL path, runs anywhere;
- a file-size limit (RLIMIT_FSIZE) in a child process: the kernel answers EFBIG,
  which SQLite reports as a write I/O error (SQLITE_IOERR_WRITE), not as "full";
  the user gets a StorageError all the same and nothing is lost.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import Database, StorageError, StorageProblem, open_database
from stad_desktop.storage.sqlite_file import integrity_check

CHILD = Path(__file__).with_name("db_child.py")


def fill_until_full(services: Services) -> tuple[list[str], StorageError]:
    saved = [services.actors.create(ActorInput(name=f"Lag {n}")).value.id for n in range(5)]
    for number in range(10_000):
        try:
            services.actors.create(ActorInput(name=f"Stor {number}", notes="z" * 19_000))
        except StorageError as exc:
            return saved, exc
        saved.append("")  # counted, not checked by id
    raise AssertionError("the disk never filled")


def check_after_full(services: Services, saved: list[str], error: StorageError) -> None:
    assert error.problem is StorageProblem.DISK_FULL
    for lang in ("nn", "nb", "en"):
        assert Translator(lang).render(error.message)
    assert "full" in Translator("en").render(error.message)
    ids = {row.id for row in services.actors.list()}
    assert {i for i in saved if i} <= ids
    assert len(ids) == len(saved)  # the failed write left nothing behind
    assert services.db.path is not None
    assert integrity_check(services.db.path) == []


def _limit_pages(db: Database, extra_pages: int) -> None:
    """Let the file grow by at most ``extra_pages`` pages, on every connection."""
    with db.engine.connect() as conn:
        pages = int(conn.execute(text("PRAGMA page_count")).scalar() or 0)

    def limit(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + extra_pages}")  # type: ignore[attr-defined]

    db.engine.dispose()
    event.listen(db.engine, "connect", limit)


def test_full_database_file_rolls_back(db_path: Path) -> None:
    db = open_database(db_path)
    services = Services(db)
    _limit_pages(db, 60)
    saved, error = fill_until_full(services)
    check_after_full(services, saved, error)
    # Still usable: a small change fits and is saved.
    services.actors.create(ActorInput(name="Lite lag"))
    db.close()


def _mount_small_disk(folder: Path, size: str) -> bool:
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    return result.returncode == 0


@pytest.fixture
def small_disk() -> Iterator[Path | None]:
    """A 1 MB file system, or None where this test may not mount one."""
    with tempfile.TemporaryDirectory() as base:
        folder = Path(base) / "disk"
        mounted = _mount_small_disk(folder, "1m")
        try:
            yield folder if mounted else None
        finally:
            if mounted:
                subprocess.run(["umount", "-l", str(folder)], check=True)


def test_full_disk_rolls_back(small_disk: Path | None, tmp_path: Path) -> None:
    """On a really full file system where possible, else with SQLite's own limit."""
    if small_disk is None:  # pragma: no cover - not root
        db = open_database(tmp_path / "stad.sqlite3")
        _limit_pages(db, 200)
    else:
        db = open_database(small_disk / "stad.sqlite3")
    services = Services(db)
    saved, error = fill_until_full(services)
    check_after_full(services, saved, error)
    db.close()
    # Reopening on the full disk works and shows the saved data.
    db = open_database(db.path, startup_backup=False)  # type: ignore[arg-type]
    assert len(Services(db).actors.list()) == len(saved)
    db.close()


def test_file_size_limit_in_a_child(db_path: Path) -> None:
    db = open_database(db_path)
    before = {Services(db).actors.create(ActorInput(name=f"Lag {n}")).value.id for n in range(5)}
    db.close()
    limit = db_path.stat().st_size + 400_000
    result = subprocess.run(
        [sys.executable, str(CHILD), "fill", str(db_path), str(limit)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert "error" in lines, result.stdout
    kind = lines[lines.index("error") + 1]
    assert kind in (StorageProblem.DISK_FULL, StorageProblem.OTHER)
    committed = {line for line in result.stdout.splitlines() if len(line) == 36}
    assert committed, "the limit was hit before any write"
    count = int(lines[lines.index("actors") + 1])
    assert integrity_check(db_path) == []
    db = open_database(db_path)
    ids = {row.id for row in Services(db).actors.list()}
    db.close()
    assert before | committed <= ids
    assert len(ids) == count == len(before) + len(committed)


def test_full_disk_at_start_up_is_a_full_disk_and_leaves_no_lock_file(
    small_disk: Path | None, tmp_path: Path
) -> None:
    """On a full file system where possible, else with no room allowed for any file
    (the kernel's file-size limit, in a child process)."""
    folder = small_disk if small_disk is not None else tmp_path / "office"
    folder.mkdir(exist_ok=True)
    path = folder / "stad.sqlite3"
    db = open_database(path)
    Services(db).actors.create(ActorInput(name="Selje grendalag"))
    db.close()
    before = sorted(p.name for p in folder.iterdir())
    if small_disk is None:  # pragma: no cover - not root
        result = subprocess.run(
            [sys.executable, str(CHILD), "open", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout.split() == ["error", StorageProblem.DISK_FULL], result.stderr
    else:
        with (small_disk / "filler").open("wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
            except OSError:
                pass
        before.append("filler")
        with pytest.raises(StorageError) as info:
            open_database(path)
        assert info.value.problem is StorageProblem.DISK_FULL
        assert "full" in Translator("en").render(info.value.message)
        assert "read-only" not in Translator("en").render(info.value.message)
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)  # no .lock left
