"""Fixtures for the printout tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the printouts (so a test can check nothing else is left)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
