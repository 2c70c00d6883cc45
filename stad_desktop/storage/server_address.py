"""A PostgreSQL server's address, checked without loading the database layer: the
window checks it before its frame is shown (see ``services.opening``)."""

from __future__ import annotations

from stad_desktop.paths import ServerDatabase
from stad_desktop.storage.errors import StorageError, StorageProblem

DRIVER_SCHEME = "postgresql+psycopg"
SCHEMES = ("postgresql", "postgres", DRIVER_SCHEME)


def engine_url(server: ServerDatabase) -> str:
    """The SQLAlchemy URL for ``server``; refused (StorageError) when it is not a
    PostgreSQL address or holds a password."""
    scheme, sep, rest = server.url.partition("://")
    if scheme.lower() not in SCHEMES or not rest.strip("/"):
        raise StorageError(StorageProblem.UNSUPPORTED_ADDRESS, server.url)
    if server.has_password:
        raise StorageError(StorageProblem.PASSWORD_IN_ADDRESS, server.name)
    return f"{DRIVER_SCHEME}{sep}{rest}"
