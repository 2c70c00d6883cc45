"""The cheapest look at a database path, before anything heavy is loaded: a missing
folder or a file that is plainly not SQLite. The full read-only check
(``sqlite_file.inspect_file``) runs when the database is opened."""

from __future__ import annotations

from pathlib import Path

from stad_desktop.storage.errors import StorageError, StorageProblem

SQLITE_HEADER = b"SQLite format 3\x00"


def plainly_unusable(path: Path) -> StorageError | None:
    """The problem with ``path`` if it can be seen without SQLite, else None."""
    try:
        if not path.exists():
            return (
                None if path.parent.is_dir() else StorageError(StorageProblem.MISSING_FOLDER, path)
            )
        if path.is_dir():
            return StorageError(StorageProblem.NOT_DATABASE, path)
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        return StorageError(StorageProblem.READ_ONLY, path, exc)
    except OSError as exc:
        return StorageError(StorageProblem.OTHER, path, exc)
    if header and header != SQLITE_HEADER:
        return StorageError(StorageProblem.NOT_DATABASE, path)
    return None
