"""Crash safety: a saved edit survives SIGKILL at any moment (and a power cut).

A child process creates actors in a loop and prints each id right after the
service call returned (that is, after the commit). The test kills it with
SIGKILL at random moments, 20 times over, and after each kill checks that the
file is whole and every id the child reported is there. The child of the next
round opens the same file again, which also proves that the lock file left
behind by a killed copy does not stop the next one.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from stad_desktop.storage import open_database
from stad_desktop.storage.sqlite_file import integrity_check

CHILD = Path(__file__).with_name("db_child.py")
ROUNDS = 20


def test_pragmas_make_commits_durable(db_path: Path) -> None:
    """WAL with synchronous=FULL: a commit is on disk (fsync of the log) when it returns."""
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    finally:
        db.close()


def _ids_in(path: Path) -> set[str]:
    conn = sqlite3.connect(path)  # like the program: read-write, recovers the log
    try:
        return {row[0] for row in conn.execute("SELECT id FROM actors")}
    finally:
        conn.close()


def test_saved_edits_survive_sigkill(db_path: Path) -> None:
    rng = random.Random(20261126)
    open_database(db_path).close()
    committed: set[str] = set()
    for _round in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), "write", str(db_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready == "ready\n", child.stderr.read() if child.stderr else ready
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, err
        # Only whole lines: a line cut by the kill was not reported as committed.
        reported = {line for line in out.split("\n")[:-1] if line}
        committed |= reported
        assert integrity_check(db_path) == []
        missing = committed - _ids_in(db_path)
        assert not missing, f"round {_round}: {len(missing)} committed actors lost"
    assert len(committed) > ROUNDS  # the kills did land in the middle of writing
    db = open_database(db_path)  # and the program opens the file as usual
    db.close()
