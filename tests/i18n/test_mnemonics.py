"""No two fields in a dialog share an Alt shortcut letter, in Nynorsk, Bokmål and
English: every dialog of the program is opened with the example data, and the
letters of its labels, buttons, group boxes and tabs (what can be seen at once, tab
page by tab page) are compared."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QTabBar,
    QTabWidget,
    QWidget,
)

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.storage import open_database
from stad_desktop.ui.qt_i18n import install_qt_translators

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def shown_letters(dialog: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of what can be pressed with Alt in ``dialog`` as it is shown."""
    found: list[tuple[str, str]] = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        texts: list[str] = []
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or isinstance(
            widget, QAbstractButton
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        for text in texts:
            key = letter(text)
            if key is not None:
                found.append((key, text))
    return found


def clashes(name: str, dialog: QWidget) -> list[str]:
    """The clashes in ``dialog``, on each page of each of its tab widgets."""
    problems: list[str] = []
    tabs = [t for t in dialog.findChildren(QTabWidget) if t.isVisibleTo(dialog)]
    pages = [(t, i) for t in tabs for i in range(t.count())] or [(None, 0)]
    for tab_widget, index in pages:
        if tab_widget is not None:
            tab_widget.setCurrentIndex(index)
            QApplication.processEvents()
        letters = shown_letters(dialog)
        counts = Counter(key for key, _text in letters)
        for key, count in counts.items():
            if count > 1:
                same = sorted(text for k, text in letters if k == key)
                problems.append(f"{name} (page {index}): Alt+{key}: {same}")
    return sorted(set(problems))


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Services]:
    database = open_database(demo_path)
    yield Services(database)
    database.close()


def every_dialog(qtbot, services: Services) -> Iterator[tuple[str, QDialog]]:  # type: ignore[no-untyped-def]
    from stad_desktop.ui.main_window import MainWindow

    window = MainWindow(services.db.name)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(services)
    project = services.projects.find("Kulturskule 3.0")
    window.select_project(project.id)

    def opened(view, start) -> QDialog:  # type: ignore[no-untyped-def]
        start()
        qtbot.waitUntil(lambda: getattr(view, "dialog", None) is not None)
        dialog: QDialog = view.dialog
        return dialog

    for key, view in window.views.items():
        window.show_view(key)
        starts = []
        if key in ("actors", "projects"):
            view.table.selectRow(0)
            starts = [("new", view.new_item), ("edit", view.edit_item)]
        elif key == "effect_log":
            view.indicators_table.selectRow(0)
            starts = [
                ("new indicator", view.new_indicator),
                ("new entry", view.new_entry),
                ("edit indicator", view.edit_indicator),
            ]
        elif key == "meetings":
            view.meetings_table.selectRow(0)
            view.inputs_table.selectRow(0)
            starts = [
                ("new meeting", view.new_meeting),
                ("edit meeting", view.edit_meeting),
                ("new input", view.new_input),
                ("edit input", view.edit_input),
            ]
        elif key == "role_matrix":
            starts = [("add actor", view.add_actor), ("new role", view.new_role)]
        for name, start in starts:
            dialog = opened(view, start)
            QApplication.processEvents()
            yield f"{key}: {name}", dialog
            dialog.reject()
            qtbot.waitUntil(lambda view=view: view.dialog is None)

    from stad_desktop.ui.dialogs.backups import BackupsDialog
    from stad_desktop.ui.dialogs.print_dialog import PrintDialog

    backups = BackupsDialog(services.backups, window)
    qtbot.addWidget(backups)
    backups.show()
    yield "backups", backups
    printing = PrintDialog(services, project.id, window)
    qtbot.addWidget(printing)
    printing.show()
    yield "print", printing
    yield "help", window.help.show_help()


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_no_two_fields_in_a_dialog_share_an_alt_letter(  # type: ignore[no-untyped-def]
    qtbot, english_qt_afterwards, demo: Services, lang: str
) -> None:
    set_language(lang)
    install_qt_translators(lang)
    found: list[str] = []
    names = []
    for name, dialog in every_dialog(qtbot, demo):
        names.append(name)
        found.extend(clashes(name, dialog))
    assert len(names) == 16
    assert found == [], "\n".join(found)


def test_a_clash_is_found() -> None:
    assert letter("&Namn") == "n" and letter("Rock && &roll") == "r" and letter("Ingen") is None
