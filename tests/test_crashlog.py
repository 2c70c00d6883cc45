"""The crash log the user is asked to send in holds no personal data: exception
types, code locations and SQL without its parameters; the file is private (600)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import StatementError

from stad_desktop import paths
from stad_desktop.cli import main
from stad_desktop.crashlog import log_exception
from stad_desktop.storage import Database

PERSONAL = ("Åse Ødegård", "41234567", "har diabetes")


def failed_insert(db: Database) -> StatementError:
    """A database error whose parameters are a person's name, phone and a note."""
    try:
        with db.transaction() as session:
            session.execute(
                text("INSERT INTO actors (id, name, notes) VALUES (:i, :n, :t)"),
                {"i": "a1", "n": PERSONAL[0], "t": f"Ring {PERSONAL[1]}, {PERSONAL[2]}"},
            )
    except StatementError as exc:
        assert all(value in str(exc) for value in PERSONAL)  # the message carries them
        return exc
    raise AssertionError("the insert did not fail")


def test_sql_errors_are_logged_without_their_parameters(db: Database) -> None:
    log = log_exception(failed_insert(db))
    content = log.read_text(encoding="utf-8")
    assert "sqlalchemy.exc.IntegrityError" in content
    assert "SQL: INSERT INTO actors (id, name, notes) VALUES (?, ?, ?)" in content
    assert 'File "tests/test_crashlog.py", line ' in content and ", in failed_insert" in content
    for value in PERSONAL:
        assert value not in content
    assert str(Path.home()) not in content  # no user folder names either
    assert log.stat().st_mode & 0o777 == 0o600


def test_an_existing_log_is_made_private(db: Database) -> None:
    log = paths.user_log_dir() / "stad-desktop-errors.log"
    log.parent.mkdir(parents=True)
    log.write_text("--- earlier ---\n", encoding="utf-8")
    log.chmod(0o644)
    assert log_exception(failed_insert(db)) == log
    assert log.stat().st_mode & 0o777 == 0o600
    assert log.read_text(encoding="utf-8").startswith("--- earlier ---\n")


def test_a_command_that_fails_unexpectedly_logs_privately(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from stad_desktop.cli import check

    def broken(_args: object, _tr: object) -> int:
        raise KeyError(f"{PERSONAL[0]}, {PERSONAL[1]}")

    monkeypatch.setattr(check, "run", broken)
    assert main(["--lang", "en", "check", "--db", str(tmp_path / "x.sqlite3")]) == 1
    assert "Unexpected error: KeyError" in capsys.readouterr().err
    log = paths.user_log_dir() / "stad-desktop-errors.log"
    content = log.read_text(encoding="utf-8")
    assert "KeyError" in content and ", in broken" in content
    assert all(value not in content for value in PERSONAL)
    assert os.stat(log).st_mode & 0o777 == 0o600
