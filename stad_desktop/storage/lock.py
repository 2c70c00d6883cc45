"""One running copy per database file: lock files held while the database is open.

A database file may be reached by several names: a symbolic link, a hard link, a
path through ``..``. The lock therefore follows the file, not the name:

- ``<file>.lock`` sits next to the file itself (symbolic links followed), so every
  name that leads to the file through links finds the same lock, also from
  another computer on a shared folder;
- a second lock file, named by the file's identity (device and inode number), sits
  in the user's lock folder (``paths.user_lock_dir``), so a hard link (another
  name for the same file, which no path leads back from) finds it too.

Each holds the process id and host name of the copy that has the database open,
and is held with an operating-system lock (``flock`` on Linux and macOS,
``msvcrt.locking`` on Windows). The operating system drops that lock when the
process ends in any way, so a file left behind by a crashed copy is stale and
simply taken over; only a *running* copy makes another one refuse. A lock file
that could not be written (a full disk) is removed again, never left empty.

Within one process the lock is shared (counted), so the program may open the
same file twice (a report, a command run from a test); :func:`held_here` tells
whether this process holds it, so a restore can insist that nothing is open.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import stat
import sys
import threading
from pathlib import Path

from stad_desktop import paths
from stad_desktop.storage.errors import StorageError, StorageProblem, os_storage_error

# Windows: lock one byte well past the text, so other copies can still read who
# holds the lock.
_WINDOWS_LOCK_OFFSET = 1 << 20

_registry_guard = threading.Lock()
_held: dict[tuple[int, int], DatabaseLock] = {}


def lock_path(db_path: Path) -> Path:
    """The lock file next to the database file itself (links followed)."""
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + ".lock")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _identity_lock_path(identity: tuple[int, int]) -> Path | None:
    """The lock file named by the database file's identity, or None where the
    user's lock folder cannot be made (or is not the user's own)."""
    folder = paths.user_lock_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.lstat(folder)
    except OSError:
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or not stat.S_ISDIR(info.st_mode)):
        return None
    device, inode = identity
    return folder / f"{device:x}-{inode:x}.lock"


def describe_owner(text: str) -> str:
    """``"1234, host"`` from the lock file's text (``pid`` and ``host`` lines)."""
    parts = [line.strip() for line in text.splitlines() if line.strip()]
    return ", ".join(parts[:2]) if parts else "?"


def _owner(path: Path) -> str:
    """Who holds the lock file ``path``, as written in it (best effort)."""
    try:
        return describe_owner(path.read_text(encoding="utf-8", errors="replace"))
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


class _LockFile:
    """One lock file this process holds."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd = fd

    def release(self) -> None:
        if sys.platform != "win32":
            # Remove while still holding it: a copy that opened the old file
            # sees that it was replaced and tries again (see _take).
            self.path.unlink(missing_ok=True)
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
        if sys.platform == "win32":
            # Fails if another copy has just opened it; that one takes it over.
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)


def _take(path: Path, db_path: Path) -> _LockFile:
    """Hold the lock file ``path`` for ``db_path`` and write who holds it into it.

    Raises ``StorageError(IN_USE)`` naming the running copy that holds it, or the
    problem the operating system reports (``READ_ONLY``, ``DISK_FULL``, ...)."""
    for _attempt in range(5):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise os_storage_error(exc, db_path) from exc
        try:
            locked = _try_lock(fd)
        except OSError as exc:
            os.close(fd)
            with contextlib.suppress(OSError):
                if path.stat().st_size == 0:  # nobody can hold it: no locks here
                    path.unlink()
            raise os_storage_error(exc, db_path) from exc
        if not locked:
            os.close(fd)
            raise StorageError(StorageProblem.IN_USE, db_path, _owner(path))
        if sys.platform != "win32":
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if not same:  # released and removed by its holder meanwhile
                _unlock(fd)
                os.close(fd)
                continue
        held = _LockFile(path, fd)
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            text = f"{os.getpid()}\n{socket.gethostname()}\n".encode()
            if os.write(fd, text) != len(text):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except OSError as exc:
            held.release()  # removes the empty file it leaves otherwise
            raise os_storage_error(exc, db_path) from exc
        return held
    raise StorageError(StorageProblem.IN_USE, db_path, _owner(path))


class DatabaseLock:
    """The lock this process holds on one database file (see :func:`acquire`)."""

    def __init__(self, db_path: Path, key: tuple[int, int], files: list[_LockFile]) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._key = key
        self._files = files
        self._users = 1

    def release(self) -> None:
        """Give back one use; the last one removes the lock files and the OS locks."""
        with _registry_guard:
            if self._users == 0:
                return
            self._users -= 1
            if self._users:
                return
            _held.pop(self._key, None)
            files, self._files = self._files, []
            for held in reversed(files):
                held.release()


def held_here(db_path: Path) -> bool:
    """True if this process has ``db_path`` open (holds its lock), by whatever name."""
    identity = _identity(db_path)
    with _registry_guard:
        return identity is not None and identity in _held


def acquire(db_path: Path) -> DatabaseLock:
    """Lock ``db_path`` for this process; a missing file is created (empty) first,
    so that it has an identity to lock.

    Raises ``StorageError(IN_USE)`` naming the process and host of the running
    copy that holds it, by this name or any other, or the problem the operating
    system reports when a lock file cannot be made (``READ_ONLY`` for a read-only
    folder, ``DISK_FULL`` for a full disk); nothing is left behind then.
    """
    with _registry_guard:
        identity = _identity(db_path)
        existing = _held.get(identity) if identity is not None else None
        if existing is not None:
            existing._users += 1
            return existing
        files = [_take(lock_path(db_path), db_path)]
        created = False
        try:
            if identity is None:
                try:
                    os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
                    created = True
                except FileExistsError:
                    pass
                except OSError as exc:
                    raise os_storage_error(exc, db_path) from exc
                identity = _identity(db_path)
                if identity is None:
                    raise StorageError(StorageProblem.MISSING, db_path)
            by_identity = _identity_lock_path(identity)
            if by_identity is not None:
                files.append(_take(by_identity, db_path))
        except BaseException:
            if created:
                with contextlib.suppress(OSError):
                    if db_path.stat().st_size == 0:
                        db_path.unlink()
            for held in reversed(files):
                held.release()
            raise
        lock = DatabaseLock(db_path, identity, files)
        _held[identity] = lock
        return lock
