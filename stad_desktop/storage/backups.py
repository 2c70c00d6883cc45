"""Automatic backups in ``backups/`` next to the database: made, listed, rotated, restored.

- At start-up a copy is made when the file changed since the last backup. Whether
  it changed is decided from a fingerprint (size and modification time of the
  file and of its write-ahead log, plus the header's change counter) kept in a
  small sidecar file, so an unchanged database costs two ``stat`` calls.
- Before a migration ``open_database`` makes a ``before-upgrade`` copy, before a
  restore :func:`restore` makes a ``before-restore`` copy.
- :func:`rotate` keeps every copy of the last 24 hours, the newest copy of each
  of the last 10 days and of each of the last 12 months that have copies, and
  always the newest copy made before an upgrade and before a restore. Copies
  made with ``stad-desktop backup`` ("manual") are never removed automatically.

Every copy is made with SQLite's backup API (consistent while the program runs)
under a temporary name and renamed when complete. Nothing here imports Qt,
SQLAlchemy or Alembic.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from stad_desktop.fileio import atomic_copy, atomic_write, remove_stale_parts
from stad_desktop.storage import lock as db_lock
from stad_desktop.storage.errors import (
    StorageError,
    StorageProblem,
    os_storage_error,
    sqlite_storage_error,
)
from stad_desktop.storage.integrity import find_damage
from stad_desktop.storage.precheck import SQLITE_HEADER
from stad_desktop.storage.sqlite_file import (
    backup_file,
    backup_name,
    backups_dir,
    connect_read_only,
    fingerprint,
    inspect_file,
    integrity_check,
)

KEEP_DAILY = 10
KEEP_MONTHLY = 12
KEEP_RECENT = 5  # at most this many of the last day's copies, besides the daily ones
KEEP_ALL_WITHIN = dt.timedelta(hours=24)

STARTUP = "startup"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_RESTORE = "before-restore"
BEFORE_MERGE = "before-merge"  # before a travel copy is brought home
BEFORE_IMPORT = "before-import"  # before actors are imported from a spreadsheet
MANUAL = "manual"
DAMAGED = "damaged"  # a start-up copy that failed its check: kept, never rotated
# Copies rotate() may remove; the newest of each "before-" kind is always kept.
_ROTATED = (STARTUP, BEFORE_UPGRADE, BEFORE_RESTORE, BEFORE_MERGE, BEFORE_IMPORT)
_ALWAYS_KEEP_NEWEST = (BEFORE_UPGRADE, BEFORE_RESTORE, BEFORE_MERGE, BEFORE_IMPORT)

_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy, read without changing it."""

    path: Path
    created: dt.datetime  # local time, from the file name
    reason: str  # startup, before-upgrade, before-restore or manual
    size: int  # bytes
    actors: int | None  # None when the copy cannot be read
    projects: int | None
    revision: str | None
    problem: str | None  # why the copy cannot be read, or None


_NAME_TAIL = r"-(\d{8}-\d{6}-\d{6})-([a-z]+(?:-[a-z]+)*)\.sqlite3"


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _name_patterns(db_path: Path) -> list[re.Pattern[str]]:
    """How this database's copies are named: after its whole name (see
    ``sqlite_file.backup_name``), and, from earlier versions, after its name
    without the extension, which is only taken as this database's when no other
    database in its folder has that same stem (``stad.sqlite3`` and ``stad.db``)."""
    patterns = [re.compile(re.escape(db_path.name) + _NAME_TAIL)]
    stem = db_path.stem
    try:
        others = [
            entry
            for entry in db_path.parent.glob(glob.escape(stem) + "*")
            if entry.stem == stem and not entry.name.startswith(db_path.name)
        ]
    except OSError:
        others = []
    if not any(_is_sqlite(entry) for entry in others):
        patterns.append(re.compile(re.escape(stem) + _NAME_TAIL))
    return patterns


