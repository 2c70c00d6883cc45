"""Storage: engine, pragmas, sessions, opening, checking and backing up database files."""

from stad_desktop.storage.database import Database, make_engine, open_database, upgrade
from stad_desktop.storage.errors import StorageError, StorageProblem

__all__ = ["Database", "StorageError", "StorageProblem", "make_engine", "open_database", "upgrade"]
