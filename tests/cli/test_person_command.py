"""``stad-desktop person`` on the example data: innsyn as JSON and PDF, erasure that
leaves no byte of the person in the file or its -wal, and a restore of an older
backup that brings her back only until the erasure is done again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from stad_desktop.cli import main
from stad_desktop.services import Services
from stad_desktop.storage import open_database
from stad_desktop.storage.backups import make_startup_backup

INGRID = ("Ingrid Hjelmeland", "ingrid.hjelmeland@stad.example", "57 86 40 01")


def raw_bytes(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def counts(path: Path) -> tuple[int, int, int]:
    db = open_database(path, startup_backup=False)
    try:
        c = Services(db).counts()
        return c.entries, c.meetings, c.inputs
    finally:
        db.close()


def test_export_json_and_pdf_hold_every_place(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ingrid.json"
    assert (
        main(["person", "export", "Ingrid Hjelmeland", "--db", str(demo_path), "-o", str(out)]) == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["contacts"][0]["email"] == INGRID[1]
    assert data["roles"] and data["meetings"] and len(data["entries"]) == 25
    assert data["history"]
    pdf = tmp_path / "ingrid.pdf"
    args = ["person", "export", "Ingrid Hjelmeland", "--db", str(demo_path), "-o", str(pdf)]
    assert main([*args, "--lang", "en"]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "What we hold about you" in text
    flat = "".join(text.split())  # long cells wrap
    for value in INGRID:
        assert "".join(value.split()) in flat
    assert "Folkehelse i bygdene" in text  # her role and her entries' project


def test_person_list_and_unknown_person(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["person", "list", "hjelmeland", "--db", str(demo_path)]) == 0
    assert "Ingrid Hjelmeland" in capsys.readouterr().out
    out = tmp_path / "x.json"
    status = main(
        ["person", "export", "Nobody", "--db", str(demo_path), "-o", str(out), "--lang", "en"]
    )
    assert status == 2
    assert "No person named Nobody in the database." in capsys.readouterr().err
    assert not out.exists()


def test_erase_needs_yes(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_path.read_bytes()
    assert (
        main(["person", "erase", "Ingrid Hjelmeland", "--db", str(demo_path), "--lang", "en"]) == 2
    )
    assert "cannot be undone" in capsys.readouterr().err
    assert demo_path.read_bytes() == before


def test_erase_leaves_no_byte_and_keeps_counts(demo_path: Path) -> None:
    before = counts(demo_path)
    assert all(value.encode() in raw_bytes(demo_path) for value in INGRID)
    assert main(["person", "erase", "Ingrid Hjelmeland", "--db", str(demo_path), "--yes"]) == 0
    data = raw_bytes(demo_path)
    for value in (*INGRID, "ingrid hjelmeland", "Hjelmeland"):
        assert value.encode() not in data, value
    assert counts(demo_path) == before


def test_restore_of_an_older_backup_erases_her_again(demo_path: Path) -> None:
    backup = make_startup_backup(demo_path)
    assert backup is not None and INGRID[1].encode() in backup.read_bytes()
    assert main(["person", "erase", "Ingrid Hjelmeland", "--db", str(demo_path), "--yes"]) == 0
    assert main(["restore", str(backup), "--db", str(demo_path)]) == 0
    for value in INGRID:
        assert value.encode() not in raw_bytes(demo_path), value
    db = open_database(demo_path, startup_backup=False)
    try:
        assert not Services(db).personal_data.list("hjelmeland")
    finally:
        db.close()


def test_restore_in_the_open_program_erases_her_before_anything_reads(demo_path: Path) -> None:
    backup = make_startup_backup(demo_path)
    assert backup is not None
    db = open_database(demo_path, startup_backup=False)
    services = Services(db)
    try:
        services.erasure.erase("Ingrid Hjelmeland")
        # The register survives even a restore of a copy older than it.
        services.backups.restore(backup)
        assert not services.personal_data.list("hjelmeland")
        assert services.counts().entries == counts_before_entries(backup)
    finally:
        db.close()
    for value in INGRID:
        assert value.encode() not in raw_bytes(demo_path), value


def counts_before_entries(backup: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM effect_entries").fetchone()[0])
    finally:
        conn.close()
