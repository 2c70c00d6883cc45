"""Errors from the environment: the file, the folder, the disk, another program."""

from __future__ import annotations

import errno
import os
from enum import StrEnum
from pathlib import Path

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
    CLOSED = "closed"
    # A database on a server (PostgreSQL).
    UNREACHABLE = "unreachable"
    NO_SUCH_DATABASE = "no_such_database"
    PASSWORD_NEEDED = "password_needed"
    AUTH_FAILED = "auth_failed"
    PASSWORD_IN_ADDRESS = "password_in_address"
    UNSUPPORTED_ADDRESS = "unsupported_address"
    CONNECTION_LOST = "connection_lost"
    NO_PERMISSION = "no_permission"
    CONFLICT = "conflict"
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
    StorageProblem.CLOSED: N_(
        "The database {path} is no longer open, so nothing was saved. Start the "
        "program again to go on working."
    ),
    StorageProblem.UNREACHABLE: N_(
        "The database server for {path} cannot be reached ({detail}). Check the address "
        "and the network, or ask IT whether the server is running."
    ),
    StorageProblem.NO_SUCH_DATABASE: N_(
        "The database {path} does not exist on the server. Check its name, or ask IT to create it."
    ),
    StorageProblem.PASSWORD_NEEDED: N_(
        "The database server for {path} asks for a password. Put it in your .pgpass file "
        "(or the file PGPASSFILE names), or start the program where it can ask for it."
    ),
    StorageProblem.AUTH_FAILED: N_(
        "The database server refused the user name or password for {path}. Check them, or ask IT."
    ),
    StorageProblem.PASSWORD_IN_ADDRESS: N_(
        "The database address {path} holds a password. Leave it out: the program reads it "
        "from your .pgpass file (or the file PGPASSFILE names) or asks for it."
    ),
    StorageProblem.UNSUPPORTED_ADDRESS: N_(
        "The database address {path} is not one the program can use. Give a file, or a "
        "PostgreSQL address such as postgresql+psycopg://user@server:5432/stad."
    ),
    StorageProblem.CONNECTION_LOST: N_(
        "The connection to the database server for {path} was lost, so this change was not "
        "saved. Try again when the server can be reached; nothing was half-saved."
    ),
    StorageProblem.NO_PERMISSION: N_(
        "The database server does not let this user change {path} ({detail}). Ask IT for "
        "the rights the program needs."
    ),
    StorageProblem.CONFLICT: N_(
        "Someone else saved this record in {path} at the same moment, so nothing was "
        "saved. Open it again to see their changes."
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


# The one mapping from SQLite's error names (``sqlite3.Error.sqlite_errorname``, by
# prefix, so extended names such as SQLITE_READONLY_DBMOVED count) to a problem.
_BY_SQLITE_NAME: tuple[tuple[str, StorageProblem], ...] = (
    ("SQLITE_BUSY", StorageProblem.LOCKED),
    ("SQLITE_LOCKED", StorageProblem.LOCKED),
    ("SQLITE_READONLY", StorageProblem.READ_ONLY),
    ("SQLITE_PERM", StorageProblem.READ_ONLY),
    ("SQLITE_FULL", StorageProblem.DISK_FULL),
    ("SQLITE_CORRUPT", StorageProblem.CORRUPT),
    ("SQLITE_NOTADB", StorageProblem.NOT_DATABASE),
    ("SQLITE_CANTOPEN", StorageProblem.OTHER),  # decided by looking at the folder
    ("SQLITE_IOERR", StorageProblem.OTHER),  # told as an input/output error
)


def _cannot_open(path: object) -> StorageProblem:
    """Why SQLite could not open ``path``: its folder is missing, or the file or its
    folder may not be written, or something else (told by SQLite's reason)."""
    if not isinstance(path, (str, os.PathLike)) or "://" in str(path):
        return StorageProblem.OTHER
    place = Path(path)
    folder = place if place.is_dir() else place.parent
    if not folder.is_dir():
        return StorageProblem.MISSING_FOLDER
    if not os.access(folder, os.W_OK):
        return StorageProblem.READ_ONLY
    if place.is_file() and not os.access(place, os.R_OK | os.W_OK):
        return StorageProblem.READ_ONLY
    return StorageProblem.OTHER


def sqlite_problem(exc: BaseException, path: object) -> StorageProblem | None:
    """The storage problem a SQLite error means, or None for one that is not a
    problem of the file or its surroundings (a bug). A SQLAlchemy ``DBAPIError`` is
    looked through to the driver's error it wraps (``.orig``)."""
    original = getattr(exc, "orig", None) or exc
    name = getattr(original, "sqlite_errorname", None)
    if not isinstance(name, str):
        return None
    for prefix, problem in _BY_SQLITE_NAME:
        if name == prefix or name.startswith(prefix + "_"):
            if prefix == "SQLITE_CANTOPEN":
                return _cannot_open(path)
            return problem
    return None


def sqlite_storage_error(
    exc: BaseException, path: object, *, unknown: StorageProblem = StorageProblem.OTHER
) -> StorageError:
    """The :class:`StorageError` for a SQLite error (see :func:`sqlite_problem`); an
    error of no known kind becomes ``unknown``. The reason is kept as the detail."""
    original = getattr(exc, "orig", None) or exc
    return StorageError(sqlite_problem(exc, path) or unknown, path, original)