def _backups(db_path: Path) -> list[tuple[Path, dt.datetime, str]]:
    """(path, created, reason) of this database's copies, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    patterns = _name_patterns(db_path)
    found = []
    for entry in folder.iterdir():
        match = next(
            (m for m in (p.fullmatch(entry.name) for p in patterns) if m is not None), None
        )
        if match is None or not entry.is_file():
            continue
        try:
            created = dt.datetime.strptime(match.group(1), _STAMP_FORMAT)
        except ValueError:
            continue
        found.append((entry, created, match.group(2)))
    found.sort(key=lambda item: item[1], reverse=True)
    return found


def _read(path: Path) -> tuple[int | None, int | None, str | None, str | None]:
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        return None, None, None, str(exc)
    try:
        actors = conn.execute("SELECT count(*) FROM actors").fetchone()[0]
        projects = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return int(actors), int(projects), (row[0] if row else None), None
    except sqlite3.Error as exc:
        return None, None, None, str(exc)
    finally:
        conn.close()


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first, with counts read read-only."""
    result = []
    for path, created, reason in _backups(db_path):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        actors, projects, revision, problem = _read(path)
        result.append(BackupInfo(path, created, reason, size, actors, projects, revision, problem))
    return result


def rotate(
    db_path: Path,
    *,
    keep_daily: int = KEEP_DAILY,
    keep_monthly: int = KEEP_MONTHLY,
    now: dt.datetime | None = None,
) -> list[Path]:
    """Remove old automatic copies; returns the removed files."""
    copies = _backups(db_path)  # newest first
    recent = (now or dt.datetime.now()) - KEEP_ALL_WITHIN
    # The last few copies of the past day are kept too (a restart after a mistake
    # still finds the copy from before it), but not an unbounded number of them.
    keep = {path for path, created, _reason in copies if created >= recent}
    keep = set([path for path, _c, _r in copies if path in keep][:KEEP_RECENT])
    days: set[dt.date] = set()
    months: set[tuple[int, int]] = set()
    for path, created, _reason in copies:
        if len(days) < keep_daily and created.date() not in days:
            days.add(created.date())
            keep.add(path)
        month = (created.year, created.month)
        if len(months) < keep_monthly and month not in months:
            months.add(month)
            keep.add(path)
    for kind in _ALWAYS_KEEP_NEWEST:
        newest = next((path for path, _c, reason in copies if reason == kind), None)
        if newest is not None:
            keep.add(newest)
    removed = []
    for path, _created, reason in copies:
        if path in keep or reason not in _ROTATED:
            continue
        try:
            path.unlink()
            path.with_name(path.name + "-wal").unlink(missing_ok=True)
        except OSError:
            continue
        removed.append(path)
    return removed


# --- start-up backups ---------------------------------------------------------------


def _sidecar(db_path: Path) -> Path:
    return backups_dir(db_path) / f".{db_path.name}.last-backup.json"


def _recorded(db_path: Path) -> list[int] | None:
    try:
        data = json.loads(_sidecar(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("fingerprint") if isinstance(data, dict) else None
    return value if isinstance(value, list) else None


def record_unchanged(db_path: Path, value: list[int] | None = None) -> None:
    """Note that the file, as it is now (``value``: its fingerprint, taken already),
    needs no new backup."""
    value = fingerprint(db_path) if value is None else value
    if value is None:
        return
    sidecar = _sidecar(db_path)
    try:
        sidecar.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(sidecar, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"fingerprint": value}))
    except OSError:
        pass  # only costs an extra backup next time


def _holds_user_data(db_path: Path) -> bool:
    try:
        conn = connect_read_only(db_path)
        try:
            counts = [
                conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("actors", "projects", "meetings")
            ]
        finally:
            conn.close()
    except sqlite3.Error:
        return True  # unknown: better copy it
    return any(counts)


def record_if_untouched(db_path: Path) -> None:
    """After the database was closed: note that it needs no new backup when the file
    itself is as it was at the last backup and only SQLite's write-ahead log, there
    while it was open and removed on closing, made the difference. Nothing was then
    written: what is written reaches the file when the log is folded in on closing."""
    recorded, now = _recorded(db_path), fingerprint(db_path)
    if recorded is None or now is None or now == recorded:
        return
    if now[:3] == recorded[:3] and now[3:] == [0, 0]:
        record_unchanged(db_path, now)  # what was looked at, not a later look


def needs_backup(db_path: Path) -> bool:
    value = fingerprint(db_path)
    return value is not None and value != _recorded(db_path)


