"""The one way files are replaced: whole or not at all, and on the disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from file_helpers import record_syncs

from stad_desktop.fileio import atomic_copy, atomic_write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "dokument"
    made.mkdir()
    return made


class Interrupted(Exception):
    pass


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary_file(
    folder: Path,
) -> None:
    target = folder / "rapport.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(Interrupted), atomic_write(target) as handle:
        handle.write(b"half of the new")
        raise Interrupted
    assert target.read_bytes() == b"the old report"
    assert sorted(p.name for p in folder.iterdir()) == ["rapport.pdf"]


def test_a_failing_rename_leaves_the_old_file_and_no_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "innstillingar.json"
    target.write_text("{}", encoding="utf-8")

    def full(_source: object, _target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError), atomic_write(target, "w", encoding="utf-8") as handle:
        handle.write('{"språk": "nn"}')
    assert target.read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in folder.iterdir()) == ["innstillingar.json"]


def test_the_new_file_is_on_the_disk_before_its_name_and_the_folder_after(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = record_syncs(monkeypatch)
    target = folder / "kopi.txt"
    with atomic_write(target, "w", encoding="utf-8") as handle:
        handle.write("Selje grendalag")
        temp = handle.name
    assert target.read_text(encoding="utf-8") == "Selje grendalag"
    assert events == [("fsync", temp), ("rename", temp), ("fsync", str(folder))]


def test_a_copy_replaces_the_target_whole(folder: Path) -> None:
    source = folder / "ny.pdf"
    source.write_bytes(b"%PDF new" * 100_000)
    target = folder / "ut" / "gammal.pdf"
    target.parent.mkdir()
    target.write_bytes(b"%PDF old")
    atomic_copy(source, target)
    assert target.read_bytes() == source.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["gammal.pdf"]


def test_a_copy_into_a_missing_folder_fails_and_leaves_nothing(folder: Path) -> None:
    source = folder / "ny.pdf"
    source.write_bytes(b"%PDF new")
    with pytest.raises(FileNotFoundError):
        atomic_copy(source, folder / "finst ikkje" / "ny.pdf")
    missing = folder / "borte.pdf"
    with pytest.raises(FileNotFoundError):
        atomic_copy(missing, folder / "ut.pdf")
    assert [p.name for p in folder.iterdir()] == ["ny.pdf"]
