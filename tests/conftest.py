"""Every test gets its own data folder and database; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.storage import Database, open_database


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
    set_language("nn")
    yield
    set_language("nn")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "stad.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
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
def demo_services(demo_path: Path) -> Iterator[Services]:
    database = open_database(demo_path)
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
