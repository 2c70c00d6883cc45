"""Writing files that survive a crash or a power cut: the one way the program
replaces a file (:func:`atomic_write`, :func:`atomic_copy`), and the clean-up of the
temporary ``.part`` files an interrupted write left behind.

A file is written to a hidden temporary file in the target's folder, flushed to the
disk, renamed over the target in one step, and then the folder itself is flushed, so
the target is always either the old file or the whole new one. While it is written
the temporary file is held with an operating-system lock (``flock``), so a clean-up
running in another copy of the program at the same moment can tell a write in
progress from one whose writer has gone. On Windows an open file cannot be removed,
which protects it the same way.

Base layer: no Qt, no SQLAlchemy; every layer may use it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

PART_SUFFIX = ".part"


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to the disk, where the system can."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flock(fd: int, wait: bool) -> bool:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _claim(target: Path) -> tuple[Path, int]:
    """Create a new, empty temporary file beside ``target`` and hold it."""
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{PART_SUFFIX}")
        # Created like any new file (the umask applies), unlike mkstemp's 0600.
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
        if sys.platform == "win32":
            return temp, fd
        _flock(fd, wait=True)
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(temp))
        except FileNotFoundError:
            same = False
        if same:
            return temp, fd
        os.close(fd)  # removed by a clean-up just before we held it: start again


@contextlib.contextmanager
def atomic_write(
    target: str | os.PathLike[str], mode: str = "wb", *, encoding: str | None = None
) -> Iterator[IO[Any]]:
    """Replace ``target`` whole, or not at all.

    The block writes to the file object it is given ("wb" or "w"); a writer that
    needs a path (SQLite, ReportLab) writes to ``handle.name`` instead. When the
    block ends the data is flushed and fsynced, the file renamed over ``target`` and
    the folder fsynced. If the block (or any of these steps) fails, ``target`` is
    left as it was and the temporary file is removed.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write writes with 'w' or 'wb', not {mode!r}")
    target = Path(target)
    temp, fd = _claim(target)
    try:
        handle = open(  # noqa: SIM115 - closed below, before or after the rename
            temp, mode, encoding=None if "b" in mode else encoding, opener=lambda _p, _f: fd
        )
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    try:
        try:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if sys.platform == "win32":
                handle.close()  # Windows renames no open file
            os.replace(temp, target)
        finally:
            handle.close()
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def atomic_copy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Copy ``source`` to ``target`` with :func:`atomic_write`: never a partial file."""
    with atomic_write(target) as out, open(source, "rb") as data:
        shutil.copyfileobj(data, out, 1024 * 1024)


def remove_stale_parts(folder: Path, pattern: str = "*.sqlite3*" + PART_SUFFIX) -> list[Path]:
    """Remove the ``.part`` files in ``folder`` that no running write holds (left by
    a write that was killed or lost its power); returns those removed."""
    removed: list[Path] = []
    try:
        candidates = sorted(folder.glob(pattern))
    except OSError:
        return removed
    for candidate in candidates:
        if sys.platform == "win32":
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
            continue
        try:
            fd = os.open(candidate, os.O_RDONLY)
        except OSError:
            continue
        try:
            if _flock(fd, wait=False):
                candidate.unlink(missing_ok=True)
                removed.append(candidate)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed
