"""Snapshots of a database on a server, as a SQLite file the program can open.

The server keeps its own backups (the IT department's ``pg_dump``); a snapshot is
the program's own: every row of every table, copied through the model's tables
into a new database file (made by the same migrations), from one moment's data
(a ``REPEATABLE READ`` transaction). Such a file opens like any database file, and
:func:`load_snapshot` puts it back into the server's database in one transaction:
all of it, or nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, insert, select
from sqlalchemy.engine import Connection

from stad_desktop.model import Base
from stad_desktop.storage.database import Database
from stad_desktop.storage.migrating import upgrade


def _copy_rows(source: Connection, target: Connection) -> None:
    """Replace every row of the target's tables with the source's, parents first."""
    tables = Base.metadata.sorted_tables
    for table in reversed(tables):
        target.execute(delete(table))
    for table in tables:
        rows: list[dict[str, Any]] = [dict(row) for row in source.execute(select(table)).mappings()]
        if rows:
            target.execute(insert(table), rows)


def write_snapshot(db: Database, output: Path) -> Path:
    """Write every row of ``db`` to the new database file ``output`` (replaced in one
    step when complete: see ``fileio.atomic_write``). Returns ``output``."""
    from stad_desktop.fileio import atomic_write

    with atomic_write(output) as handle:
        engine = create_engine(f"sqlite:///{handle.name}")
        try:
            upgrade(engine)
            with db.engine.connect() as source, engine.begin() as target:
                if source.dialect.name == "postgresql":
                    source.exec_driver_sql(
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                    )
                _copy_rows(source, target)
        finally:
            engine.dispose()
    return output


def load_snapshot(db: Database, snapshot: Path) -> None:
    """Replace everything in ``db`` with the database file ``snapshot``, in one
    transaction. A file that is no database, a damaged or a too new one is refused
    (StorageError) before anything is changed; an older one is read through an
    upgraded copy."""
    from stad_desktop.storage.reading import open_read_only

    source = open_read_only(snapshot)
    try:
        with source.engine.connect() as reading, db.transaction() as session:
            _copy_rows(reading, session.connection())
    finally:
        source.close()
