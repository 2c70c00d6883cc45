"""The service tests run on both engines: a SQLite file and a PostgreSQL server."""

from __future__ import annotations

import pytest
from pg_server import ENGINES


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)
