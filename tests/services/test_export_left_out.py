"""The spreadsheet export leaves out persons due for review, as the printouts do,
and says so: in a last sheet of the workbook and in the line that reports the export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from stad_desktop.language import Translator
from stad_desktop.services import Services
from stad_desktop.services.exporting import ALL, export

INGRID = ("Ingrid Hjelmeland", "ingrid.hjelmeland@stad.example", "57 86 40 01")


def make_due(services: Services, name: str) -> None:
    person = services.personal_data.find(name)
    services.personal_data.set_basis(
        person.id, "public_task", review_date=dt.date.today() - dt.timedelta(days=1)
    )


def read_xlsx(path: Path) -> dict[str, list[list[object]]]:
    workbook = openpyxl.load_workbook(path)
    return {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in workbook.worksheets
    }


def test_a_person_due_for_review_is_left_out_of_every_sheet(
    demo_services: Services, tmp_path: Path
) -> None:
    before = read_xlsx(_export_all(demo_services, tmp_path / "before.xlsx"))
    assert all(text in repr(before) for text in INGRID)
    make_due(demo_services, "Ingrid Hjelmeland")
    make_due(demo_services, "Gunnar Mogren")
    target = tmp_path / "after.xlsx"
    result = export(demo_services, ALL, target, lang="en", include_contacts=True)
    after = read_xlsx(target)
    text = repr(after)
    assert not [part for part in (*INGRID, "Gunnar Mogren", "gunnar.mogren") if part in text]
    assert "Sigurd Eide" in text  # others are still there
    # Her effect entries and his input stay, without their names: counts unchanged.
    for title in ("Effect entries", "Input", "Meetings", "Actors"):
        assert len(after[title]) == len(before[title])
    assert len(after["Contact persons"]) == len(before["Contact persons"]) - 2
    assert result.left_out == 2 and result.sheets == len(before)
    note = "2 persons are left out: their personal data is due for review."
    assert list(after)[-1] == "Note" and after["Note"] == [["Note"], [note]]
    assert result.left_out_message() is not None
    assert Translator("en").render(result.left_out_message()) == note


def test_csv_says_it_in_the_message_only(demo_services: Services, tmp_path: Path) -> None:
    make_due(demo_services, "Gunnar Mogren")
    target = tmp_path / "innspel.csv"
    result = export(demo_services, "input", target, lang="nn", include_contacts=True)
    assert "Gunnar Mogren" not in target.read_text("utf-8-sig")
    assert result.left_out == 1
    message = Translator("nn").render(result.left_out_message())  # type: ignore[arg-type]
    assert message == "1 person er utelaten: personopplysningane skal gjennomgåast."


def test_nothing_left_out_without_contact_data(demo_services: Services, tmp_path: Path) -> None:
    make_due(demo_services, "Ingrid Hjelmeland")
    target = tmp_path / "alt.xlsx"
    result = export(demo_services, ALL, target, lang="en")
    assert result.left_out == 0 and result.left_out_message() is None
    assert "Note" not in read_xlsx(target)


def _export_all(services: Services, target: Path) -> Path:
    export(services, ALL, target, lang="en", include_contacts=True)
    return target
