"""``report`` and ``check`` only read: no lock file, no backup, no -wal or -shm, the
file unchanged; a missing or empty file is refused by every command but ``demo``."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from stad_desktop.cli import main
from stad_desktop.storage import upgrade
from stad_desktop.storage.revisions import HEAD, KNOWN_REVISIONS

CHILD = Path(__file__).resolve().parent.parent / "storage" / "db_child.py"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def office(tmp_path: Path, demo_path: Path) -> Path:
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "stad.sqlite3"
    demo_path.rename(path)
    return path


def test_report_and_check_leave_the_folder_as_it_was(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, data = names(office.parent), digest(office)
    output = tmp_path / "portefolje.pdf"
    assert main(["report", "portfolio", "--db", str(office), "-o", str(output)]) == 0
    assert output.read_bytes().startswith(b"%PDF")
    assert (
        main(["report", "project", "Kulturskule 3.0", "--db", str(office), "-o", str(output)]) == 0
    )
    assert main(["check", "--db", str(office)]) == 0
    assert names(office.parent) == before  # no backups folder, no .lock, no -wal, no -shm
    assert digest(office) == data
    capsys.readouterr()


def test_report_while_the_program_has_the_database_open(office: Path, tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "hold", str(office)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    try:
        assert child.stdout.readline() == "ready\n"
        before = names(office.parent)
        output = tmp_path / "portefolje.pdf"
        assert main(["report", "portfolio", "--db", str(office), "-o", str(output)]) == 0
        assert output.read_bytes().startswith(b"%PDF")
        assert names(office.parent) == before
    finally:
        child.stdin.close()
        child.wait(timeout=10)
        child.stdout.close()


def test_an_older_database_is_read_without_being_upgraded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gammal.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, KNOWN_REVISIONS[0])
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO actors (id, name, sector, village, wishes_to_contribute, notes, archived,"
            " sort_key, search_text, created_at, updated_at) VALUES ('a1', 'Lote bygdelag',"
            " 'voluntary', 'Lote', '', '', 0, 'lote bygdelag', 'lote bygdelag',"
            " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    engine.dispose()
    assert KNOWN_REVISIONS[0] != HEAD
    output = tmp_path / "ut" / "portefolje.pdf"
    output.parent.mkdir()
    before, data = names(tmp_path), digest(path)
    assert main(["report", "portfolio", "--db", str(path), "-o", str(output)]) == 0
    assert main(["--lang", "en", "check", "--db", str(path)]) == 0
    assert "Actors: 1" in capsys.readouterr().out
    assert digest(path) == data
    assert names(tmp_path) == sorted([*before, "ut/portefolje.pdf"])
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
        KNOWN_REVISIONS[0],
    )
    conn.close()


@pytest.mark.parametrize("kind", ["empty", "missing"])
@pytest.mark.parametrize("command", ["report", "check", "backup"])
def test_missing_or_empty_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, command: str
) -> None:
    path = tmp_path / "stad.sqlite3"
    if kind == "empty":
        path.write_bytes(b"")
    before = names(tmp_path)
    args = {
        "report": ["report", "portfolio", "--db", str(path), "-o", str(tmp_path / "x.pdf")],
        "check": ["check", "--db", str(path)],
        "backup": ["backup", "--db", str(path)],
    }[command]
    assert main(["--lang", "en", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err
    assert ("is empty" if kind == "empty" else "does not exist") in err
    assert "Unexpected" not in err
    assert names(tmp_path) == before
    if kind == "empty":
        assert path.read_bytes() == b""
    assert main(["--lang", "nn", *args]) == 2
    assert ("er tom" if kind == "empty" else "finst ikkje") in capsys.readouterr().err
