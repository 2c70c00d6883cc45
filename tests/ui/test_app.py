"""Starting the program: timings, a refused database, and the frame shown before
the heavy imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "stad_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def test_exit_after_startup_prints_timings(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    result = run("--db", str(db), "--no-crash-dialog", "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    values = dict(line.split("=", 1) for line in result.stdout.split())
    frame, startup = int(values["frame_ms"]), int(values["startup_ms"])
    assert 0 < frame <= startup < 60_000
    assert db.exists()


@pytest.mark.parametrize("content", [b"this is no database" * 100, b"SQLite format 3\x00junk"])
def test_bad_database_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "bad.sqlite3"
    db.write_bytes(content)
    result = run("--db", str(db), "--no-crash-dialog", "--exit-after-startup")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("stad-desktop:")]
    assert len(lines) == 1 and str(db) in lines[0]
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == content
    assert "startup_ms" not in result.stdout


def test_frame_needs_no_database_libraries() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from stad_desktop.ui.main_window import MainWindow\n"
        "w = MainWindow('x.sqlite3'); w.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]"
