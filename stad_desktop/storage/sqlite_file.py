"""Looking at a SQLite file without changing it, and copying it consistently."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import struct
from dataclasses import dataclass
from pathlib import Path

from stad_desktop.fileio import atomic_write, remove_stale_parts
from stad_desktop.storage.errors import StorageError, StorageProblem, sqlite_storage_error
from stad_desktop.storage.precheck import SQLITE_HEADER
from stad_desktop.storage.revisions import KNOWN_REVISIONS


@dataclass(frozen=True)
class FileState:
    """What a database file holds, seen read-only."""

    exists: bool
    revision: str | None
    has_tables: bool


def _ro_uri(path: Path, shared: bool = False) -> str:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not shared and not path.with_name(path.name + "-wal").exists():
        # No write-ahead log means no connection has the file open. A read-only
        # connection to a WAL database would otherwise create (and leave behind)
        # the -wal and -shm files; "immutable" reads the file alone and writes
        # nothing at all, so looking at a file never changes its folder.
        uri += "&immutable=1"
    return uri


def connect_read_only(path: Path, *, shared: bool = False) -> sqlite3.Connection:
    """A connection that can never change ``path`` or create files next to it.
    ``shared``: another copy of the program has the file open, though perhaps not
    yet its write-ahead log; read through SQLite's locks then (the -wal and -shm
    files this may create are that copy's, removed when it closes the file)."""
    return sqlite3.connect(_ro_uri(path, shared), uri=True, timeout=5)


def inspect_file(path: Path) -> FileState:
    """Check that ``path`` is a usable Stad database, never writing to it.

    Raises :class:`StorageError` for a file that is not SQLite, a truncated or
    damaged file, a database of another program, or one that is too new.
    """
    if not path.exists():
        if not path.parent.is_dir():
            raise StorageError(StorageProblem.MISSING_FOLDER, path)
        return FileState(exists=False, revision=None, has_tables=False)
    if path.is_dir():
        raise StorageError(StorageProblem.NOT_DATABASE, path)
    size = path.stat().st_size
    if size == 0:
        return FileState(exists=True, revision=None, has_tables=False)
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError as exc:
        raise StorageError(StorageProblem.READ_ONLY, path, exc) from exc
    if not header.startswith(SQLITE_HEADER):
        raise StorageError(StorageProblem.NOT_DATABASE, path)
    if len(header) < 100:
        raise StorageError(StorageProblem.CORRUPT, path, "header")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    (page_count,) = struct.unpack(">I", header[28:32])
    (change_counter,) = struct.unpack(">I", header[24:28])
    (valid_for,) = struct.unpack(">I", header[92:96])
    wal = path.with_name(path.name + "-wal")
    if (
        change_counter == valid_for
        and page_count
        and size < page_size * page_count
        and not (wal.exists() and wal.stat().st_size)
    ):
        raise StorageError(StorageProblem.CORRUPT, path, "truncated")
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        raise sqlite_storage_error(exc, path, unknown=StorageProblem.CORRUPT) from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        elif tables:
            raise StorageError(StorageProblem.FOREIGN, path)
        if "actors" not in tables and revision is not None and revision in KNOWN_REVISIONS:
            raise StorageError(StorageProblem.CORRUPT, path, "tables missing")
    except sqlite3.DatabaseError as exc:
        raise sqlite_storage_error(exc, path, unknown=StorageProblem.CORRUPT) from exc
    finally:
        conn.close()
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise StorageError(StorageProblem.TOO_NEW, path, revision)
    return FileState(exists=True, revision=revision, has_tables=bool(tables))


def require_database_file(path: Path) -> FileState:
    """Look at ``path`` read-only (see ``inspect_file``) and refuse it when it holds no
    database: missing, empty, or in a missing folder."""
    state = inspect_file(path)
    if not state.exists:
        raise StorageError(StorageProblem.MISSING, path)
    if not state.has_tables:
        raise StorageError(StorageProblem.EMPTY, path)
    return state


def integrity_check(path: Path) -> list[str]:
    """SQLite's full integrity check; an empty list means healthy."""
    conn = connect_read_only(path)
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_name(db_path: Path, stamp: str, reason: str) -> str:
    """The file name of a copy of ``db_path`` in its backups folder. It starts with
    the database's whole name, so that ``stad.sqlite3`` and ``stad.db`` in one folder
    never take each other's copies for their own."""
    return f"{db_path.name}-{stamp}-{reason}.sqlite3"


def backup_file(db_path: Path, destination: Path | None = None, reason: str = "manual") -> Path:
    """Copy the database with SQLite's backup API (consistent while in use).

    The copy is written to a temporary name, flushed to the disk and renamed when
    complete (the folder is flushed too), so a crash never leaves a half backup
    that looks whole. A copy into the backups folder first clears the ``.part``
    files that interrupted copies left there.
    """
    if destination is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        folder = backups_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(folder)
        destination = folder / backup_name(db_path, stamp, reason)
    source = connect_read_only(db_path)
    try:
        with atomic_write(destination) as handle:
            target = sqlite3.connect(handle.name)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
    finally:
        source.close()
    return destination


def fingerprint(db_path: Path) -> list[int] | None:
    """What changes whenever the database changes; None for a missing or empty file."""
    try:
        stat = db_path.stat()
    except OSError:
        return None
    if stat.st_size == 0:
        return None
    values = [stat.st_size, stat.st_mtime_ns]
    try:
        with db_path.open("rb") as handle:
            header = handle.read(28)
        values.append(int.from_bytes(header[24:28], "big"))
    except OSError:
        values.append(-1)
    # The write-ahead log, when it holds anything: an empty one (there while the file
    # is open, before anything is written) changes nothing.
    try:
        wal = db_path.with_name(db_path.name + "-wal").stat()
    except OSError:
        wal = None
    values += [wal.st_size, wal.st_mtime_ns] if wal is not None and wal.st_size else [0, 0]
    return values


def check_writable(path: Path, state: FileState) -> None:
    """Refuse (READ_ONLY) a file, or a folder for a new one, that cannot be written."""
    folder = path.parent
    if state.exists and not os.access(path, os.W_OK):
        raise StorageError(StorageProblem.READ_ONLY, path)
    if not os.access(folder, os.W_OK):
        raise StorageError(StorageProblem.READ_ONLY, path)
    if state.exists:
        # os.access can say yes where a write still fails (an immutable file, a
        # read-only mount, Windows ACLs): opening for writing, without writing,
        # asks the file system itself and changes nothing.
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError as exc:
            raise StorageError(StorageProblem.READ_ONLY, path, exc) from exc
        os.close(fd)
