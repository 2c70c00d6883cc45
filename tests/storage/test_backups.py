"""Automatic backups: made when changed, listed, rotated, restored."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import time
from pathlib import Path

import pytest
from file_helpers import record_syncs
from sqlalchemy import func, select

from stad_desktop.model import Actor
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.storage import StorageError, StorageProblem, open_database, upgrade
from stad_desktop.storage import backups as b
from stad_desktop.storage.engine import make_engine
from stad_desktop.storage.sqlite_file import backup_file, backup_name, backups_dir, integrity_check


def add_actor(path: Path, name: str) -> None:
    db = open_database(path, startup_backup=False)
    Services(db).actors.create(ActorInput(name=name))
    db.close()


def copies(path: Path) -> list[Path]:
    return [info.path for info in b.list_backups(path)]


def actor_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM actors")}
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- start-up backups -------------------------------------------------------------------


def test_new_and_empty_databases_are_not_copied(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.startup_backup is None
    db.close()
    db = open_database(db_path)  # exists now, but holds no user data
    assert db.startup_backup is None and db.backup_error is None
    db.close()
    assert copies(db_path) == []


def test_copied_at_start_only_after_a_change(db_path: Path) -> None:
    add_actor(db_path, "Selje grendalag")
    db = open_database(db_path)
    first = db.startup_backup
    assert first is not None and first.parent == backups_dir(db_path)
    Services(db).counts()  # reading is not a change
    db.close()
    for _ in range(3):
        db = open_database(db_path)
        assert db.startup_backup is None
        db.close()
    add_actor(db_path, "Lote ungdomsklubb")
    db = open_database(db_path)
    second = db.startup_backup
    db.close()
    assert second is not None and second != first
    assert actor_names(first) == {"Selje grendalag"}
    assert actor_names(second) == {"Selje grendalag", "Lote ungdomsklubb"}
    assert integrity_check(second) == []


def test_a_start_without_changes_is_not_copied_when_checked_beside_the_window(
    db_path: Path,
) -> None:
    """The window opens the file at once and copies it beside (while SQLite keeps its
    write-ahead log open): starting it again without a change makes no new copy, so
    the copies kept are not pushed out by copies of the same data."""
    add_actor(db_path, "Selje grendalag")
    for expected in (1, 1, 1):
        db = open_database(db_path, background_checks=True)
        with db.reading() as session:  # the first view reads while it is copied
            session.execute(select(func.count(Actor.id))).scalar()
            db.wait_for_start_checks()
        db.close()
        assert len(copies(db_path)) == expected
    db = open_database(db_path, background_checks=True)
    db.wait_for_start_checks()
    Services(db).actors.create(ActorInput(name="Lote ungdomsklubb"))
    db.close()
    db = open_database(db_path, background_checks=True)
    db.wait_for_start_checks()
    db.close()
    assert len(copies(db_path)) == 2
    assert {frozenset(actor_names(copy)) for copy in copies(db_path)} == {
        frozenset({"Selje grendalag"}),
        frozenset({"Selje grendalag", "Lote ungdomsklubb"}),
    }


def test_reading_only_writes_nothing_beside_the_file(db_path: Path) -> None:
    """A database opened only to be read (export, check) leaves the backups folder as
    it was, the note of the last copy included."""
    from stad_desktop.storage.reading import open_read_only

    add_actor(db_path, "Selje grendalag")
    db = open_database(db_path, background_checks=True)
    with db.reading() as session:  # the first view reads while it is copied
        session.execute(select(func.count(Actor.id))).scalar()
        db.wait_for_start_checks()
    db.close()
    before = {p.name: p.stat().st_mtime_ns for p in backups_dir(db_path).iterdir()}
    open_read_only(db_path).close()
    assert {p.name: p.stat().st_mtime_ns for p in backups_dir(db_path).iterdir()} == before


def test_unchanged_start_is_cheap(db_path: Path) -> None:
    add_actor(db_path, "Stårheim grendalag")
    b.make_startup_backup(db_path)
    started = time.perf_counter()
    for _ in range(50):
        assert b.make_startup_backup(db_path) is None
    assert (time.perf_counter() - started) / 50 < 0.005


def test_changes_after_a_crash_are_seen(db_path: Path) -> None:
    """Committed data still in the write-ahead log (a crash) counts as a change."""
    add_actor(db_path, "Haugen grendalag")
    b.make_startup_backup(db_path)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("UPDATE actors SET name = 'Haugen bygdelag'")  # committed, in the log
    assert Path(f"{db_path}-wal").stat().st_size > 0
    assert b.needs_backup(db_path)
    made = b.make_startup_backup(db_path)
    conn.close()
    assert made is not None and actor_names(made) == {"Haugen bygdelag"}


def test_backup_is_consistent_while_the_program_runs(db_path: Path) -> None:
    db = open_database(db_path)
    services = Services(db)
    services.actors.create(ActorInput(name="Eid kulturskule"))
    copy = backup_file(db_path, reason="manual")  # while open, data in the log
    services.actors.create(ActorInput(name="Etterpå"))
    db.close()
    assert actor_names(copy) == {"Eid kulturskule"}
    assert not Path(str(copy) + "-wal").exists()


def test_copy_before_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    engine.dispose()
    db = open_database(path)
    db.close()
    infos = b.list_backups(path)
    assert [info.reason for info in infos] == [b.BEFORE_UPGRADE]
    assert infos[0].revision == "0001"


def test_a_damaged_file_is_refused_and_does_not_push_out_good_copies(db_path: Path) -> None:
    for number in range(30):
        add_actor(db_path, f"Lag {number}")
    good = b.make_startup_backup(db_path)
    assert good is not None
    conn = sqlite3.connect(db_path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='actors'").fetchone()
    conn.close()
    size = int.from_bytes(db_path.read_bytes()[16:18], "big")
    with db_path.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\x0d" + os.urandom(size - 1))
    with pytest.raises(StorageError) as info:
        open_database(db_path)  # the check of every page comes before any copy
    assert info.value.problem is StorageProblem.CORRUPT
    assert [info.path for info in b.list_backups(db_path)] == [good]
    # Should a copy be made of it all the same, it is checked and kept apart.
    with pytest.raises(StorageError) as info:
        b.make_startup_backup(db_path)
    assert info.value.problem is StorageProblem.CORRUPT
    reasons = {info.path: info.reason for info in b.list_backups(db_path)}
    assert reasons[good] == b.STARTUP
    assert sorted(reasons.values()) == [b.DAMAGED, b.STARTUP]


# --- listing and rotating -----------------------------------------------------------------


def test_list_shows_date_size_and_counts(db_path: Path) -> None:
    db = open_database(db_path)
    services = Services(db)
    services.actors.create(ActorInput(name="Sparebanken"))
    services.actors.create(ActorInput(name="Vestlandsforsking"))
    services.projects.create(ProjectInput(name="Folkehelse i bygdene"))
    db.close()
    made = b.make_startup_backup(db_path)
    (backups_dir(db_path) / "broken-copy.sqlite3").write_text("not ours")
    bad = backups_dir(db_path) / f"{db_path.stem}-20200101-120000-000000-manual.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    infos = b.list_backups(db_path)
    assert [info.path for info in infos] == [made, bad]
    newest = infos[0]
    assert (newest.actors, newest.projects) == (2, 1)
    assert newest.size == made.stat().st_size if made else False
    assert abs(newest.created - dt.datetime.now()) < dt.timedelta(minutes=1)
    assert newest.reason == b.STARTUP and newest.problem is None
    assert infos[1].actors is None and infos[1].problem


def _fake_copy(db_path: Path, when: dt.datetime, reason: str) -> Path:
    folder = backups_dir(db_path)
    folder.mkdir(exist_ok=True)
    path = folder / backup_name(db_path, f"{when:%Y%m%d-%H%M%S-%f}", reason)
    path.write_bytes(b"")
    return path


def test_rotation_keeps_10_days_and_12_months(db_path: Path) -> None:
    start = dt.datetime(2026, 11, 26, 18, 0)
    made = {}
    for day in range(500):
        for hour in (8, 12):
            when = start - dt.timedelta(days=day, hours=18 - hour)
            made[when] = _fake_copy(db_path, when, b.STARTUP)
    manual = _fake_copy(db_path, start - dt.timedelta(days=400), b.MANUAL)
    restore_copy = _fake_copy(db_path, start - dt.timedelta(days=100, minutes=1), b.BEFORE_RESTORE)
    unrelated = _fake_copy(Path(db_path.parent / "other.sqlite3"), start, b.STARTUP)
    removed = b.rotate(db_path, now=start + dt.timedelta(hours=30))
    kept = {info for info in backups_dir(db_path).iterdir() if info.name.endswith(".sqlite3")}
    assert removed and not (set(removed) & kept)
    # Newest per day for the last 10 days.
    for day in range(10):
        noon = start - dt.timedelta(days=day, hours=6)
        assert made[noon] in kept
        assert made[noon - dt.timedelta(hours=4)] not in kept
    # Newest per month for the last 12 months (Dec 2025 .. Nov 2026).
    monthly = {p for w, p in made.items() if p in kept and (start - w).days >= 10}
    months = sorted({(w.year, w.month) for w, p in made.items() if p in monthly})
    assert len(months) == 11 and months[0] == (2025, 12)  # November 2026 is already kept
    assert len(monthly) == 11
    assert manual in kept and restore_copy in kept and unrelated in kept
    assert len(kept) == 10 + 11 + 3
    assert b.rotate(db_path, now=start + dt.timedelta(hours=30)) == []  # stable


def test_rotation_keeps_the_last_few_copies_of_the_day(db_path: Path) -> None:
    now = dt.datetime(2026, 11, 26, 18, 0)
    recent = [_fake_copy(db_path, now - dt.timedelta(hours=h), b.STARTUP) for h in range(20)]
    older = [_fake_copy(db_path, now - dt.timedelta(hours=h), b.STARTUP) for h in (50, 51)]
    removed = set(b.rotate(db_path, now=now))
    # The five newest, plus the newest of each day (h=19 is 25 November, h=50 the 24th).
    kept = [*recent[: b.KEEP_RECENT], recent[19], older[0]]
    assert all(path.exists() for path in kept)
    assert removed == {*recent[b.KEEP_RECENT : 19], older[1]}


# --- restoring ----------------------------------------------------------------------------


def test_restore_puts_the_copy_back_and_keeps_the_current_one(db_path: Path) -> None:
    add_actor(db_path, "Før")
    old = b.make_startup_backup(db_path)
    assert old is not None
    db = open_database(db_path)
    Services(db).actors.create(ActorInput(name="Etter"))
    db.close()
    saved = b.restore(db_path, old)
    assert saved is not None and actor_names(saved) == {"Før", "Etter"}
    assert actor_names(db_path) == {"Før"}
    assert integrity_check(db_path) == []
    for suffix in ("-wal", "-shm", ".lock"):
        assert not Path(str(db_path) + suffix).exists()
    assert list(db_path.parent.glob("*.part")) == []
    db = open_database(db_path)
    assert db.startup_backup is None  # the restored file equals a backup already
    assert [a.name for a in Services(db).actors.list()] == ["Før"]
    db.close()


def test_restore_refuses_while_open(db_path: Path) -> None:
    add_actor(db_path, "Før")
    old = b.make_startup_backup(db_path)
    assert old is not None
    db = open_database(db_path)
    before = digest(db_path)
    with pytest.raises(StorageError) as info:
        b.restore(db_path, old)
    assert info.value.problem is StorageProblem.IN_USE
    db.close()
    assert digest(db_path) == before


def test_restore_refuses_a_damaged_copy(db_path: Path) -> None:
    add_actor(db_path, "Før")
    old = b.make_startup_backup(db_path)
    assert old is not None
    data = old.read_bytes()
    old.write_bytes(data[: len(data) // 2])
    before = digest(db_path)
    with pytest.raises(StorageError) as info:
        b.restore(db_path, old)
    assert info.value.problem is StorageProblem.CORRUPT
    assert digest(db_path) == before
    assert copies(db_path) == [old]  # no before-restore copy either


def test_restore_over_a_damaged_file(db_path: Path) -> None:
    add_actor(db_path, "Før")
    old = b.make_startup_backup(db_path)
    assert old is not None
    db_path.write_bytes(b"\x00" * 4096)
    b.restore(db_path, old)
    assert actor_names(db_path) == {"Før"}
    reasons = sorted(info.reason for info in b.list_backups(db_path))
    assert reasons == ["before-restore-damaged", b.STARTUP]


def test_a_failed_start_up_backup_does_not_stop_the_program(db_path: Path) -> None:
    add_actor(db_path, "Før")
    backups_dir(db_path).write_text("a file where the folder should be")
    db = open_database(db_path)
    assert db.startup_backup is None
    assert db.backup_error is not None
    Services(db).actors.create(ActorInput(name="Etter"))
    db.close()
    assert actor_names(db_path) == {"Før", "Etter"}


# --- two databases in one folder, and copies that survive a crash --------------------------


def test_two_databases_in_one_folder_keep_their_own_copies(tmp_path: Path) -> None:
    first, second = tmp_path / "stad.sqlite3", tmp_path / "stad.db"
    add_actor(first, "Selje grendalag")
    add_actor(second, "Stryn idrettslag")
    mine = b.make_startup_backup(first)
    theirs = b.make_startup_backup(second)
    assert mine is not None and theirs is not None
    assert copies(first) == [mine] and copies(second) == [theirs]
    # Rotation of one never removes the other's copies.
    old = dt.datetime.now() - dt.timedelta(days=3)
    stale = [_fake_copy(second, old - dt.timedelta(hours=h), b.STARTUP) for h in (1, 2)]
    assert b.rotate(first, now=dt.datetime.now() + dt.timedelta(days=400)) == []
    assert all(path.exists() for path in [theirs, *stale])
    assert b.rotate(second) == [stale[1]]
    # Restoring from its own list gives each database its own data back.
    add_actor(first, "Berre i den eine")
    b.restore(first, copies(first)[-1])
    assert actor_names(first) == {"Selje grendalag"}
    assert actor_names(second) == {"Stryn idrettslag"}


def test_copies_named_by_earlier_versions_are_still_found(db_path: Path) -> None:
    add_actor(db_path, "Selje grendalag")
    folder = backups_dir(db_path)
    folder.mkdir()
    legacy = folder / f"{db_path.stem}-20260101-120000-000000-startup.sqlite3"
    backup_file(db_path, legacy)
    assert copies(db_path) == [legacy]
    # Once another database shares the name's stem, nobody can tell whose it was.
    add_actor(db_path.with_suffix(".db"), "Stryn idrettslag")
    assert copies(db_path) == [] and copies(db_path.with_suffix(".db")) == []
    assert legacy.exists()


def test_a_copy_is_on_the_disk_before_it_gets_its_name(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_actor(db_path, "Selje grendalag")
    events = record_syncs(monkeypatch)
    target = b.make_startup_backup(db_path)
    assert target is not None
    partial = next(
        path for kind, path in events if kind == "rename" and f"/.{target.name}." in path
    )
    rename = events.index(("rename", partial))
    assert ("fsync", partial) in events[:rename]
    assert ("fsync", str(backups_dir(db_path))) in events[rename:]


def test_interrupted_copies_are_cleared_at_the_next_backup(db_path: Path) -> None:
    add_actor(db_path, "Selje grendalag")
    folder = backups_dir(db_path)
    folder.mkdir()
    left = folder / "stad.sqlite3-20261101-120000-000000-startup.sqlite3.part"
    left.write_bytes(b"SQLite format 3\x00 half a copy")
    # A copy another running program is writing at this moment is left alone.
    from stad_desktop.fileio import atomic_write

    with atomic_write(folder / "stad.sqlite3-20261130-120000-000000-manual.sqlite3") as busy:
        db = open_database(db_path)  # a change since the last backup: a copy is made
        assert db.startup_backup is not None
        db.close()
        assert [str(p) for p in folder.glob("*.part")] == [busy.name]
