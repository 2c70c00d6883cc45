"""Input given while the database opens is kept for the first view (ui.type_ahead):
the window takes input from its frame on, and nothing typed or chosen is lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from stad_desktop.language import _
from stad_desktop.services import Services
from stad_desktop.ui.main_window import MainWindow
from stad_desktop.ui.views.actors import ActorsView
from stad_desktop.ui.views.base import View
from stad_desktop.ui.views.home import HomeView
from stad_desktop.ui.views.registry import ViewSpec

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opening_window(qtbot: QtBot) -> Callable[[], MainWindow]:
    """``opening_window()``: the frame on screen, the database not yet attached."""

    def make() -> MainWindow:
        window = MainWindow("demo.sqlite3")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert window.services is None
        return window

    return make


def names(view: ActorsView) -> list[str]:
    return [view.model.index(row, 0).data() for row in range(view.model.rowCount())]


def test_a_view_chosen_while_opening_is_the_first_shown(
    opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)  # Actors
    assert window.type_ahead.wanted_view == "actors"
    window.attach(demo_services)
    assert isinstance(window.current_view(), ActorsView)
    assert window.sidebar.currentRow() == 1
    assert [type(view).__name__ for view in window.views.built()] == ["ActorsView"]


def test_a_click_in_the_sidebar_while_opening_is_kept(
    opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    window = opening_window()
    item = window.sidebar.item(5)  # Meetings
    QTest.mouseClick(
        window.sidebar.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.sidebar.visualItemRect(item).center(),
    )
    window.attach(demo_services)
    assert window.views.key_of(window.current_view()) == "meetings"


def test_find_and_the_words_typed_after_it_search_the_first_view(
    qtbot: QtBot, opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.focusWidget() or window, "selje")
    # The page says that what is typed is kept.
    assert (
        _("What you type meanwhile is kept for when it is open.") in window.type_ahead.page.text()
    )
    everyone = len(demo_services.actors.list())
    window.attach(demo_services)
    view = window.current_view()
    assert isinstance(view, ActorsView)
    qtbot.waitUntil(lambda: view.search.text() == "selje")
    expected = [actor.name for actor in demo_services.actors.list(query="selje")]
    assert 0 < len(expected) < everyone
    qtbot.waitUntil(lambda: names(view) == expected)


def test_new_while_opening_opens_the_form_with_what_was_typed(
    qtbot: QtBot, opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    QTest.keyClicks(window.focusWidget() or window, "Nytt lag")
    window.attach(demo_services)
    view = window.current_view()
    assert isinstance(view, ActorsView)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    assert view.dialog is not None
    qtbot.waitUntil(lambda: "Nytt lag" in _texts(view.dialog))


def _texts(widget: object) -> list[str]:
    from PySide6.QtWidgets import QLineEdit, QWidget

    assert isinstance(widget, QWidget)
    return [line.text() for line in widget.findChildren(QLineEdit)]


def test_archive_pressed_while_opening_is_not_kept(
    opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    """Archive acts on a selection the user could not see: it is not kept."""
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Delete)
    before = len(demo_services.actors.list())
    window.attach(demo_services)
    QTest.qWait(50)
    assert len(demo_services.actors.list()) == before
    assert window.undo_stack.count() == 0


def test_archive_and_edit_typed_after_a_kept_find_do_not_act(
    qtbot: QtBot, opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    """Find, a word and Enter choose the first match, which the user has not seen:
    Delete and F2 typed after them archive and edit nothing."""
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.focusWidget() or window, "selje")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Delete, Qt.Key.Key_F2):
        QTest.keyClick(window.focusWidget() or window, key)
    before = len(demo_services.actors.list())
    window.attach(demo_services)
    view = window.current_view()
    assert isinstance(view, ActorsView)
    qtbot.waitUntil(lambda: view.table.current_id() is not None)  # Enter: the first match
    QTest.qWait(50)
    assert len(demo_services.actors.list()) == before
    assert window.undo_stack.count() == 0
    assert view.dialog is None


def test_without_input_the_last_view_is_shown_and_nothing_is_kept(
    opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    window = opening_window()
    assert window.type_ahead.page.text() == _("Opening the database …")
    window.attach(demo_services)
    assert isinstance(window.current_view(), HomeView)
    assert not window.type_ahead.holding and window.type_ahead.kept() == 0


def test_the_language_can_be_changed_while_opening(
    opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    from stad_desktop.language import current, set_language

    start = current().lang
    window = opening_window()
    try:
        assert window.language_menu.isEnabled()
        english = next(a for a in window.language_actions.actions() if a.data() == "en")
        english.trigger()
        assert window.sidebar.item(1).text() == "Actors"
        window.attach(demo_services)
        assert window.current_view() is not None
    finally:
        set_language(start)


def test_keys_kept_for_the_window_do_not_go_to_the_help_window(
    qtbot: QtBot, opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    """Help (F1) opened while the database opens is active when it is open: what was
    typed after Find still goes to the window's search field, not into the help."""
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.focusWidget() or window, "selje")
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    help_window = window.help.window_
    assert help_window is not None
    qtbot.waitUntil(help_window.isActiveWindow)
    window.attach(demo_services)
    view = window.current_view()
    assert isinstance(view, ActorsView)
    qtbot.waitUntil(lambda: view.search.text() == "selje")
    assert help_window.isVisible()


