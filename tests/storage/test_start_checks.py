"""The window does not wait for the check of every page and the start-up backup:
the database is read at once while both run on a worker thread; every write waits
for them, and a damaged file refuses writes and is left as it was."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import StorageError, open_database
from stad_desktop.storage.errors import StorageProblem
from stad_desktop.storage.integrity import BackgroundCheck
from stad_desktop.storage.sqlite_file import backups_dir


def in_wal_mode(path: Path) -> Path:
    """The file as the program leaves it: in write-ahead-log mode (a copy of a backup
    is not, and is checked before it is opened, as the program sets the mode)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return path


@pytest.fixture
def held_check(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The check of every page does not end until the event is set (a large file)."""
    release = threading.Event()
    outcome = BackgroundCheck.outcome

    def slow(self: BackgroundCheck) -> tuple[bool, StorageError | None]:
        release.wait(10)
        return outcome(self)

    monkeypatch.setattr(BackgroundCheck, "outcome", slow)
    return release


def test_reading_goes_on_while_the_check_runs_and_writes_wait(
    demo_path: Path, held_check: threading.Event
) -> None:
    db = open_database(in_wal_mode(demo_path), background_checks=True)
    try:
        services = Services(db)
        assert db.start_checks is not None and not db.start_checks.done
        assert len(services.actors.list()) > 0  # read while the check is under way
        written: list[str] = []
        writer = threading.Thread(
            target=lambda: written.append(services.actors.create(ActorInput("Ny lag")).value.id)
        )
        writer.start()
        time.sleep(0.3)
        assert written == []  # the write waits for the check and the backup
        held_check.set()
        writer.join(10)
        assert len(written) == 1
        assert db.start_checks.done
        assert db.startup_backup is not None and db.startup_backup.exists()
        assert db.startup_backup.parent == backups_dir(demo_path)
    finally:
        held_check.set()
        db.close()


def test_a_damaged_file_is_read_but_never_written(damaged_path: Path) -> None:
    in_wal_mode(damaged_path)
    before = damaged_path.read_bytes()
    backups_before = sorted(backups_dir(damaged_path).iterdir())
    db = open_database(damaged_path, background_checks=True)
    assert db.start_checks is not None  # opened before the check ended
    try:
        with pytest.raises(StorageError) as refused:
            Services(db).actors.create(ActorInput("Ny lag"))
        assert refused.value.problem is StorageProblem.CORRUPT
        with pytest.raises(StorageError):  # and again: no write ever follows
            Services(db).actors.create(ActorInput("Ny lag"))
    finally:
        db.close()
    assert damaged_path.read_bytes() == before
    assert sorted(backups_dir(damaged_path).iterdir()) == backups_before


def test_closing_while_the_check_runs_stops_it_and_makes_no_backup(
    demo_path: Path, held_check: threading.Event
) -> None:
    db = open_database(in_wal_mode(demo_path), background_checks=True)
    checks = db.start_checks
    assert checks is not None
    closer = threading.Thread(target=db.close)
    closer.start()
    deadline = time.monotonic() + 10
    while not checks._cancelled and time.monotonic() < deadline:  # the close has begun
        time.sleep(0.01)
    held_check.set()
    closer.join(10)
    assert not closer.is_alive() and checks.done
    assert checks.backup is None


def test_a_file_not_in_wal_mode_is_checked_before_it_is_opened(damaged_path: Path) -> None:
    """The program's connections would change its header: refused at once, as before."""
    with pytest.raises(StorageError) as refused:
        open_database(damaged_path, background_checks=True)
    assert refused.value.problem is StorageProblem.CORRUPT
