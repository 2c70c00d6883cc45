"""Commands on a database damaged in a data page (its header and schema whole):
``report`` and ``backup`` exit 1, ``check`` reports the damage, the window started
with ``--no-crash-dialog`` exits non-zero, and the file is left byte-for-byte as
it was, with no -wal, -shm or .lock file (and no backup or printout) beside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from file_helpers import snapshot

from stad_desktop.cli import main


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


def test_commands_refuse_a_damaged_database(
    damaged_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = damaged_path.parent
    before = snapshot(folder)
    db = str(damaged_path)
    pdf = str(folder / "portfolio.pdf")
    for args in (
        ["report", "portfolio", "--db", db, "-o", pdf],
        ["report", "project", "Kulturskule 3.0", "--db", db, "-o", pdf],
        ["backup", "--db", db],
        ["backup", "--db", db, "-o", str(folder / "copy.sqlite3")],
        ["demo", "--db", db],
    ):
        assert main(["--lang", "en", *args]) == 1, args
        line = one_line(capsys.readouterr().err)
        assert line.startswith(f"stad-desktop: The database {db} is damaged"), line
        assert snapshot(folder) == before, args
    assert main(["--lang", "en", "check", "--db", db]) == 1
    captured = capsys.readouterr()
    assert f"The database {db} is damaged" in captured.err
    assert "Integrity: ok" not in captured.out
    assert snapshot(folder) == before


def test_the_window_without_dialogs_exits_non_zero(damaged_path: Path) -> None:
    before = snapshot(damaged_path.parent)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    program = [sys.executable, "-m", "stad_desktop", "--lang", "en", "--db", str(damaged_path)]
    result = subprocess.run(
        [*program, "--no-crash-dialog", "--exit-after-startup"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("stad-desktop:")]
    assert len(lines) == 1 and "is damaged" in lines[0]
    assert "Traceback" not in result.stderr
    assert "ready_ms" not in result.stdout
    assert snapshot(damaged_path.parent) == before