def _message_when_opened(
    window: MainWindow, services: Services, then: Callable[[], None] = lambda: None
) -> bool:
    """Attach ``services`` and show a message at once, as start-up does with an
    upgrade report or a failed backup; it is closed after the replay has had time,
    then ``then`` runs. Returns whether the message was still open then."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from stad_desktop.ui.feedback import inform

    seen: list[bool] = []

    def read_the_message() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_the_message)
            return
        QTest.qWait(200)  # the kept keys have had their turns
        seen.append(box.isVisible())
        box.close()
        then()

    QTimer.singleShot(0, read_the_message)
    window.attach(services)
    inform(window, "The upgrade of the database changed 1 project.")
    return seen == [True]


def test_a_message_shown_when_the_database_opens_gets_none_of_the_kept_keys(
    qtbot: QtBot, opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    """A message shown as the first view comes (or About, opened meanwhile) is read
    first: a kept Enter does not close it unread. The keys go on to the view after
    it: the word into the search field, Enter to the first match."""
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.focusWidget() or window, "selje")
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Return)
    assert _message_when_opened(window, demo_services)
    view = window.current_view()
    assert isinstance(view, ActorsView)
    qtbot.waitUntil(lambda: view.table.current_id() is not None)
    assert view.search.text() == "selje"
    expected = demo_services.actors.list(query="selje")[0].name
    assert view.model.index(view.table.currentIndex().row(), 0).data() == expected


def test_keys_typed_while_the_kept_ones_wait_come_after_them(
    qtbot: QtBot, opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(window.focusWidget() or window, "selje")

    def type_on() -> None:  # at once after the message is closed
        QTest.keyClicks(window.focusWidget() or window, " lag")

    _message_when_opened(window, demo_services, type_on)
    view = window.current_view()
    assert isinstance(view, ActorsView)
    qtbot.waitUntil(lambda: view.search.text() == "selje lag")


def test_keys_reach_the_window_when_its_first_view_could_not_be_shown(
    opening_window: Callable[[], MainWindow],
    demo_services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reading the first view fails (the crash dialog tells it): what was kept is
    forgotten, and the window's keys are no longer held back: Down shows the next
    view."""
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)  # kept: from now on keys are kept

    build = window._build_view
    failures = [OSError("disk I/O error")]

    def once_unreadable(spec: ViewSpec) -> View:
        if failures:
            raise failures.pop()
        return build(spec)  # the next view can be read

    monkeypatch.setattr(window, "_build_view", once_unreadable)
    with pytest.raises(OSError):
        window.attach(demo_services)
    window.sidebar.setFocus()
    QTest.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.views.key_of(window.current_view()) == "projects"
    assert window.type_ahead.kept() == 0


def test_words_typed_after_a_new_the_first_view_cannot_do_are_dropped(
    qtbot: QtBot, opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    """New on the home page (which makes nothing new) does nothing; the words typed
    for it do not go to the sidebar, whose type-to-select would change the view."""
    window = opening_window()
    assert window.sidebar.currentRow() == 0  # the home page comes first
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    meetings = window.sidebar.item(5).text()
    QTest.keyClicks(window.focusWidget() or window, meetings[:3])
    window.attach(demo_services)
    QTest.qWait(100)
    assert isinstance(window.current_view(), HomeView)
    assert not window.type_ahead.holding and window.type_ahead.kept() == 0


def test_print_and_export_wait_for_the_database(
    opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    """Print and Export need the data: not offered while the database opens."""
    window = opening_window()
    assert not window.print_action.isEnabled() and not window.export_action.isEnabled()
    window.attach(demo_services)
    assert window.print_action.isEnabled() and window.export_action.isEnabled()


def test_keys_that_leave_the_search_field_are_dropped(
    qtbot: QtBot, opening_window: Callable[[], MainWindow], demo_services: Services
) -> None:
    """Find, a word, Tab, Down and Enter: the word searches; Tab leaves the search
    field, so Down and Enter after it change nothing the user has not seen (the
    filter next to the search field, a row)."""
    window = opening_window()
    QTest.keyClick(window, Qt.Key.Key_1, CTRL)
    QTest.keyClick(window, Qt.Key.Key_F, CTRL)
    target = window.focusWidget() or window
    QTest.keyClicks(target, "selje")
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Return):
        QTest.keyClick(target, key)
    window.attach(demo_services)
    view = window.current_view()
    assert isinstance(view, ActorsView)
    qtbot.waitUntil(lambda: not window.type_ahead.holding and window.type_ahead.kept() == 0)
    QTest.qWait(100)
    assert view.search.text() == "selje"
    beside = window.focusWidget()  # where Tab went: the sector filter
    assert isinstance(beside, QComboBox) and beside.currentIndex() == 0
    assert view.dialog is None
