"""A database on a PostgreSQL server: its address, connecting, its problems, migrating.

A shared database has none of a file's concerns (no lock file, no copy in a backups
folder, no page check): the server keeps its data whole and lets several programs
in at once. What is left here:

- the address: ``postgresql+psycopg://user@host:port/db``. A password in it is
  refused: libpq reads it from ``PGPASSFILE`` or ``~/.pgpass``, or the program asks
  for it (the CLI on the terminal, the window in a dialog) and passes it on when
  connecting, never storing it;
- the server's errors, told as :class:`StorageError` (server down, no such database,
  password needed or refused, connection lost);
- migrating under an advisory lock, so that two programs starting at once do not
  both migrate; and text compared byte by byte (collation ``C``), as SQLite does,
  so sorting and searching give the same rows in the same order on both engines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine

from stad_desktop.paths import ServerDatabase
from stad_desktop.storage.errors import StorageError, StorageProblem
from stad_desktop.storage.server_address import engine_url

# pg_advisory_lock's key while migrating: "STAD" in ASCII.
MIGRATION_LOCK = 0x53544144
CONNECT_TIMEOUT_S = 10
# Connections kept open for the readings to come: the home page reads in three parts
# at once (services.overview), each on a connection of its own.
CONNECTIONS_KEPT = 3


def make_server_engine(server: ServerDatabase, password: str | None = None) -> Engine:
    """An engine for the database on ``server``; ``password``: one asked for just now
    (else libpq looks in PGPASSFILE/.pgpass)."""
    connect_args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "stad-desktop",
    }
    if password is not None:
        connect_args["password"] = password
    return create_engine(
        engine_url(server),
        pool_pre_ping=True,
        pool_size=CONNECTIONS_KEPT,
        connect_args=connect_args,
    )


def listening_connection(engine: Engine, password: str | None) -> Callable[[], Any]:
    """Opens a connection of its own to ``engine``'s database, in autocommit, for
    ``LISTEN`` (see ``storage.notify``)."""
    import psycopg

    url = engine.url

    def connect() -> Any:
        extra: dict[str, Any] = {key: str(value) for key, value in url.query.items()}
        return psycopg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            dbname=url.database,
            password=password,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="stad-desktop-listen",
            **extra,
        )

    return connect


def is_postgresql(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


# Words of libpq's and the server's messages, for the errors that carry no SQLSTATE
# (those made while connecting).
_CONNECT_PROBLEMS: tuple[tuple[str, StorageProblem], ...] = (
    ("no password supplied", StorageProblem.PASSWORD_NEEDED),
    ("password authentication failed", StorageProblem.AUTH_FAILED),
    ("authentication failed", StorageProblem.AUTH_FAILED),
    ("does not exist", StorageProblem.NO_SUCH_DATABASE),
)
_BY_SQLSTATE: dict[str, StorageProblem] = {
    "28P01": StorageProblem.AUTH_FAILED,
    "28000": StorageProblem.AUTH_FAILED,
    "3D000": StorageProblem.NO_SUCH_DATABASE,
    "42501": StorageProblem.NO_PERMISSION,
    "53100": StorageProblem.DISK_FULL,
    "40P01": StorageProblem.LOCKED,
    "55P03": StorageProblem.LOCKED,
    "57P01": StorageProblem.CONNECTION_LOST,
    "57P02": StorageProblem.CONNECTION_LOST,
    "57P03": StorageProblem.UNREACHABLE,
}


def server_problem(exc: BaseException) -> StorageProblem | None:
    """The problem a PostgreSQL driver error means, or None for one that is not a
    problem of the server or the connection (a bug). A SQLAlchemy ``DBAPIError`` is
    looked through to psycopg's error (``.orig``)."""
    import psycopg

    original = getattr(exc, "orig", None) or exc
    if not isinstance(original, psycopg.Error):
        return None
    state = getattr(original, "sqlstate", None)
    if state in _BY_SQLSTATE:
        return _BY_SQLSTATE[state]
    said = str(original)
    if state is None and isinstance(original, psycopg.OperationalError):
        if said.startswith(("connection failed", "failed to resolve", "connection to server")):
            for words, problem in _CONNECT_PROBLEMS:
                if words in said:
                    return problem
            return StorageProblem.UNREACHABLE
        # Lost on the way: the server went away, or the network between.
        return StorageProblem.CONNECTION_LOST
    if getattr(exc, "connection_invalidated", False):
        return StorageProblem.CONNECTION_LOST
    return None


def server_storage_error(exc: BaseException, server: object) -> StorageError | None:
    """The :class:`StorageError` for a PostgreSQL error, or None (see :func:`server_problem`)."""
    problem = server_problem(exc)
    if problem is None:
        return None
    original = getattr(exc, "orig", None) or exc
    return StorageError(problem, server, _first_line(str(original)))


def _first_line(said: str) -> str:
    """The reason without libpq's prefix and hints: ``connection refused``."""
    line = said.strip().splitlines()[0] if said.strip() else said
    return line.rpartition("failed: ")[2].removeprefix("FATAL:").strip()


def text_compares_as_bytes(connection: Connection) -> None:
    """Make every text column of the program's tables compare byte by byte (collation
    ``C``), as SQLite compares text: ``ORDER BY sort_key`` and ``LIKE`` then give the
    same rows in the same order on both engines, whatever the database's own collation
    (``nb_NO.UTF-8`` sorts "{" among the letters). Indexes follow the column."""
    rows = connection.execute(
        text(
            "SELECT table_name, column_name, data_type, character_maximum_length "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND data_type IN ('text', 'character varying') "
            "AND coalesce(collation_name, '') <> 'C' AND table_name <> 'alembic_version'"
        )
    ).all()
    for table, column, data_type, length in rows:
        kind = f"varchar({length})" if data_type == "character varying" and length else "text"
        connection.execute(
            text(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE {kind} COLLATE "C"')
        )


def take_migration_lock(connection: Connection) -> None:
    """Wait for, then hold, the database's migration lock (until released, or the
    connection ends): a second program starting meanwhile waits here."""
    connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
    connection.commit()


def release_migration_lock(connection: Connection) -> None:
    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
    connection.commit()
