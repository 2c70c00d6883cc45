"""The whole-file check and the start-up backup, after the database is open.

Checking every page (``storage.integrity``) and copying the file (the start-up
backup) cost as much as reading the file: for a county's register, seconds. So
that the window need not wait for them, ``open_database(..., background_checks=
True)`` opens a file that needs no upgrade for reading at once and runs both here,
on a worker thread, one after the other. Reading goes on meanwhile; every write
(``Database.transaction`` and ``Database.batch``) waits until both are done, so
nothing is written before the file passed the check and was copied. If the check
finds damage, that write (and every later one) is refused with the check's
``StorageError(CORRUPT)``, and the file is left as it was.

A file that needs an upgrade is checked and copied before it is opened, as before:
the upgrade writes; so is one not in write-ahead-log mode (the program's connections
would switch it, which writes its header). Nothing here imports SQLAlchemy or Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.storage.errors import StorageError

if TYPE_CHECKING:
    from stad_desktop.storage.integrity import BackgroundCheck


def in_wal_mode(path: Path) -> bool:
    """Whether the file's header says write-ahead-log mode (what the program's
    connections set: opening it then changes nothing in it)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


class StartChecks:
    """The check of ``path`` (``checked``: one started earlier) and then, when it
    passed, the start-up backup (``backup``), on a worker thread started at once."""

    def __init__(
        self, path: Path, checked: BackgroundCheck | None = None, *, backup: bool = True
    ) -> None:
        self.path = path
        self._make_backup = backup
        self._checked = checked
        self._guard = threading.Lock()
        self._cancelled = False
        self._done = False
        self._callbacks: list[Callable[[], None]] = []
        self.problem: StorageError | None = None  # damage found: no write may follow
        self.backup: Path | None = None
        self.backup_error: StorageError | None = None
        self._thread = threading.Thread(target=self._run, name="stad-desktop-start", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from stad_desktop.storage import backups
        from stad_desktop.storage.integrity import BackgroundCheck, find_damage

        try:
            with self._guard:
                checked = self._checked
                if checked is None or checked.path != self.path:
                    checked = self._checked = BackgroundCheck(self.path)
                if self._cancelled:
                    checked.cancel()
            current, problem = checked.outcome()
            if self._cancelled:
                return
            if not current:  # the file changed while it was checked: again
                problem = find_damage(self.path)
            if problem is not None:
                self.problem = problem
                return
            try:
                if self._make_backup:
                    self.backup = backups.make_startup_backup(self.path)
            except StorageError as exc:  # noted; the program stays usable
                self.backup_error = exc
        finally:
            with self._guard:
                self._done = True
                callbacks, self._callbacks = self._callbacks, []
            for callback in callbacks:
                callback()

    @property
    def done(self) -> bool:
        with self._guard:
            return self._done

    def when_done(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (on the worker thread, or at once) once both are done."""
        with self._guard:
            if not self._done:
                self._callbacks.append(callback)
                return
        callback()

    def wait(self) -> StorageError | None:
        """Wait until both are done; the damage found, or None."""
        self._thread.join()
        return self.problem

    def cancel(self) -> None:
        """The database is being closed: stop the check, make no backup, wait."""
        with self._guard:
            self._cancelled = True
            checked = self._checked
        if checked is not None:
            checked.cancel()
        self._thread.join()
