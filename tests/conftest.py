"""Every test gets its own data folder and database; Qt runs offscreen.

The database is a SQLite file, or, where a suite's conftest asks for both engines
(``engine_name`` with the params ``sqlite`` and ``postgresql``), also a fresh
database on a PostgreSQL server the tests start themselves (``tests/pg_server.py``).
Without PostgreSQL those tests are skipped, saying why; in CI (``CI`` set) that is a
failure instead, so they always run there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.storage import Database, open_database

if TYPE_CHECKING:
    from pg_server import PostgresServer


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test touches the user's own files or settings."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("STAD_DESKTOP_DB", raising=False)
    for name in ("PGPASSFILE", "PGPASSWORD", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE"):
        monkeypatch.delenv(name, raising=False)
    set_language("nn")
    yield
    set_language("nn")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "stad.sqlite3"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole run (started on first use)."""
    import pg_server

    server = pg_server.start()
    if isinstance(server, str):
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: {server}")
        pytest.skip(f"PostgreSQL tests skipped: {server}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(postgres_server: PostgresServer) -> str:
    """A migrated, empty database to copy for each test (CREATE DATABASE ... TEMPLATE)."""
    name = postgres_server.new_database()
    open_database(postgres_server.url(name)).close()
    return name


@pytest.fixture(scope="session")
def pg_demo_template(postgres_server: PostgresServer, pg_template: str) -> str:
    """The example data, on the server, to copy for each test."""
    from stad_desktop.demo import load_demo

    name = postgres_server.new_database(template=pg_template)
    database = open_database(postgres_server.url(name))
    load_demo(Services(database))
    database.close()
    return name


@pytest.fixture
def engine_name() -> str:
    """The engine of the ``db`` fixture; the suites that run on both override it."""
    return "sqlite"


_REUSABLE: dict[str, str] = {}  # template -> a database put back after each test


def _server_database(request: pytest.FixtureRequest, template: str) -> Iterator[Database]:
    """A database on the tests' server holding what ``template`` holds: the same one
    for every test, its rows put back after each (see PostgresServer.reset)."""
    from stad_desktop.model import Base

    server: PostgresServer = request.getfixturevalue("postgres_server")
    tables = [table.name for table in Base.metadata.sorted_tables]
    name = _REUSABLE.get(template)
    if name is None:
        name = server.reusable_database(request.getfixturevalue(template), tables)
        _REUSABLE[template] = name
    database = open_database(server.url(name))
    try:
        yield database
    finally:
        database.close()
        if not server.reset(name, tables):
            server.drop_database(name)
            del _REUSABLE[template]


@pytest.fixture
def db(engine_name: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if engine_name == "postgresql":
        yield from _server_database(request, "pg_template")
        return
    database = open_database(request.getfixturevalue("db_path"))
    yield database
    database.close()


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db)


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from stad_desktop.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path)
    load_demo(Services(database))
    database.close()
    return path


@pytest.fixture
def demo_path(_demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the example database."""
    from stad_desktop.storage.sqlite_file import backup_file

    target = tmp_path / "demo.sqlite3"
    backup_file(_demo_template, target)
    return target


@pytest.fixture
def demo_services(engine_name: str, request: pytest.FixtureRequest) -> Iterator[Services]:
    if engine_name == "postgresql":
        for database in _server_database(request, "pg_demo_template"):
            yield Services(database)
        return
    database = open_database(request.getfixturevalue("demo_path"))
    yield Services(database)
    database.close()


@pytest.fixture
def damaged_path(demo_path: Path, tmp_path: Path) -> Path:
    """The example database as ``stad.sqlite3`` in a folder of its own, opened once
    (so a whole start-up backup of it exists), then damaged in one data page while
    it was closed."""
    from file_helpers import damage_data_page

    path = tmp_path / "kommune" / "stad.sqlite3"
    path.parent.mkdir()
    demo_path.rename(path)
    open_database(path).close()
    damage_data_page(path)
    return path
