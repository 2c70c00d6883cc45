"""Engines: SQLite with the program's pragmas, its way of beginning transactions and
its tables' index hints; any other database as SQLAlchemy makes it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 5000


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy issue BEGIN itself so transactions are whole (see SQLAlchemy's
    # "Serializable isolation / Savepoints / Transactional DDL" notes for pysqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    # Deleted and changed content is overwritten with zeros, so that an erased
    # person's data is gone from the file itself (services.erasure).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _begin(conn: Any) -> None:
    # Writers take the write lock up front, so two writers wait for each other
    # (busy_timeout) instead of failing half-way; readers begin deferred.
    immediate = conn.get_execution_options().get("stad_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class _HintedSQLiteCompiler(SQLiteCompiler):
    """SQLite's statements with their tables' hints, which SQLAlchemy leaves out for
    SQLite: ``select(…).with_hint(Table, "INDEXED BY ix_…", "sqlite")`` picks the
    index a query reads (SQLite keeps no statistics here, and without them it can
    take an index that makes it read the table too)."""

    def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
        return text


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets the program's pragmas and hints."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        engine.dialect.statement_compiler = _HintedSQLiteCompiler
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True)
