"""``stad-desktop import actors FILE``: counts, --dry-run, --update, --sheet, all or
nothing with the problems listed, and bad files refused with one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from import_helpers import (
    ENHET_HEADER,
    PNG,
    encrypted_workbook,
    enhet_row,
    org_numbers,
    own_header,
    own_row,
    write,
)

from stad_desktop.cli import main
from stad_desktop.services import Services
from stad_desktop.storage import open_database

ORGS = org_numbers(3)


def names(db: Path) -> dict[str, str]:
    database = open_database(db)
    try:
        services = Services(database)
        return {a.name: a.village for a in services.actors.list(include_archived=True)}
    finally:
        database.close()


def sample(tmp_path: Path, suffix: str = ".csv") -> Path:
    rows = [
        own_row("nn", "Selje grendalag", org=ORGS[0], village="Selje"),
        own_row("nn", "Eid IL", org=ORGS[1]),
        own_row("nn", "Dugnadsgjengen", village="Bø"),
    ]
    return write(tmp_path / f"aktørar{suffix}", own_header("nn"), rows)


def test_import_into_a_new_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ny.sqlite3"
    assert main(["import", "actors", str(sample(tmp_path)), "--db", str(db), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out == "Imported from aktørar.csv: 3 added, 0 matched, 0 updated, 0 skipped.\n"
    assert names(db) == {"Selje grendalag": "Selje", "Eid IL": "", "Dugnadsgjengen": "Bø"}
    # The second time nothing is added.
    assert main(["import", "actors", str(sample(tmp_path)), "--db", str(db), "--lang", "en"]) == 0
    assert "0 added, 3 matched, 0 updated, 0 skipped" in capsys.readouterr().out
    assert len(names(db)) == 3


def test_dry_run_stores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    args = ["import", "actors", str(sample(tmp_path, ".xlsx")), "--db", str(db), "--dry-run"]
    assert main([*args, "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "Dry run, nothing stored: 3 would be added, 0 matched, 0 updated, 0 skipped.\n"
    )
    assert names(db) == {}


def test_update(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    first = write(tmp_path / "a.csv", own_header("en"), [own_row("en", "Eid IL", org=ORGS[1])])
    assert main(["import", "actors", str(first), "--db", str(db)]) == 0
    rows = [own_row("en", "Eid IL", org=ORGS[1], village="Nordfjordeid")]
    second = write(tmp_path / "b.csv", own_header("en"), rows)
    assert main(["import", "actors", str(second), "--db", str(db)]) == 0
    assert names(db) == {"Eid IL": ""}
    capsys.readouterr()
    assert main(["import", "actors", str(second), "--db", str(db), "--update", "--lang", "en"]) == 0
    assert "0 added, 1 matched, 1 updated, 0 skipped" in capsys.readouterr().out
    assert names(db) == {"Eid IL": "Nordfjordeid"}


def test_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    path = tmp_path / "bok.xlsx"
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "Notat"
    first.append(["Kva", "Kven"])
    lag = workbook.create_sheet("Lag")
    lag.append(ENHET_HEADER)
    lag.append(enhet_row(ORGS[2], "STAD KOMMUNE", "KOMM", "NORDFJORDEID"))
    workbook.save(path)
    db = tmp_path / "x.sqlite3"
    assert main(["import", "actors", str(path), "--db", str(db), "--sheet", "Lag"]) == 0
    assert names(db) == {"STAD KOMMUNE": "NORDFJORDEID"}


def test_bad_rows_store_nothing_and_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.sqlite3"
    rows = [own_row("en", "Selje grendalag"), own_row("en", "Eid IL", contact=("Ola", "x@", ""))]
    rows += [own_row("en", f"Lag {n}", org="12") for n in range(25)]
    path = write(tmp_path / "a.csv", own_header("en"), rows)
    assert main(["import", "actors", str(path), "--db", str(db), "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Row 3, E-mail 1: x@ is not a valid e-mail address."
    assert err[1] == (
        "Row 4, Organisation number: 12 is not a valid organisation number "
        "(9 digits with a correct check digit)."
    )
    assert len(err) == 21
    assert err[-1] == "stad-desktop: Nothing is imported: 26 rows of a.csv have problems."
    assert names(db) == {}


def test_unknown_columns_exit_2_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "lag.csv", ["Namn", "Leiar", "Tlf"], [["Eid IL", "Ola", "1"]])
    db = tmp_path / "x.sqlite3"
    assert main(["import", "actors", str(path), "--db", str(db), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "«Leiar», «Tlf»" in err


def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {}
    empty = tmp_path / "tom.csv"
    empty.write_bytes(b"")
    files["empty"] = empty
    files["header only"] = write(tmp_path / "header.xlsx", own_header("nn"), [])
    png = tmp_path / "bilete.xlsx"
    png.write_bytes(PNG)
    files["png"] = png
    big = tmp_path / "stor.csv"
    with big.open("wb") as handle:
        handle.write(b"Namn\n")
        handle.truncate(100 * 1024 * 1024)
    files["100 MB"] = big
    files["password"] = encrypted_workbook(tmp_path / "løynd.xlsx")
    return files


@pytest.mark.parametrize("kind", ["empty", "header only", "png", "100 MB", "password"])
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, lang: str) -> None:
    db = tmp_path / "x.sqlite3"
    assert main(["import", "actors", str(sample(tmp_path)), "--db", str(db)]) == 0
    capsys.readouterr()
    before = names(db)
    path = bad_files(tmp_path)[kind]
    assert main(["import", "actors", str(path), "--db", str(db), "--lang", lang]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("stad-desktop: ")
    assert path.name in captured.err
    assert "Traceback" not in captured.err
    assert names(db) == before


def test_windows_1252_from_the_command_line(tmp_path: Path) -> None:
    rows = [own_row("nb", "Ærøy Åsgard grendalag", "Voluntary sector", village="Øvre Bø")]
    path = write(tmp_path / "lag.csv", own_header("nb"), rows, encoding="cp1252")
    db = tmp_path / "x.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "stad_desktop", "import", "actors", str(path), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert names(db) == {"Ærøy Åsgard grendalag": "Øvre Bø"}
