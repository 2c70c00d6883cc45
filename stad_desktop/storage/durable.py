"""Writing copies that survive a crash or a power cut: temporary ``.part`` files that
are flushed to the disk before they are renamed into place, and the clean-up of the
``.part`` files an interrupted copy left behind.

While a copy is being written its ``.part`` file is held with an operating-system
lock (``flock``), so a clean-up running in another copy of the program at the same
moment can tell a copy in progress from one whose writer has gone. On Windows an
open file cannot be removed, which protects it the same way.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

PART_SUFFIX = ".part"


def fsync_file(path: Path) -> None:
    """Flush ``path``'s data to the disk."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


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


@contextlib.contextmanager
def claimed_part(partial: Path) -> Iterator[int]:
    """Create ``partial`` (empty) and hold it while the block writes it; gives a
    descriptor that :func:`os.fsync` can flush. Removed if the block fails."""
    while True:
        fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o666)
        if sys.platform == "win32":
            break
        _flock(fd, wait=True)
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(partial))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # removed by a clean-up just before we held it: start again
    try:
        yield fd
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)


def remove_stale_parts(folder: Path, pattern: str = "*.sqlite3" + PART_SUFFIX) -> list[Path]:
    """Remove the ``.part`` files in ``folder`` that no running copy is writing
    (left by a copy that was killed or lost its power); returns those removed."""
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
