"""The cheap check before the window opens: plainly unusable paths, nothing else."""

from __future__ import annotations

from pathlib import Path

from stad_desktop.storage import StorageProblem
from stad_desktop.storage.precheck import plainly_unusable


def test_plain_problems_are_seen(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Referat frå bygdemøtet", encoding="utf-8")
    problem = plainly_unusable(notes)
    assert problem is not None and problem.problem is StorageProblem.NOT_DATABASE
    problem = plainly_unusable(tmp_path / "nowhere" / "x.sqlite3")
    assert problem is not None and problem.problem is StorageProblem.MISSING_FOLDER
    problem = plainly_unusable(tmp_path)
    assert problem is not None and problem.problem is StorageProblem.NOT_DATABASE


def test_possible_databases_pass(tmp_path: Path) -> None:
    assert plainly_unusable(tmp_path / "new.sqlite3") is None
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert plainly_unusable(empty) is None
    looks_right = tmp_path / "junk.sqlite3"
    looks_right.write_bytes(b"SQLite format 3\x00junk")  # found by the full check later
    assert plainly_unusable(looks_right) is None
