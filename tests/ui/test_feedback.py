"""Messages, problems and questions: shown as typed, with buttons in the user's
language, and a question defaults to Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from test_bad_values_shown import shown_text

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.storage.errors import StorageError, StorageProblem
from stad_desktop.ui.feedback import confirm, inform, problem


def answer_with(click: Callable[[QMessageBox], object], seen: list[dict[str, object]]) -> None:
    """When the next box is open: note what it shows, then press a button."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert isinstance(label, QLabel)
        seen.append(
            {
                "text": shown_text(label),
                "buttons": sorted(b.text() for b in box.buttons()),
                "default": box.defaultButton().text() if box.defaultButton() else None,
            }
        )
        click(box)

    QTimer.singleShot(0, look)


def press(text: str) -> Callable[[QMessageBox], object]:
    return lambda box: next(b for b in box.buttons() if b.text() == text).click()


def test_the_start_up_backup_warning_shows_a_path_as_typed(  # type: ignore[no-untyped-def]
    make_window, demo_services: Services
) -> None:
    from stad_desktop.ui.app import warn_backup_problem

    set_language("nb")
    window = make_window(demo_services)
    demo_services.db.backup_error = StorageError(
        StorageProblem.READ_ONLY, "/srv/<b>Stad</b>/stad.sqlite3"
    )
    seen: list[dict[str, object]] = []
    answer_with(press("OK"), seen)
    text = warn_backup_problem(window, demo_services, dialog=True)
    assert text is not None and "/srv/<b>Stad</b>/stad.sqlite3" in text
    assert len(seen) == 1
    assert seen[0]["text"] == text  # the tags shown, not read as bold
    assert seen[0]["buttons"] == ["OK"]


def test_a_question_defaults_to_cancel_in_the_users_language(qtbot: QtBot) -> None:
    set_language("nn")
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[dict[str, object]] = []
    answer_with(lambda box: box.defaultButton().click(), seen)
    assert not confirm(parent, "Slette <i>Lote</i>?", "Det kan ikkje angrast.", "Slett")
    answer_with(press("Slett"), seen)
    assert confirm(parent, "Slette <i>Lote</i>?", "Det kan ikkje angrast.", "Slett")
    assert [s["buttons"] for s in seen] == [["Avbryt", "Slett"]] * 2
    assert seen[0]["default"] == "Avbryt"
    assert seen[0]["text"] == "Slette <i>Lote</i>?"


def test_messages_and_problems_show_names_as_typed(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[dict[str, object]] = []
    answer_with(press("OK"), seen)
    inform(parent, "Lasta inn <b>Stad</b>.")
    answer_with(press("OK"), seen)
    problem(parent, "Kunne ikkje lagre <b>samandrag</b>.pdf", details="Traceback …")
    assert [s["text"] for s in seen] == [
        "Lasta inn <b>Stad</b>.",
        "Kunne ikkje lagre <b>samandrag</b>.pdf",
    ]
