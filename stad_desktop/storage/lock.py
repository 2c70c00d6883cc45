"""One running copy per database file: a lock file next to the database.

``<db>.lock`` holds the process id and host name of the copy that has the
database open, and is held with an operating-system lock (``flock`` on Linux and
macOS, ``msvcrt.locking`` on Windows). The operating system drops that lock when
the process ends in any way, so the file left behind by a crashed copy is stale
and simply taken over; only a *running* copy makes another one refuse.

Within one process the lock is shared (counted), so the program may open the
same file twice (a report, a command run from a test); :func:`held_here` tells
whether this process holds it, so a restore can insist that nothing is open.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import sys
import threading
from pathlib import Path

from stad_desktop.storage.errors import StorageError, StorageProblem

# Windows: lock one byte well past the text, so other copies can still read who
# holds the lock.
_WINDOWS_LOCK_OFFSET = 1 << 20

_registry_guard = threading.Lock()
_held: dict[str, DatabaseLock] = {}


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _key(db_path: Path) -> str:
    return os.path.normcase(str(db_path.resolve()))


def describe_owner(text: str) -> str:
    """``"1234, host"`` from the lock file's text (``pid`` and ``host`` lines)."""
    parts = [line.strip() for line in text.splitlines() if line.strip()]
    return ", ".join(parts[:2]) if parts else "?"


def read_owner(db_path: Path) -> str:
    """Who holds the lock, as written in the lock file (best effort)."""
    try:
        return describe_owner(lock_path(db_path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return "?"


def _try_lock(fd: int) -> bool:
    """Take the OS lock without waiting; False if another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class DatabaseLock:
    """The lock this process holds on one database file (see :func:`acquire`)."""

    def __init__(self, db_path: Path, fd: int) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd = fd
        self._users = 1

    def release(self) -> None:
        """Give back one use; the last one removes the lock file and the OS lock."""
        with _registry_guard:
            if self._users == 0:
                return
            self._users -= 1
            if self._users:
                return
            _held.pop(_key(self.db_path), None)
            if sys.platform != "win32":
                # Remove while still holding it: a copy that opened the old file
                # sees that it was replaced and tries again (see acquire).
                self.path.unlink(missing_ok=True)
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
            if sys.platform == "win32":
                # Fails if another copy has just opened it; that one takes it over.
                with contextlib.suppress(OSError):
                    self.path.unlink(missing_ok=True)


def held_here(db_path: Path) -> bool:
    """True if this process has ``db_path`` open (holds its lock)."""
    with _registry_guard:
        return _key(db_path) in _held


def acquire(db_path: Path) -> DatabaseLock:
    """Lock ``db_path`` for this process.

    Raises ``StorageError(IN_USE)`` naming the process and host of the running
    copy that holds it, or ``StorageError(READ_ONLY)`` if the lock file cannot be
    made (a read-only folder).
    """
    key = _key(db_path)
    with _registry_guard:
        existing = _held.get(key)
        if existing is not None:
            existing._users += 1
            return existing
        path = lock_path(db_path)
        for _attempt in range(5):
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StorageError(StorageProblem.READ_ONLY, db_path, exc) from exc
            try:
                locked = _try_lock(fd)
            except OSError:
                os.close(fd)
                raise
            if not locked:
                os.close(fd)
                raise StorageError(StorageProblem.IN_USE, db_path, read_owner(db_path))
            if sys.platform != "win32":
                try:
                    same = os.path.samestat(os.fstat(fd), os.stat(path))
                except FileNotFoundError:
                    same = False
                if not same:  # released and removed by its holder meanwhile
                    _unlock(fd)
                    os.close(fd)
                    continue
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}\n{socket.gethostname()}\n".encode())
            except OSError as exc:
                _unlock(fd)
                os.close(fd)
                raise StorageError(StorageProblem.READ_ONLY, db_path, exc) from exc
            lock = DatabaseLock(db_path, fd)
            _held[key] = lock
            return lock
        raise StorageError(StorageProblem.IN_USE, db_path, read_owner(db_path))
