"""The whole-file check that comes before anything writes to a database file.

A file whose data pages are damaged can have an intact header and schema, so it
passes the opening checks of ``sqlite_file.inspect_file``. SQLite's
``quick_check`` reads every page (and the write-ahead log) and checks the
structure of each; it is run, read-only, before the start-up backup, a migration
or any write. A damaged file is refused with ``StorageError(CORRUPT)`` and left
byte-for-byte as it was, with nothing new beside it.

The check costs about as much as reading the file once (``benchmarks/run.py
--integrity`` measures it). So that the window need not wait for it,
:class:`BackgroundCheck` runs it on a worker thread while the window is built
(SQLite works without holding Python's GIL). :func:`ensure_undamaged` then takes
that outcome when the file has not changed since the check began, and checks
again when it has. Nothing here imports SQLAlchemy or Qt.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from stad_desktop.storage.errors import (
    StorageError,
    StorageProblem,
    sqlite_problem,
    sqlite_storage_error,
)
from stad_desktop.storage.sqlite_file import connect_read_only, fingerprint


def _first_problem(rows: list[str]) -> str:
    """The first line of quick_check's report that names a problem (for the message)."""
    for row in rows:
        for line in str(row).splitlines():
            line = line.strip()
            if line and not line.startswith("***"):
                return line
    return "quick_check"


def _as_error(exc: sqlite3.Error, path: Path) -> StorageError:
    """The one SQLite error mapping; a file whose header was ours and that SQLite
    now calls "not a database" is damaged."""
    if sqlite_problem(exc, path) is StorageProblem.NOT_DATABASE:
        return StorageError(StorageProblem.CORRUPT, path, exc)
    return sqlite_storage_error(exc, path)


def _quick_check(conn: sqlite3.Connection, path: Path) -> StorageError | None:
    rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if rows == ["ok"]:
        return None
    return StorageError(StorageProblem.CORRUPT, path, _first_problem(rows))


def find_damage(path: Path, *, shared: bool = False) -> StorageError | None:
    """Check every page of ``path`` without changing it or its folder: the problem
    found (``CORRUPT`` for damage), or None for a sound file. ``shared``: another
    copy of the program has it open (see ``connect_read_only``)."""
    try:
        conn = connect_read_only(path, shared=shared)
        try:
            return _quick_check(conn, path)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return _as_error(exc, path)


def check_undamaged(path: Path) -> None:
    """Raise :class:`StorageError` (``CORRUPT`` for damage) unless ``path`` is sound."""
    problem = find_damage(path)
    if problem is not None:
        raise problem


class BackgroundCheck:
    """:func:`find_damage` of ``path`` on a worker thread, started at once.

    Give it to ``open_database(..., checked=...)``, which waits for it. Call
    :meth:`cancel` if the database will not be opened after all (the program is
    closing): it stops SQLite mid-way and waits for the thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._before = fingerprint(path)
        self._guard = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._cancelled = False
        self._finished = False
        self._problem: StorageError | None = None
        self._thread = threading.Thread(target=self._run, name="stad-desktop-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = connect_read_only(self.path)
        except sqlite3.Error as exc:
            self._problem, self._finished = _as_error(exc, self.path), True
            return
        with self._guard:
            if self._cancelled:
                conn.close()
                return
            self._conn = conn
        try:
            self._problem = _quick_check(conn, self.path)
            self._finished = True
        except sqlite3.Error as exc:
            if not self._cancelled:  # an interrupted check has no outcome
                self._problem, self._finished = _as_error(exc, self.path), True
        finally:
            with self._guard:
                self._conn = None
            conn.close()

    def outcome(self) -> tuple[bool, StorageError | None]:
        """Wait for the check: (whether it tells about the file as it is now, the
        problem found). False when it was cancelled or the file changed meanwhile."""
        self._thread.join()
        current = self._finished and fingerprint(self.path) == self._before
        return current, self._problem

    def cancel(self) -> None:
        with self._guard:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()
        self._thread.join()


def ensure_undamaged(path: Path, checked: BackgroundCheck | None = None) -> None:
    """Raise :class:`StorageError` unless ``path`` is sound: from ``checked`` when
    it was a check of this file as it is now, else by checking now."""
    if checked is not None and checked.path == path:
        current, problem = checked.outcome()
        if current:
            if problem is not None:
                raise problem
            return
    check_undamaged(path)
