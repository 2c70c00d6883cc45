"""Walk every view and dialog of the running program in Nynorsk and Bokmål (with the
example data) and find any text left in English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from ui_walk import EnglishFinder, widget_texts

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.storage import open_database
from stad_desktop.ui.qt_i18n import install_qt_translators


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Services]:
    database = open_database(demo_path)
    yield Services(database)
    database.close()


def _window(qtbot, services: Services):  # type: ignore[no-untyped-def]
    from stad_desktop.ui.main_window import MainWindow

    window = MainWindow(services.db.name)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(services)
    return window


def _open(qtbot, view, start) -> QDialog:  # type: ignore[no-untyped-def]
    start()
    qtbot.waitUntil(lambda: getattr(view, "dialog", None) is not None)
    dialog: QDialog = view.dialog
    return dialog


def walk(qtbot, services: Services, visit=None) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts of the main window, every view and every dialog; ``visit(widget)``
    is called on each of them as shown (the main window at 1366x768)."""
    texts: list[str] = []
    window = _window(qtbot, services)
    window.resize(1366, 768)
    project = services.projects.find("Kulturskule 3.0")
    window.select_project(project.id)

    def take(widget: QWidget) -> None:
        QApplication.processEvents()
        texts.extend(widget_texts(widget))
        if visit is not None:
            visit(widget)

    def dialog(view, start) -> None:  # type: ignore[no-untyped-def]
        opened = _open(qtbot, view, start)
        take(opened)
        opened.reject()
        qtbot.waitUntil(lambda: view.dialog is None)

    for key, view in window.views.items():
        window.show_view(key)
        take(window)
        if key in ("actors", "projects"):
            dialog(view, view.new_item)
            view.table.selectRow(0)
            dialog(view, view.edit_item)
            if key == "actors":
                dialog(view, view.show_profile)
        elif key == "people":
            view.table.selectRow(0)
            dialog(view, view.edit_item)  # the actor's profile
            view.search.setText("finst ikkje")  # the empty result says so
            take(view)
            view.search.clear()
        elif key == "effect_log":
            dialog(view, view.new_indicator)
            dialog(view, view.new_entry)
            view.indicators_table.selectRow(0)
            dialog(view, view.edit_indicator)
        elif key == "meetings":
            view.meetings_table.selectRow(0)
            dialog(view, view.new_meeting)
            dialog(view, view.edit_meeting)
            dialog(view, view.new_input)
            view.inputs_table.selectRow(0)
            dialog(view, view.edit_input)
        elif key == "role_matrix":
            dialog(view, view.add_actor)
            dialog(view, view.new_role)
            for index in range(view.tabs.count()):
                view.tabs.setCurrentIndex(index)
                take(view)

    from stad_desktop.ui.dialogs.backups import BackupsDialog
    from stad_desktop.ui.dialogs.export_dialog import ExportDialog
    from stad_desktop.ui.dialogs.print_dialog import PrintDialog

    backups = BackupsDialog(services.backups, window)
    qtbot.addWidget(backups)
    take(backups)
    printing = PrintDialog(services, project.id, window)
    qtbot.addWidget(printing)
    take(printing)
    preview = printing.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    take(preview)
    preview.reject()
    printing.reject()
    exporting = ExportDialog(services, window)
    qtbot.addWidget(exporting)
    take(exporting)
    exporting.reject()
    # Qt's own dialogs the program opens: Save as PDF … and Print ….
    files = QFileDialog(window, "", "", "PDF (*.pdf)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(files)
    take(files)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    print_dialog = QPrintDialog(printer, window)
    qtbot.addWidget(print_dialog)
    take(print_dialog)
    return texts


def welcome_texts(qtbot, services: Services) -> list[str]:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services)
    assert window.welcome is not None
    return widget_texts(window)


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_no_english_in_any_view_or_dialog(  # type: ignore[no-untyped-def]
    qtbot, english_qt_afterwards, demo: Services, services: Services, lang: str
) -> None:
    set_language(lang)
    install_qt_translators(lang)
    texts = walk(qtbot, demo) + welcome_texts(qtbot, services)
    assert len(texts) > 400
    assert EnglishFinder(lang).english(texts) == []


def test_the_walk_finds_english(qtbot, english_qt_afterwards, demo: Services) -> None:  # type: ignore[no-untyped-def]
    """In English the same walk finds plenty (so the check above can fail)."""
    set_language("en")
    install_qt_translators("en")
    found = EnglishFinder("nb").english(walk(qtbot, demo))
    for text in ("&File", "Actors", "Cancel", "New actor"):
        assert text in found
