"""Where a printout or a copy may be written: the one check every writer of a file
the user named makes first (``report -o``, ``backup -o``, *Save as PDF*).

A target is refused, with one message and before anything is written, when it is:

- the database itself, compared by the file's identity (device and inode), so that
  ``x/../stad.sqlite3``, a symbolic link or a hard link are seen too;
- one of the database's own files (``-wal``, ``-shm``, ``-journal``, ``.lock``),
  whether it exists at the moment or not, or anything in its backups folder;
- not an ordinary file (a folder, a device such as ``/dev/full``, a pipe);
- an existing file with other content than the writer makes (a PDF must start
  with ``%PDF``, a database copy with SQLite's header, a spreadsheet must be an
  XLSX workbook, a CSV file text without NUL bytes); an empty file is taken;
- for a database copy, any existing file unless replacing it was asked for;
- in a folder that does not exist.

No SQLAlchemy here: the check runs before the database is opened.
"""

from __future__ import annotations

import enum
import os
import stat
import zipfile
from pathlib import Path

from stad_desktop.language import N_, Message
from stad_desktop.os_errors import os_error_message
from stad_desktop.storage.lock import lock_path
from stad_desktop.storage.precheck import SQLITE_HEADER
from stad_desktop.storage.sqlite_file import backups_dir

# The files SQLite and the program keep next to a database file.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")


# How much of an existing CSV file is looked at to tell it is text.
CSV_SNIFF_BYTES = 64 * 1024
ZIP_HEADER = b"PK\x03\x04"
# Other files' beginnings, never taken for a CSV file.
BINARY_HEADERS = (SQLITE_HEADER, b"%PDF", ZIP_HEADER)


class OutputKind(enum.Enum):
    """What is written, and so what an existing file must hold to be replaced."""

    PDF = "pdf"
    DATABASE_COPY = "database copy"
    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


class OutputRefused(Exception):
    """The target may not be written; ``message`` says why, in the user's language."""

    def __init__(self, message: str, path: Path, **params: object) -> None:
        self.message = Message(message, {"path": path, **params})
        self.path = path
        super().__init__(f"{message} {path}")


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _names_of(database: Path) -> set[Path]:
    """The database by the name given and by the name of the file itself."""
    return {Path(os.path.abspath(database)), Path(os.path.realpath(database))}


def _companions(database: Path) -> set[Path]:
    """The database's own files, by every name that leads to it."""
    names = _names_of(database)
    return {
        name.with_name(name.name + suffix) for name in names for suffix in COMPANION_SUFFIXES
    } | {lock_path(database)}


def _is_companion(real_target: Path, identity: tuple[int, int] | None, database: Path) -> bool:
    """True for one of the database's files, existing or not (compared by folder
    identity and name), or for another name of an existing one."""
    folder = _identity(real_target.parent)
    for companion in _companions(database):
        if identity is not None and identity == _identity(companion):
            return True
        if real_target.name == companion.name and folder == _identity(companion.parent):
            return True
    return False


def _in_backups(real_target: Path, identity: tuple[int, int] | None, database: Path) -> bool:
    folders = {_identity(backups_dir(name)) for name in _names_of(database)} - {None}
    if not folders:
        return False
    if any(_identity(folder) in folders for folder in (real_target, *real_target.parents)):
        return True
    if identity is None:
        return False
    # A hard link to one of the copies, made somewhere else.
    for name in _names_of(database):
        try:
            entries = list(backups_dir(name).iterdir())
        except OSError:
            continue
        if any(_identity(entry) == identity for entry in entries):
            return True
    return False


def _fits(path: Path, kind: OutputKind) -> bool:
    """True when the existing file ``path`` is empty or holds what ``kind`` writes."""
    with path.open("rb") as handle:
        head = handle.read(CSV_SNIFF_BYTES)
    if head == b"":
        return True
    if kind is OutputKind.PDF:
        return head.startswith(b"%PDF")
    if kind is OutputKind.DATABASE_COPY:
        return head.startswith(SQLITE_HEADER)
    if kind is OutputKind.CSV:
        return b"\0" not in head and not head.startswith(BINARY_HEADERS)
    if kind is OutputKind.JSON:
        return head.lstrip()[:1] in (b"{", b"[")
    if not head.startswith(ZIP_HEADER):
        return False
    try:
        with zipfile.ZipFile(path) as workbook:
            return "xl/workbook.xml" in workbook.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


_NOT_FITTING = {
    OutputKind.PDF: N_(
        "{path} exists and is not a PDF file. Choose another name; it has not been changed."
    ),
    OutputKind.DATABASE_COPY: N_(
        "{path} exists and is not a database copy. Choose another name; it has not been changed."
    ),
    OutputKind.XLSX: N_(
        "{path} exists and is not an Excel workbook (XLSX). Choose another name; "
        "it has not been changed."
    ),
    OutputKind.CSV: N_(
        "{path} exists and is not a CSV text file. Choose another name; it has not been changed."
    ),
    OutputKind.JSON: N_(
        "{path} exists and is not a JSON file. Choose another name; it has not been changed."
    ),
}


def check_output(
    target: Path,
    database: Path | None,
    kind: OutputKind,
    *,
    overwrite: bool = True,
) -> None:
    """Raise :class:`OutputRefused` unless ``target`` may be written (see the module
    text); ``database`` is the database file the program works on, if any."""
    real = Path(os.path.realpath(target))
    if not real.parent.is_dir():
        raise OutputRefused(
            N_("The folder for {path} does not exist. Choose an existing folder."), target
        )
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputRefused(
            N_("Cannot write to {path}: {detail}"), target, detail=os_error_message(exc)
        ) from exc
    identity = (info.st_dev, info.st_ino) if info is not None else None
    if database is not None:
        if (identity is not None and identity == _identity(database)) or real in _names_of(
            database
        ):
            raise OutputRefused(
                N_("{path} is the database itself. Choose another file; nothing has been written."),
                target,
            )
        if _is_companion(real, identity, database):
            raise OutputRefused(
                N_(
                    "{path} is one of the database's own working files. Choose another file; "
                    "nothing has been written."
                ),
                target,
            )
        if _in_backups(real, identity, database):
            raise OutputRefused(
                N_(
                    "{path} is in the database's backups folder. Choose another folder; "
                    "nothing has been written."
                ),
                target,
            )
    if info is None:
        return
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefused(
            N_(
                "{path} is not an ordinary file (it is a folder, a device or a pipe). "
                "Choose a file name; nothing has been written."
            ),
            target,
        )
    if kind is OutputKind.DATABASE_COPY and not overwrite:
        raise OutputRefused(
            N_("{path} exists already. Give --overwrite to replace it, or choose another name."),
            target,
        )
    try:
        fits = _fits(target, kind)
    except OSError as exc:
        raise OutputRefused(
            N_("Cannot write to {path}: {detail}"), target, detail=os_error_message(exc)
        ) from exc
    if not fits:
        raise OutputRefused(_NOT_FITTING[kind], target)
