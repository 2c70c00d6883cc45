"""The benchmark on PostgreSQL: a server the benchmark starts itself, with the same
data as the SQLite files.

The server is the tests' (``tests/pg_server.py``: ``initdb`` and ``pg_ctl`` on a free
port), but its cluster is kept in ``--data-dir`` between runs, and each generated
SQLite database is copied into a database of its own on it once (table by table,
through the program's own model), then reused. The benchmark depends on the tests'
server module; the tests never import the benchmark.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_BATCH = 5000
# The server's memory for the pages it reads, as one holding a county's database
# would be set up (PostgreSQL's own advice: a quarter of the memory of a server of
# its own). The default, 128 MB, is less than what a scale-10 session reads, so
# each view would push out what the one before read.
SERVER_SETTINGS = ("shared_buffers=1GB",)


def _pg_server() -> ModuleType:
    path = ROOT / "tests" / "pg_server.py"
    spec = importlib.util.spec_from_file_location("_stad_pg_server", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def start_server(data_dir: Path) -> Any:
    """The benchmark's server, running (its cluster kept in ``data_dir/postgresql``)."""
    server = _pg_server().start(data_dir.resolve() / "postgresql", SERVER_SETTINGS)
    if isinstance(server, str):
        raise SystemExit(f"--engine postgresql: {server}")
    return server


def server_copy(server: Any, source: Path, name: str) -> str:
    """The address of database ``name`` on ``server`` holding what the SQLite file
    ``source`` holds: copied once, then reused (a copy cut short is made again)."""
    have = {row[0] for row in server.sql("SELECT datname FROM pg_database")}
    if name not in have:
        partial = name + "_partial"
        server.drop_database(partial)
        server.sql(f'CREATE DATABASE "{partial}"')
        started = time.perf_counter()
        copy_rows(source, server.url(partial))
        server.sql(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
        print(f"copied {source.name} to the server in {time.perf_counter() - started:.0f} s")
    return str(server.url(name))


def copy_rows(source: Path, url: str) -> None:
    """Every row of every table of ``source`` into the (new) database at ``url``."""
    from sqlalchemy import create_engine, select, text

    from stad_desktop.model import Base
    from stad_desktop.storage import open_database

    open_database(url).close()  # the tables, at the program's revision
    tables = Base.metadata.sorted_tables
    reader = create_engine(f"sqlite:///{source}")
    writer = create_engine(url)
    try:
        with reader.connect() as src, writer.begin() as dst:
            for table in reversed(tables):
                dst.execute(table.delete())
            for table in tables:
                rows = src.execute(select(table)).mappings()
                while batch := rows.fetchmany(_BATCH):
                    dst.execute(table.insert(), [dict(row) for row in batch])
        with writer.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    finally:
        reader.dispose()
        writer.dispose()
