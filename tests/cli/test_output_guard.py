"""``report -o`` and ``backup -o`` never write over the database, its own files, its
backups, a file of another kind or something that is not a file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from stad_desktop.cli import main
from stad_desktop.storage.sqlite_file import backup_file, backups_dir


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its content's digest (links as their target)."""
    result = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            result[key] = "-> " + os.readlink(path)
        elif path.is_file():
            result[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            result[key] = "dir" if path.is_dir() else "other"
    return result


@pytest.fixture
def office(tmp_path: Path, demo_path: Path) -> Path:
    """A folder with the example database and one start-up backup of it."""
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "stad.sqlite3"
    demo_path.rename(path)
    backups_dir(path).mkdir()
    backup_file(path, backups_dir(path) / "stad.sqlite3-20261101-120000-000000-startup.sqlite3")
    return path


def report(db: Path, output: Path | str, lang: str = "en") -> list[str]:
    return ["--lang", lang, "report", "portfolio", "--db", str(db), "-o", str(output)]


def refused(args: list[str], capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    """Run the command; it must exit 2 with one line and change nothing in ``folder``."""
    before = snapshot(folder)
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("stad-desktop: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    assert snapshot(folder) == before
    return captured.err


def test_report_refuses_the_database_by_any_name(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = office.parent
    (folder / "sub").mkdir()
    os.symlink(office, folder / "lenke.pdf")
    os.link(office, folder / "hardlenke.pdf")
    for target in (
        office,
        folder / "sub" / ".." / "stad.sqlite3",
        folder / "lenke.pdf",
        folder / "hardlenke.pdf",
    ):
        err = refused(report(office, target), capsys, folder)
        assert "is the database itself" in err, target
    err = refused(report(office, office, "nn"), capsys, folder)
    assert "er sjølve databasen" in err


def test_report_refuses_the_databases_own_files_and_backups(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = office.parent
    (folder / "stad.sqlite3-wal").write_bytes(b"")  # as left by the program
    for name in ("stad.sqlite3-wal", "stad.sqlite3-shm", "stad.sqlite3.lock"):
        err = refused(report(office, folder / name), capsys, folder)
        assert "one of the database's own working files" in err, name
    copy = next(backups_dir(office).iterdir())
    for target in (copy, backups_dir(office) / "portefolje.pdf", backups_dir(office)):
        err = refused(report(office, target), capsys, folder)
        assert "backups folder" in err, target


def test_report_refuses_other_files_and_things_that_are_not_files(
    office: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = office.parent
    notes = folder / "notat.pdf"
    notes.write_text("Møtereferat, ikkje ein PDF\n", encoding="utf-8")
    other = tmp_path / "anna.sqlite3"
    backup_file(office, other)
    for target in (notes, other):
        err = refused(report(office, target), capsys, folder)
        assert "is not a PDF file" in err, target
    assert other.read_bytes().startswith(b"SQLite format 3")
    pipe = folder / "pipe.pdf"
    os.mkfifo(pipe)
    os.symlink("/dev/full", folder / "full.pdf")
    for target in (pipe, folder / "full.pdf", folder):
        err = refused(report(office, target), capsys, folder)
        assert "not an ordinary file" in err or "is in the database's" in err, target
    err = refused(report(office, folder / "finst-ikkje" / "x.pdf", "nn"), capsys, folder)
    assert "finst ikkje" in err


def test_report_replaces_an_earlier_printout(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = office.parent / "portefolje.pdf"
    assert main(report(office, target)) == 0
    first = target.read_bytes()
    assert first.startswith(b"%PDF")
    assert main(report(office, target, "nn")) == 0
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes() != first
    assert capsys.readouterr().err == ""


def test_backup_refuses_the_database_its_files_and_an_existing_file(
    office: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = office.parent
    os.link(office, tmp_path / "hardlenke.sqlite3")
    backup = ["--lang", "en", "backup", "--db", str(office), "-o"]
    for target in (office, tmp_path / "hardlenke.sqlite3"):
        err = refused([*backup, str(target), "--overwrite"], capsys, folder)
        assert "is the database itself" in err
    err = refused([*backup, str(folder / "stad.sqlite3-shm")], capsys, folder)
    assert "working files" in err
    err = refused([*backup, str(backups_dir(office) / "kopi.sqlite3")], capsys, folder)
    assert "backups folder" in err
    earlier = tmp_path / "kopi.sqlite3"
    assert main([*backup, str(earlier)]) == 0
    capsys.readouterr()
    stamp = earlier.stat().st_mtime_ns
    err = refused([*backup, str(earlier)], capsys, folder)
    assert "--overwrite" in err
    assert earlier.stat().st_mtime_ns == stamp
    report_pdf = tmp_path / "rapport.pdf"
    report_pdf.write_bytes(b"%PDF-1.4 ...")
    err = refused([*backup, str(report_pdf), "--overwrite"], capsys, folder)
    assert "is not a database copy" in err
    assert report_pdf.read_bytes() == b"%PDF-1.4 ..."
    assert main([*backup, str(earlier), "--overwrite"]) == 0
    capsys.readouterr()
    conn = sqlite3.connect(earlier)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    err = refused(
        ["--lang", "nn", "backup", "--db", str(office), "-o", str(earlier)], capsys, folder
    )
    assert "finst alt" in err