def make_startup_backup(db_path: Path) -> Path | None:
    """Copy ``db_path`` if it changed since the last backup, then rotate.

    Cheap when nothing changed. A database without actors, projects or meetings
    is not copied (there is nothing to lose). The copy is checked (SQLite's
    ``quick_check``): a damaged one is renamed ``-damaged`` and no older copy is
    rotated away, so damage never pushes the good copies out. Returns the new
    copy or None. Raises :class:`StorageError` if the copy cannot be written, or
    with ``CORRUPT`` if the database is damaged.
    """
    if not needs_backup(db_path):
        return None
    before = fingerprint(db_path)
    if not _holds_user_data(db_path):
        record_unchanged(db_path)
        return None
    try:
        copy = backup_file(db_path, reason=STARTUP)
    except sqlite3.Error as exc:
        raise sqlite_storage_error(exc, backups_dir(db_path)) from exc
    except OSError as exc:
        raise os_storage_error(exc, backups_dir(db_path)) from exc
    unchanged = fingerprint(db_path) == before
    problem = find_damage(copy)
    if problem is not None:
        damaged = copy.with_name(copy.name.replace(f"-{STARTUP}.", f"-{DAMAGED}."))
        os.replace(copy, damaged)
        if unchanged:
            record_unchanged(db_path)  # the same damage is not copied again
        raise StorageError(StorageProblem.CORRUPT, db_path, problem.detail)
    if unchanged:
        record_unchanged(db_path)
    rotate(db_path)
    return copy


# --- restoring ----------------------------------------------------------------------


def _checkpoint(db_path: Path) -> None:
    """Move what the write-ahead log holds into the database file itself (the lock
    is held, so nothing else writes). A file SQLite cannot read keeps its log."""
    if not db_path.with_name(db_path.name + "-wal").exists():
        return
    with suppress(sqlite3.Error):
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def _copy_damaged(db_path: Path) -> Path:
    """A plain byte copy of a file the backup API cannot read (kept for experts)."""
    stamp = dt.datetime.now().strftime(_STAMP_FORMAT)
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    destination = folder / backup_name(db_path, stamp, f"{BEFORE_RESTORE}-damaged")
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        atomic_copy(wal, destination.with_name(destination.name + "-wal"))
    atomic_copy(db_path, destination)
    return destination


def restore(db_path: Path, backup_path: Path) -> Path | None:
    """Put the backup ``backup_path`` in place of ``db_path``.

    Nothing may have the database open (close it first): the lock must be free in
    this process and in every other. The backup is checked first (a damaged or
    too new copy is refused); the current file is copied to a ``before-restore``
    backup; then the backup is copied with the backup API to a temporary file next
    to the database, which replaces it in one rename. Returns the before-restore
    copy (None when there was no current file).
    """
    if db_lock.held_here(db_path):
        raise StorageError(StorageProblem.IN_USE, db_path, f"{os.getpid()}")
    state = inspect_file(backup_path)
    if not state.exists or not state.has_tables:
        raise StorageError(StorageProblem.NOT_DATABASE, backup_path)
    problems = integrity_check(backup_path)
    if problems:
        raise StorageError(StorageProblem.CORRUPT, backup_path, "; ".join(problems[:3]))
    held = db_lock.acquire(db_path)
    try:
        saved = None
        if db_path.exists() and db_path.stat().st_size:
            try:
                if find_damage(db_path) is not None:  # kept as it is, bytes and all
                    raise StorageError(StorageProblem.CORRUPT, db_path)
                saved = backup_file(db_path, reason=BEFORE_RESTORE)
            except (sqlite3.Error, StorageError):
                saved = _copy_damaged(db_path)
        remove_stale_parts(db_path.parent, f".{db_path.name}.*.part")
        _checkpoint(db_path)
        source = connect_read_only(backup_path)
        try:
            with atomic_write(db_path) as handle:
                target = sqlite3.connect(handle.name)
                try:
                    source.backup(target)
                finally:
                    target.close()
                os.fsync(handle.fileno())
                # The old file's write-ahead log must not be applied to the restored
                # file; it was checkpointed into the old file above, so nothing in it
                # is lost should the rename below fail.
                for suffix in ("-wal", "-shm"):
                    db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        finally:
            source.close()
        record_unchanged(db_path)
        return saved
    except sqlite3.Error as exc:
        raise sqlite_storage_error(exc, db_path) from exc
    except OSError as exc:
        raise os_storage_error(exc, db_path) from exc
    finally:
        held.release()
