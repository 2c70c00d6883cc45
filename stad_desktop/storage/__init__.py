"""Storage: engine, pragmas, sessions, opening, checking and backing up database files.

The names are loaded lazily, so that ``stad_desktop.storage.sqlite_file`` (read-only
checks of a file) can be used before SQLAlchemy is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stad_desktop.storage.errors import StorageError, StorageProblem

if TYPE_CHECKING:
    from stad_desktop.storage.database import Database, make_engine, open_database, upgrade

__all__ = ["Database", "StorageError", "StorageProblem", "make_engine", "open_database", "upgrade"]

_LAZY = {"Database", "make_engine", "open_database", "upgrade"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from stad_desktop.storage import database

        return getattr(database, name)
    raise AttributeError(name)
