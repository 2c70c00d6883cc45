"""Fixtures for the printout tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server import ENGINES


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the printouts (so a test can check nothing else is left)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    """The printout tests run on both engines: a SQLite file and a PostgreSQL server."""
    return str(request.param)
