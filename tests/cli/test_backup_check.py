"""``stad-desktop backup`` and ``stad-desktop check``."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from stad_desktop.cli import main
from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import open_database
from stad_desktop.storage.backups import list_backups


def make_database(path: Path) -> None:
    db = open_database(path)
    services = Services(db)
    services.actors.create(ActorInput(name="Nordfjordeid idrettslag"))
    services.actors.create(ActorInput(name="Selje grendalag"))
    db.close()


def test_backup_to_a_file_while_the_program_has_it_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path)
    db = open_database(path)
    Services(db).actors.create(ActorInput(name="Berre i loggen"))  # not yet checkpointed
    target = tmp_path / "copy.sqlite3"
    assert main(["--lang", "en", "backup", "--db", str(path), "-o", str(target)]) == 0
    db.close()
    assert str(target) in capsys.readouterr().out
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 3
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_backup_to_the_backups_folder_and_into_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path)
    assert main(["backup", "--db", str(path)]) == 0
    assert [info.reason for info in list_backups(path)] == ["manual"]
    folder = tmp_path / "usb"
    folder.mkdir()
    assert main(["backup", "--db", str(path), "-o", str(folder)]) == 0
    assert (folder / "stad-backup.sqlite3").exists()


def test_backup_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stad.sqlite3"
    assert main(["--lang", "en", "backup", "--db", str(path)]) == 2
    assert "does not exist" in capsys.readouterr().err
    make_database(path)
    assert main(["--lang", "en", "backup", "--db", str(path), "-o", str(path)]) == 2
    assert "is the database itself" in capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("hei")
    assert main(["backup", "--db", str(notes)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("stad-desktop: ") and err.count("\n") == 1


def test_check_healthy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path)
    assert main(["--lang", "en", "check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Integrity: ok" in out
    assert "Schema revision: " in out and "Schema revision: -" not in out
    assert "Actors: 2, projects: 0" in out
    assert "Backups: none yet" in out
    open_database(path).close()  # the start-up backup
    assert main(["--lang", "en", "check", "--db", str(path)]) == 0
    assert "Backups: 1, the newest from" in capsys.readouterr().out


def test_check_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path)
    before = sorted(p.name for p in tmp_path.iterdir())
    data = path.read_bytes()
    assert main(["check", "--db", str(path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert path.read_bytes() == data


@pytest.mark.parametrize("damage", ["missing", "truncated", "garbage-page", "too-new"])
def test_check_unhealthy_exits_1_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """A damaged file exits 1; no file at all is bad input (2)."""
    path = tmp_path / "stad.sqlite3"
    if damage != "missing":
        make_database(path)
    if damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage-page":
        conn = sqlite3.connect(path)
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='actors'").fetchone()
        conn.close()
        size = int.from_bytes(path.read_bytes()[16:18], "big")
        with path.open("r+b") as handle:
            handle.seek((root - 1) * size)
            handle.write(b"\x0d" + b"\xa5" * (size - 1))
    elif damage == "too-new":
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.close()
    assert main(["--lang", "en", "check", "--db", str(path)]) == (2 if damage == "missing" else 1)
    err = capsys.readouterr().err.strip()
    assert str(path) in err
    expected = {
        "missing": "does not exist",
        "truncated": "damaged",
        "garbage-page": "damaged",
        "too-new": "newer version",
    }[damage]
    assert expected in err


def test_check_as_a_real_command(tmp_path: Path) -> None:
    path = tmp_path / "stad.sqlite3"
    make_database(path)
    result = subprocess.run(
        [sys.executable, "-m", "stad_desktop", "--lang", "en", "check", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Integrity: ok" in result.stdout
