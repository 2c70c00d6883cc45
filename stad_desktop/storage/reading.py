"""Opening a database only to read it (``report``, ``check``, ``export``).

Nothing is written beside the file: no lock file, no backup copy, no ``-wal`` or
``-shm`` (see ``sqlite_file.connect_read_only``), and the file itself is never
changed. A missing or empty file is refused, never turned into a new database. A
file from an older version is read through an upgraded copy in a temporary
folder, which is removed again when the database is closed.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from stad_desktop.storage.database import Database, make_engine, seed_builtin_roles, upgrade
from stad_desktop.storage.errors import StorageError, StorageProblem
from stad_desktop.storage.revisions import HEAD
from stad_desktop.storage.sqlite_file import backup_file, connect_read_only, require_database_file


class ReadOnlyDatabase(Database):
    """A database opened for reading; a temporary upgraded copy goes with it."""

    def __init__(self, engine: Engine, path: Path, temporary: Path | None = None) -> None:
        super().__init__(engine, path)
        self._temporary = temporary

    def close(self) -> None:
        super().close()
        folder, self._temporary = self._temporary, None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def reopen(self) -> None:
        """Never: a restore needs the database open for writing."""
        raise StorageError(StorageProblem.READ_ONLY, self.path)


def open_read_only(path: Path) -> Database:
    """Open ``path`` for reading only. Raises :class:`StorageError` for a missing or
    empty file and for every problem :func:`open_database` refuses (not a database,
    another program's, damaged, too new)."""
    path = Path(path).expanduser()
    state = require_database_file(path)
    if state.revision == HEAD:
        engine = create_engine("sqlite://", creator=lambda: connect_read_only(path))
        return ReadOnlyDatabase(engine, path)
    folder = Path(tempfile.mkdtemp(prefix="stad-read-"))
    try:
        copy = backup_file(path, folder / path.name)
        db = ReadOnlyDatabase(make_engine(f"sqlite:///{copy}"), path, folder)
        upgrade(db.engine)
        seed_builtin_roles(db)
    except sqlite3.Error as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise StorageError(StorageProblem.CORRUPT, path, exc) from exc
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    db.engine.dispose()
    return db
