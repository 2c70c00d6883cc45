"""File → Export …: the table, the language (the window's by default), contact data
only when ticked, the format by the file name, a confirmation in the status bar and
problems in one line."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.ui.dialogs.export_dialog import ExportDialog

CSV_FILTER = "CSV-filer, skilde med semikolon (*.csv)"


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path, chosen: str = "") -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), chosen)
    )


def test_export_writes_the_table_and_says_so_in_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(demo_services)
    dialog = ExportDialog(demo_services, window)
    qtbot.addWidget(dialog)
    assert dialog.table_key() == "actors"
    assert dialog.lang() == "nn"
    assert not dialog.contacts.isChecked()
    assert dialog.suggested_name() == "aktørar.xlsx"
    # No ending typed: the one of the chosen file type is added.
    _save_as(monkeypatch, tmp_path / "aktørar", CSV_FILTER)
    assert dialog.choose_and_export()
    target = tmp_path / "aktørar.csv"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:2] == ["Namn", "Sektor"] and "Kontaktperson 1" not in rows[0]
    assert len(rows) == 28
    assert window.statusBar().currentMessage() == "Eksportert 27 aktørar til aktørar.csv"
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_language_follows_the_window_and_contacts_when_ticked(  # type: ignore[no-untyped-def]
    qtbot, demo_services: Services, tmp_path: Path
) -> None:
    set_language("en")
    dialog = ExportDialog(demo_services)
    qtbot.addWidget(dialog)
    assert dialog.lang() == "en"
    dialog.contacts.setChecked(True)
    target = tmp_path / "actors.xlsx"
    assert dialog.export_to(target)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    headers = [cell.value for cell in sheet[1]]
    assert headers[0] == "Name" and "Contact person 1" in headers
    assert dialog.message == "Exported 27 actors to actors.xlsx"


def test_the_status_bar_says_when_persons_are_left_out(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services: Services, tmp_path: Path
) -> None:
    person = demo_services.personal_data.find("Ingrid Hjelmeland")
    demo_services.personal_data.set_basis(
        person.id, "public_task", review_date=dt.date.today() - dt.timedelta(days=1)
    )
    window = make_window(demo_services)
    dialog = ExportDialog(demo_services, window)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentIndex(dialog.table.findData("contacts"))
    assert dialog.export_to(tmp_path / "kontaktar.xlsx")
    assert window.statusBar().currentMessage() == (
        "Eksportert 26 kontaktpersonar til kontaktar.xlsx – "
        "1 person er utelaten: personopplysningane skal gjennomgåast."
    )


def test_the_contacts_table_always_has_its_contact_data(  # type: ignore[no-untyped-def]
    qtbot, demo_services: Services
) -> None:
    dialog = ExportDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentIndex(dialog.table.findData("contacts"))
    assert dialog.contacts.isChecked() and not dialog.contacts.isEnabled()
    dialog.table.setCurrentIndex(dialog.table.findData("projects"))
    assert not dialog.contacts.isChecked() and dialog.contacts.isEnabled()


def test_a_refused_file_is_one_line_in_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ExportDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.setCurrentIndex(dialog.table.findData("all"))
    _save_as(monkeypatch, tmp_path / "alt.csv")
    assert not dialog.choose_and_export()
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        "Alle tabellane går inn i éi arbeidsbok med eitt ark kvar: gje eit filnamn som "
        f"sluttar på .xlsx i staden for {tmp_path / 'alt.csv'}."
    )
    assert not (tmp_path / "alt.csv").exists()
    assert dialog.isVisible()  # still open, to choose again
    # The database itself is never written over.
    database = demo_services.db.path
    assert database is not None
    link = tmp_path / "lenkje.xlsx"
    link.symlink_to(database)
    before = database.read_bytes()
    assert not dialog.export_to(link)
    assert "er sjølve databasen" in dialog.error.text()
    assert database.read_bytes() == before


def test_file_menu_has_export_with_ctrl_e(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(demo_services)
    action = window.export_action
    assert action in window.file_menu.actions()
    assert action.shortcut().toString() == "Ctrl+E"
    assert action.text() == "E&ksporter …"
    shown: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    action.trigger()
    assert len(shown) == 1 and shown[0].parentWidget() is window
