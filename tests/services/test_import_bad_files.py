"""Bad files: each is refused with one clear line and nothing stored; a CSV from
Norwegian Excel (Windows-1252, semicolons) is read correctly."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_helpers import snapshot
from import_helpers import PNG, encrypted_workbook, own_header, own_row, write

from stad_desktop.language import Translator
from stad_desktop.services import Services
from stad_desktop.services.actor_import import (
    MAX_FILE_BYTES,
    ActorImportService,
    ImportRefused,
    UnknownLayout,
)


def refusal(services: Services, path: Path, lang: str = "en") -> str:
    before = snapshot(services)
    with pytest.raises(ImportRefused) as caught:
        ActorImportService(services.db).read(path)
    assert snapshot(services) == before
    text = Translator(lang).render(caught.value.message)
    assert "\n" not in text
    return text


def test_empty_file(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "tom.csv"
    path.write_bytes(b"")
    assert refusal(services, path) == "The file tom.csv is empty."
    assert refusal(services, path, "nn") != "The file tom.csv is empty."


def test_file_of_blank_lines(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\n;;\n\n", encoding="utf-8")
    assert refusal(services, path) == "The file blank.csv holds no rows."


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_header_only(services: Services, tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"header{suffix}", own_header("nn"), [])
    assert refusal(services, path) == f"The file header{suffix} has column names but no rows."


def test_png_named_xlsx(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "aktørar.xlsx"
    path.write_bytes(PNG)
    assert refusal(services, path) == (
        "aktørar.xlsx is a PNG image, not a spreadsheet. Choose an .xlsx or .csv file."
    )


def test_zip_that_is_no_workbook(services: Services, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "arkiv.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hei")
    assert (
        refusal(services, path) == "arkiv.xlsx is not an Excel workbook (.xlsx) that can be read."
    )


def test_password_protected_workbook(services: Services, tmp_path: Path) -> None:
    path = encrypted_workbook(tmp_path / "løynd.xlsx")
    assert refusal(services, path) == (
        "The workbook løynd.xlsx is protected with a password. "
        "Save it without a password and import it again."
    )


def test_too_large_file(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "stor.csv"
    with path.open("wb") as handle:
        handle.write(b"Namn\n")
        handle.truncate(100 * 1024 * 1024)  # 100 MB (sparse: nothing written)
    assert refusal(services, path) == (
        f"The file stor.csv is too large (100 MB); at most {MAX_FILE_BYTES // 2**20} MB "
        "can be imported."
    )


def test_missing_file(services: Services, tmp_path: Path) -> None:
    assert refusal(services, tmp_path / "borte.csv") == "The file borte.csv does not exist."


def test_unknown_sheet(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path / "a.xlsx", own_header("en"), [own_row("en", "Eid IL")])
    with pytest.raises(ImportRefused) as caught:
        ActorImportService(services.db).read(path, sheet="Lag")
    assert Translator("en").render(caught.value.message) == (
        "The workbook a.xlsx has no sheet Lag; its sheets are: Sheet."
    )


def test_unknown_columns_are_named(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path / "lag.csv", ["Namn", "Leiar", "Tlf"], [["Eid IL", "Ola", "1"]])
    with pytest.raises(UnknownLayout) as caught:
        ActorImportService(services.db).read(path)
    assert caught.value.unknown == ("Leiar", "Tlf")
    assert caught.value.preview == (("Eid IL", "Ola", "1"),)
    assert "«Leiar», «Tlf»" in Translator("en").render(caught.value.message)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8", "utf-16"])
def test_norwegian_letters_in_any_encoding(
    services: Services, tmp_path: Path, encoding: str
) -> None:
    rows = [own_row("nn", "Ærøy Åsgard Søndre grendalag", village="Øvre Bø")]
    path = write(tmp_path / "aktørar.csv", own_header("nn"), rows, encoding=encoding)
    if encoding == "cp1252":
        assert "Æ".encode("cp1252") in path.read_bytes()
    importer = ActorImportService(services.db)
    importer.store(importer.read(path))
    [actor] = services.actors.list()
    assert (actor.name, actor.village) == ("Ærøy Åsgard Søndre grendalag", "Øvre Bø")


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiter_is_sniffed(services: Services, tmp_path: Path, delimiter: str) -> None:
    rows = [own_row("en", "Eid IL, idrett og friluft", village="Eid")]
    path = write(tmp_path / "a.csv", own_header("en"), rows, delimiter=delimiter)
    importer = ActorImportService(services.db)
    importer.store(importer.read(path))
    [actor] = services.actors.list()
    assert (actor.name, actor.village) == ("Eid IL, idrett og friluft", "Eid")
