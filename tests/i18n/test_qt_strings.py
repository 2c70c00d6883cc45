"""Qt's own strings (standard buttons, context menus, message boxes, key names) and
its locale (date pickers) in Nynorsk and Bokmål."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QLineEdit, QMessageBox, QTextEdit

from stad_desktop.ui.qt_i18n import install_qt_translators

B = QDialogButtonBox.StandardButton
EXPECTED_BUTTONS = {
    "nn": {
        B.Ok: "OK", B.Cancel: "Avbryt", B.Save: "Lagre", B.Close: "Lukk", B.Yes: "&Ja",
        B.No: "&Nei", B.Apply: "Bruk", B.Discard: "Forkast", B.Reset: "Nullstill",
        B.Help: "Hjelp", B.Open: "Opne",
    },
    "nb": {
        B.Ok: "OK", B.Cancel: "Avbryt", B.Save: "Lagre", B.Close: "Lukk", B.Yes: "&Ja",
        B.No: "&Nei", B.Apply: "Bruk", B.Discard: "Forkast", B.Reset: "Tilbakestill",
        B.Help: "Hjelp", B.Open: "Åpne",
    },
}  # fmt: skip
EXPECTED_MENU = {
    "nn": ["&Angre", "&Gjer om", "Klipp &ut", "&Kopier", "&Lim inn", "Slett", "Merk alt"],
    "nb": ["&Angre", "&Gjør om", "Klipp &ut", "&Kopier", "&Lim inn", "Slett", "Merk alt"],
}


def _menu_texts(widget: QLineEdit | QTextEdit) -> list[str]:
    menu = widget.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return [text for text in texts if text]


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_standard_buttons_and_context_menus(qtbot, english_qt_afterwards, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert install_qt_translators(lang), "no Qt catalog loaded"
    for button, text in EXPECTED_BUTTONS[lang].items():
        box = QDialogButtonBox(button)
        qtbot.addWidget(box)
        assert box.button(button).text() == text
    line, area = QLineEdit(), QTextEdit()
    qtbot.addWidget(line)
    qtbot.addWidget(area)
    assert _menu_texts(line)[:7] == EXPECTED_MENU[lang]
    assert _menu_texts(area)[:7] == EXPECTED_MENU[lang]
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setDetailedText("…")
    details = [b.text() for b in box.buttons() if b.text() != "OK"]
    assert details == [{"nn": "Vis detaljar\u00a0…", "nb": "Vis detaljer\u00a0…"}[lang]]


def test_english_needs_no_translator(qtbot, english_qt_afterwards) -> None:  # type: ignore[no-untyped-def]
    install_qt_translators("nb")
    assert install_qt_translators("en") == []
    box = QDialogButtonBox(B.Cancel)
    qtbot.addWidget(box)
    assert box.button(B.Cancel).text() == "Cancel"


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_delete_key_is_named_as_on_the_keyboard(qtbot, english_qt_afterwards, lang: str) -> None:  # type: ignore[no-untyped-def]
    native = QKeySequence.SequenceFormat.NativeText
    install_qt_translators(lang)
    assert QKeySequence(Qt.Key.Key_Delete).toString(native) == "Del"
    shortcut = QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Delete)
    assert shortcut.toString(native) == "Ctrl+Shift+Del"


@pytest.mark.parametrize(
    ("lang", "month", "day"),
    [("nn", "januar", "måndag"), ("nb", "januar", "mandag"), ("en", "January", "Monday")],
)
def test_date_pickers_follow_the_language(  # type: ignore[no-untyped-def]
    qtbot, english_qt_afterwards, lang: str, month: str, day: str
) -> None:
    install_qt_translators(lang)
    assert (QLocale().monthName(1), QLocale().dayName(1)) == (month, day)
    edit = QDateEdit(QDate(2026, 1, 5))
    edit.setCalendarPopup(True)
    qtbot.addWidget(edit)
    calendar = edit.calendarWidget()
    assert calendar.locale().monthName(1) == month
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
