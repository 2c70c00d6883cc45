"""Errors from the environment: the file, the folder, the disk, another program."""

from __future__ import annotations

import errno
from enum import StrEnum

from stad_desktop.language import N_, Message
from stad_desktop.os_errors import os_error_message


class StorageProblem(StrEnum):
    NOT_DATABASE = "not_database"
    FOREIGN = "foreign"
    CORRUPT = "corrupt"
    TOO_NEW = "too_new"
    READ_ONLY = "read_only"
    MISSING_FOLDER = "missing_folder"
    LOCKED = "locked"
    DISK_FULL = "disk_full"
    IN_USE = "in_use"
    MISSING = "missing"
    EMPTY = "empty"
    OTHER = "other"


_MESSAGES = {
    StorageProblem.NOT_DATABASE: N_(
        "The file {path} is not a Stad Desktop database. Choose another file; "
        "this one has not been changed."
    ),
    StorageProblem.FOREIGN: N_(
        "The file {path} is a database from another program. Choose a Stad Desktop "
        "database; this one has not been changed."
    ),
    StorageProblem.CORRUPT: N_(
        "The database {path} is damaged ({detail}). Open the latest backup from the "
        "backups folder next to it; the damaged file has not been changed."
    ),
    StorageProblem.TOO_NEW: N_(
        "The database {path} was made by a newer version of Stad Desktop (revision "
        "{detail}). Install the newer version to open it; the file has not been changed."
    ),
    StorageProblem.READ_ONLY: N_(
        "The database {path} cannot be written to (read-only file or folder). "
        "Copy it to a folder where you may save files, or ask for write access."
    ),
    StorageProblem.MISSING_FOLDER: N_(
        "The folder for {path} does not exist. Choose an existing folder."
    ),
    StorageProblem.LOCKED: N_(
        "The database {path} is busy in another program. Wait a moment and try again."
    ),
    StorageProblem.DISK_FULL: N_(
        "The disk is full, so nothing could be saved. Free some space and try again; "
        "the database is unchanged."
    ),
    StorageProblem.IN_USE: N_(
        "The database {path} is already open in another copy of Stad Desktop "
        "(process {detail}). Close that copy first."
    ),
    StorageProblem.MISSING: N_(
        "The database {path} does not exist. Check the name; nothing has been created."
    ),
    StorageProblem.EMPTY: N_(
        "The file {path} is empty: it holds no database. Nothing has been changed."
    ),
    StorageProblem.OTHER: N_("The database {path} could not be used: {detail}"),
}


class StorageError(Exception):
    """A known problem with the database file or its surroundings."""

    def __init__(self, problem: StorageProblem, path: object = "", detail: object = "") -> None:
        self.problem = problem
        self.path = str(path)
        self.detail = str(detail)
        # An operating-system or SQLite error is shown in the user's language.
        shown = os_error_message(detail) if isinstance(detail, BaseException) else self.detail
        self.message = Message(_MESSAGES[problem], {"path": self.path, "detail": shown})
        super().__init__(f"{problem}: {self.path} {self.detail}".strip())


def os_storage_error(exc: OSError, path: object) -> StorageError:
    """The storage problem an operating-system error means: a full disk, no
    permission to write, or anything else (told in the user's language)."""
    quota = getattr(errno, "EDQUOT", errno.ENOSPC)
    if exc.errno in (errno.ENOSPC, errno.EFBIG, quota):
        return StorageError(StorageProblem.DISK_FULL, path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(StorageProblem.READ_ONLY, path, exc)
    return StorageError(StorageProblem.OTHER, path, exc)
