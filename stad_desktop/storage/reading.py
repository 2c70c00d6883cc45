"""Opening a database only to read it (``report``, ``check``, ``export``).

Nothing is left beside the file: no backup copy, no ``-wal`` or ``-shm`` (see
``sqlite_file.connect_read_only``), and the file itself is never changed. A missing
or empty file is refused, never turned into a new database. A file from an older
version is read through an upgraded copy in a temporary folder, which is removed
again when the database is closed.

A file that no running copy has open (no ``-wal`` beside it) is read as it lies on
the disk, without SQLite's locks; so that no copy of the program starts writing to
it meanwhile, the program's lock (``storage.lock``) is held while reading, and
given back, its lock files removed, when the database is closed. A file that is
open in the program is read alongside it, through SQLite's own locking.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from stad_desktop.storage import lock as db_lock
from stad_desktop.storage.database import Database
from stad_desktop.storage.engine import make_engine
from stad_desktop.storage.errors import StorageError, StorageProblem, sqlite_storage_error
from stad_desktop.storage.migrating import seed_builtin_roles, upgrade
from stad_desktop.storage.revisions import HEAD
from stad_desktop.storage.sqlite_file import backup_file, connect_read_only, require_database_file


class ReadOnlyDatabase(Database):
    """A database opened for reading; a temporary upgraded copy goes with it."""

    records_backups = False

    def __init__(
        self,
        engine: Engine,
        path: Path,
        *,
        lock: db_lock.DatabaseLock | None = None,
        temporary: Path | None = None,
    ) -> None:
        super().__init__(engine, path, lock=lock)
        self._temporary = temporary

    def close(self) -> None:
        super().close()
        folder, self._temporary = self._temporary, None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def reopen(self) -> None:
        """Never: a restore needs the database open for writing."""
        raise StorageError(StorageProblem.READ_ONLY, self.path)


def _in_use(path: Path) -> bool:
    return path.with_name(path.name + "-wal").exists()


def _hold_while_reading(path: Path) -> tuple[db_lock.DatabaseLock | None, bool]:
    """The program's lock on a file nobody has open, and whether another running
    copy has it open (it is then read through SQLite's locking). No lock where it
    cannot be made beside the file (a read-only folder, where no copy can write
    either; a full disk, where none can write much)."""
    if _in_use(path):
        return None, True
    try:
        return db_lock.acquire(path), False
    except StorageError as exc:
        if exc.problem is StorageProblem.IN_USE:
            return None, True
        if exc.problem in (StorageProblem.READ_ONLY, StorageProblem.DISK_FULL):
            return None, False
        raise


def open_read_only(path: Path, *, check_pages: bool = True) -> Database:
    """Open ``path`` for reading only. Raises :class:`StorageError` for a missing or
    empty file and for every problem :func:`open_database` refuses (not a database,
    another program's, damaged, too new); ``check_pages``: check every page for
    damage first (see ``storage.integrity``), for callers that check no further."""
    path = Path(path).expanduser()
    state = require_database_file(path)
    held, shared = _hold_while_reading(path)
    if check_pages:
        from stad_desktop.storage.integrity import find_damage

        problem = find_damage(path, shared=shared)
        if problem is not None:
            if held is not None:
                held.release()
            raise problem
    if state.revision == HEAD:
        engine = create_engine("sqlite://", creator=lambda: connect_read_only(path, shared=shared))
        return ReadOnlyDatabase(engine, path, lock=held)
    folder = Path(tempfile.mkdtemp(prefix="stad-read-"))
    try:
        copy = backup_file(path, folder / path.name)
        db = ReadOnlyDatabase(make_engine(f"sqlite:///{copy}"), path, lock=held, temporary=folder)
        upgrade(db.engine)
        seed_builtin_roles(db)
    except (sqlite3.Error, DBAPIError) as exc:
        _give_up(held, folder)
        raise sqlite_storage_error(exc, path, unknown=StorageProblem.CORRUPT) from exc
    except BaseException:
        _give_up(held, folder)
        raise
    db.engine.dispose()
    return db


def _give_up(held: db_lock.DatabaseLock | None, folder: Path) -> None:
    if held is not None:
        held.release()
    shutil.rmtree(folder, ignore_errors=True)
