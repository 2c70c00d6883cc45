"""Opening the database layer for the window, on a worker thread.

Importing SQLAlchemy, the model and the services takes longer than building the
window, so the window starts :class:`BackgroundOpening` first thing and builds its
frame meanwhile. The check of every page (``storage.integrity``) runs beside the
imports on a thread of its own. A file that needs an upgrade waits for it (and for
the backup before the upgrade); any other is opened for reading at once, and the
check and then the start-up backup go on on the worker thread while the window
is used: every write waits for them, and is refused if the check found damage
(``storage.start_checks``). Nothing here imports Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.paths import ServerDatabase

if TYPE_CHECKING:
    from stad_desktop.services.facade import Services
    from stad_desktop.storage.errors import StorageError
    from stad_desktop.storage.integrity import BackgroundCheck


def plainly_unusable(path: Path | ServerDatabase) -> StorageError | None:
    """The problem of a file that is plainly not a database (or in a missing folder),
    or of a server's address the program cannot use (not PostgreSQL's, or holding a
    password), found cheaply before anything is opened; None when it may be one."""
    if isinstance(path, ServerDatabase):
        from stad_desktop.storage.errors import StorageError
        from stad_desktop.storage.server_address import engine_url

        try:
            engine_url(path)
        except StorageError as exc:
            return exc
        return None
    from stad_desktop.storage.precheck import plainly_unusable as check

    return check(path)


def start_integrity_check(path: Path | ServerDatabase) -> BackgroundCheck | None:
    """Start checking every page of the database file at ``path`` on a worker thread
    (see ``storage.integrity``); pass it to :func:`open_services`. None when there
    is no file yet, or an empty one, or the database is on a server (which keeps its
    own pages whole)."""
    if isinstance(path, ServerDatabase):
        return None
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
    except OSError:
        return None
    from stad_desktop.storage.integrity import BackgroundCheck

    return BackgroundCheck(path)


def open_services(
    path: Path | ServerDatabase,
    *,
    create_folder: bool = False,
    checked: BackgroundCheck | None = None,
    password: str | None = None,
) -> Services:
    """The services over the database file at ``path`` (or the database on a server),
    created or upgraded as needed (see ``storage.open_database``, which raises
    ``StorageError`` for one it refuses). ``create_folder``: make the file's folder
    when it is missing (the default database's); ``checked``: a check of every page
    started earlier; ``password``: for a server that asked for one."""
    from stad_desktop.services.facade import Services
    from stad_desktop.storage.database import open_database

    if isinstance(path, ServerDatabase):
        from stad_desktop.storage.server import CONNECTIONS_KEPT

        db = open_database(path, password=password)
        # The home page reads in three parts beside each other: connected beforehand,
        # on a worker thread, the first of those reads does not wait for connecting.
        db.prepare_connections(CONNECTIONS_KEPT)
        return Services(db)
    if create_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    return Services(open_database(path, checked=checked, background_checks=True))


class BackgroundOpening:
    """:func:`open_services` on a worker thread, started at once.

    :meth:`when_done` tells when it has ended (on the worker thread, or at once when
    it already has); :meth:`result` then gives the services or raises what stopped
    the opening. :meth:`cancel` stops waiting: the services, if they were opened and
    not taken, are closed."""

    def __init__(self, path: Path | ServerDatabase, *, create_folder: bool = False) -> None:
        self.path = path
        self._create_folder = create_folder
        self._guard = threading.Lock()
        self._cancelled = False
        self._done = False
        self._taken = False
        self._callbacks: list[Callable[[], None]] = []
        self._services: Services | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="stad-desktop-open", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            check = start_integrity_check(self.path)
            # The long part: SQLAlchemy, the model and the services, while it checks.
            import stad_desktop.services.facade
            import stad_desktop.storage.database  # noqa: F401

            with self._guard:
                cancelled = self._cancelled
            if cancelled:
                if check is not None:
                    check.cancel()
            else:
                self._services = open_services(
                    self.path, create_folder=self._create_folder, checked=check
                )
        except BaseException as exc:  # told to the window's thread by result()
            self._error = exc
        finally:
            with self._guard:
                self._done = True
                callbacks, self._callbacks = self._callbacks, []
            for callback in callbacks:
                callback()

    def when_done(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the opening has ended."""
        with self._guard:
            if not self._done:
                self._callbacks.append(callback)
                return
        callback()

    def result(self) -> Services:
        """Wait for the opening; the services, or raise what stopped it."""
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._services is not None, "cancelled before it was opened"
        self._taken = True
        return self._services

    def cancel(self) -> None:
        """The window closed: wait for the thread (an opening under way ends; one
        not yet begun does not begin) and close the services nobody took."""
        with self._guard:
            self._cancelled = True
        self._thread.join()
        if self._services is not None and not self._taken:
            self._services.db.close()
