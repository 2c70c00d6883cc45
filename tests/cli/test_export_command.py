"""``stad-desktop export``: only reads the database (the file byte for byte unchanged,
nothing left beside it), refuses outputs it must not write with one line and exit
status 2, and says what it wrote."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import openpyxl
import pytest

from stad_desktop.cli import COMMANDS, main
from stad_desktop.storage.sqlite_file import backup_file, backups_dir


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    result = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            result[key] = "-> " + os.readlink(path)
        elif path.is_file():
            result[key] = digest(path)
        else:
            result[key] = "dir" if path.is_dir() else "other"
    return result


@pytest.fixture
def office(tmp_path: Path, demo_path: Path) -> Path:
    """A folder with the example database and one backup of it."""
    folder = tmp_path / "office"
    folder.mkdir()
    path = folder / "stad.sqlite3"
    demo_path.rename(path)
    backups_dir(path).mkdir()
    backup_file(path, backups_dir(path) / "stad.sqlite3-20261101-120000-000000-startup.sqlite3")
    return path


def export_args(db: Path, table: str, output: Path | str, *extra: str) -> list[str]:
    return ["export", table, "--db", str(db), "-o", str(output), *extra]


def test_export_is_a_command_naming_every_table() -> None:
    from stad_desktop.cli import export
    from stad_desktop.services.exporting import CHOICES

    assert COMMANDS["export"].module == "stad_desktop.cli.export"
    assert (*export.TABLES, export.ALL) == CHOICES


def test_export_leaves_the_database_and_its_folder_as_they_were(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(office.parent)
    out = tmp_path / "ut"
    out.mkdir()
    for table in ("actors", "contacts", "projects", "roles", "indicators", "entries"):
        assert main(export_args(office, table, out / f"{table}.csv")) == 0
    for table in ("meetings", "input", "all"):
        assert main(export_args(office, table, out / f"{table}.xlsx", "--include-contacts")) == 0
    # No backup, no -wal, -shm or .lock; the file byte for byte the same.
    assert snapshot(office.parent) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Eksportert 27 aktørar til {out / 'actors.csv'}"
    assert lines[-1] == f"Eksportert 8 tabellar til {out / 'all.xlsx'}"


def test_headers_in_the_language_asked_for(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "actors.xlsx"
    assert main(export_args(office, "actors", target, "--lang", "en")) == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet["A1"].value == "Name" and sheet["B2"].value == "Business"
    assert capsys.readouterr().out == f"Exported 27 actors to {target}\n"
    assert main(["--lang", "nb", *export_args(office, "projects", target)]) == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet.title == "Prosjekter" and sheet["B1"].value == "Fase"
    assert capsys.readouterr().out == f"Eksportert 6 prosjekter til {target}\n"


def refused(args: list[str], capsys: pytest.CaptureFixture[str], *folders: Path) -> str:
    """Run the command; it must exit 2 with one line and change nothing in ``folders``."""
    before = [snapshot(folder) for folder in folders]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("stad-desktop: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    assert [snapshot(folder) for folder in folders] == before
    return captured.err


def test_refused_outputs(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = office.parent
    out = tmp_path / "ut"
    out.mkdir()
    link = out / "lenkje.xlsx"
    link.symlink_to(office)
    err = refused(["--lang", "en", *export_args(office, "actors", link)], capsys, folder, out)
    assert "is the database itself" in err
    err = refused(export_args(office, "actors", office), capsys, folder, out)
    assert "sluttar på .xlsx eller .csv" in err
    copy = backups_dir(office) / "kopi.xlsx"
    err = refused(["--lang", "en", *export_args(office, "actors", copy)], capsys, folder, out)
    assert "backups folder" in err
    err = refused(["--lang", "en", *export_args(office, "all", out / "alt.csv")], capsys, out)
    assert err == (
        "stad-desktop: All tables go into one workbook with a sheet each: give a file name "
        f"that ends in .xlsx instead of {out / 'alt.csv'}.\n"
    )
    picture = out / "bilete.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    err = refused(["--lang", "en", *export_args(office, "actors", picture)], capsys, out)
    assert "is not an Excel workbook" in err
    (out / "mappe.csv").mkdir()
    err = refused(["--lang", "en", *export_args(office, "actors", out / "mappe.csv")], capsys, out)
    assert "not an ordinary file" in err
    err = refused(export_args(office, "actors", tmp_path / "finst-ikkje" / "a.csv"), capsys, out)
    assert "finst ikkje" in err
    err = refused(export_args(tmp_path / "ingen.sqlite3", "actors", out / "a.csv"), capsys, out)
    assert not (tmp_path / "ingen.sqlite3").exists()
    err = refused(export_args(office, "people", out / "a.csv"), capsys, out)
    assert "people" in err


def test_persons_due_for_review_are_left_out_and_it_says_so(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    from stad_desktop.cli.database import open_services

    services = open_services(office)
    try:
        person = services.personal_data.find("Ingrid Hjelmeland")
        yesterday = dt.date.today() - dt.timedelta(days=1)
        services.personal_data.set_basis(person.id, "public_task", review_date=yesterday)
    finally:
        services.db.close()
    target = tmp_path / "contacts.csv"
    assert main(export_args(office, "contacts", target, "--lang", "en")) == 0
    assert "Ingrid" not in target.read_text("utf-8-sig")
    assert capsys.readouterr().out.splitlines()[1:] == [
        "1 person is left out: their personal data is due for review."
    ]
    target = tmp_path / "alt.xlsx"
    assert main(["--lang", "nn", *export_args(office, "all", target, "--include-contacts")]) == 0
    assert openpyxl.load_workbook(target).sheetnames[-1] == "Merknad"
    assert capsys.readouterr().out.splitlines()[1:] == [
        "1 person er utelaten: personopplysningane skal gjennomgåast."
    ]
