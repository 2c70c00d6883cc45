"""File → Print summary …: choices, preview, printing and saving, remembered choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from stad_desktop.services import Services
from stad_desktop.ui.dialogs.print_dialog import PORTFOLIO, PROJECT_SUMMARY, PrintDialog


def _dialog(qtbot, services: Services, project_id: str | None = None) -> PrintDialog:  # type: ignore[no-untyped-def]
    dialog = PrintDialog(services, project_id)
    qtbot.addWidget(dialog)
    return dialog


def test_preview_of_a_project_summary(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    project = demo_services.projects.find("Kulturskule 3.0")
    dialog = _dialog(qtbot, demo_services, project.id)
    assert dialog.report_kind() == PROJECT_SUMMARY
    assert dialog.project.currentData() == project.id
    assert not dialog.contacts.isChecked()
    dialog.language.setCurrentIndex(dialog.language.findData("nb"))
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.page_count() >= 2
    assert "Kulturskule 3.0" in preview.suggested_name
    preview.reject()
    dialog.reject()


def test_choices_are_remembered_but_not_contacts(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, demo_services)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PORTFOLIO))
    assert not dialog.project.isEnabled()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.contacts.setChecked(True)
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    preview.reject()
    dialog.reject()
    again = _dialog(qtbot, demo_services)
    assert again.report_kind() == PORTFOLIO
    assert again.lang() == "en"
    assert not again.contacts.isChecked()


def test_save_as_pdf(
    qtbot, demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    dialog = _dialog(qtbot, demo_services)
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    target = tmp_path / "saved"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    saved = preview.save_as()
    assert saved == tmp_path / "saved.pdf"
    assert len(PdfReader(str(saved)).pages) == preview.page_count()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("saved")) == ["saved.pdf"]


def test_print_renders_every_page(qtbot, demo_services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    dialog = _dialog(qtbot, demo_services)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PORTFOLIO))
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    printer = preview.printer()
    assert printer.pageLayout().orientation().name == "Landscape"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(72)
    assert preview.print_to(printer) == preview.page_count()
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == preview.page_count()


def test_main_window_has_print_action(qtbot, make_window, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    action = window.print_action
    assert action.shortcut().toString() == "Ctrl+P"
    assert action in window.file_menu.actions()


def test_preview_fits_the_screen(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QScreen

    from stad_desktop.ui.dialogs.print_dialog import PREVIEW_SIZE, fit_to_screen

    dialog = _dialog(qtbot, demo_services)
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    screen = preview.screen()
    assert screen is not None
    area = screen.availableGeometry()
    assert preview.height() <= min(PREVIEW_SIZE.height(), area.height() * 0.9)
    assert preview.width() <= min(PREVIEW_SIZE.width(), area.width() * 0.9)
    preview.reject()
    dialog.reject()

    class Laptop:  # a 1366 x 768 screen less a 40 px task bar
        def availableGeometry(self) -> QRect:
            return QRect(0, 0, 1366, 728)

    class OnLaptop:
        def screen(self) -> QScreen:
            return Laptop()  # type: ignore[return-value]

    assert fit_to_screen(OnLaptop(), PREVIEW_SIZE) == QSize(820, 655)  # type: ignore[arg-type]


def test_save_as_pdf_never_writes_over_the_database_or_its_backups(
    qtbot, demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from stad_desktop.language import set_language
    from stad_desktop.storage.sqlite_file import backups_dir

    set_language("en")
    database = demo_services.db.path
    assert database is not None
    dialog = _dialog(qtbot, demo_services)
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    data = database.read_bytes()
    link = tmp_path / "database.pdf"
    link.symlink_to(database)
    notes = tmp_path / "notes.pdf"
    notes.write_text("not a PDF", encoding="utf-8")
    backups_dir(database).mkdir(exist_ok=True)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()) or 0)
    for target, reason in (
        (link, "is the database itself"),
        (backups_dir(database) / "summary.pdf", "backups folder"),
        (notes, "is not a PDF file"),
    ):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        assert preview.save_as() is None
        assert reason in warnings[-1]
    assert len(warnings) == 3
    assert database.read_bytes() == data and link.is_symlink()
    assert notes.read_text(encoding="utf-8") == "not a PDF"
    assert list(backups_dir(database).glob("*.pdf")) == []


def test_portfolio_by_phase_and_area(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    """The print dialog offers the command line's choices: phases (the active ones
    ticked), areas (all ticked) and the matrix."""
    from pypdf import PdfReader
    from PySide6.QtCore import Qt

    dialog = _dialog(qtbot, demo_services)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PORTFOLIO))
    phases = [dialog.phases.item(row) for row in range(dialog.phases.count())]
    assert [item.checkState() == Qt.CheckState.Checked for item in phases] == [
        True, True, True, True, True, False,
    ]  # fmt: skip
    areas = {
        dialog.areas.item(row).text(): dialog.areas.item(row) for row in range(dialog.areas.count())
    }
    assert "Kultur" in areas and "Smartby" in areas
    assert dialog.chosen_areas() == []  # every area: no filter
    for name, item in areas.items():
        if name not in ("Kultur", "Smartby"):
            item.setCheckState(Qt.CheckState.Unchecked)
    phases[-1].setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen_areas() == ["Kultur", "Smartby"]
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(dialog.make_pdf()).pages
    )
    assert "Kulturskule 3.0" in text and "Smart Stad – digitale møteplassar" in text
    assert "Folkehelse i bygdene" not in text
    for item in phases:
        item.setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.preview_button.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData(PROJECT_SUMMARY))
    assert dialog.preview_button.isEnabled()
    assert not dialog.phases.isEnabled() and not dialog.matrix.isEnabled()
    dialog.reject()


def test_municipality_in_the_header_is_kept_with_the_data(
    qtbot, demo_services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The name in the page header is typed once in the print dialog and kept in the
    database: the next dialog and the command line use it too."""
    from pypdf import PdfReader

    from stad_desktop.language import _
    from stad_desktop.reports import make_portfolio

    dialog = _dialog(qtbot, demo_services)
    assert dialog.municipality.text() == "Stad kommune"
    dialog.municipality.setText("   ")
    assert dialog.show_preview() is None
    assert not dialog.error.isHidden()
    assert dialog.error.text() == _("This field is required.")
    assert demo_services.settings.municipality_name() == "Stad kommune"
    dialog.municipality.setText("Kinn kommune")
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    assert "Kinn kommune" in PdfReader(preview.pdf).pages[0].extract_text()
    preview.reject()
    dialog.reject()
    assert _dialog(qtbot, demo_services).municipality.text() == "Kinn kommune"
    path = make_portfolio(demo_services, tmp_path / "again.pdf", lang="nn")
    assert "Kinn kommune" in PdfReader(path).pages[0].extract_text()
