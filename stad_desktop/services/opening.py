"""Opening a database file for the services: the way the window gets at a file
without knowing the storage layer. Cheap to import: storage loads when a file opens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stad_desktop.services.facade import Services
    from stad_desktop.storage.errors import StorageError
    from stad_desktop.storage.integrity import BackgroundCheck


def plainly_unusable(path: Path) -> StorageError | None:
    """The problem of a file that is plainly not a database (or in a missing folder),
    found cheaply before anything is opened; None when it may be one."""
    from stad_desktop.storage.precheck import plainly_unusable as check

    return check(path)


def open_services(path: Path, *, checked: BackgroundCheck | None = None) -> Services:
    """The services on the database at ``path``, created or brought up to date first;
    ``checked``: the check of every page started at start-up, waited for before any
    write (see ``services.startup.start_integrity_check``). Raises StorageError when
    the file cannot be used."""
    from stad_desktop.services.facade import Services
    from stad_desktop.storage import open_database

    return Services(open_database(path, checked=checked))
