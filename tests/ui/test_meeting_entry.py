"""Fast entry at a meeting, the answer backlog, and deleting meetings, in the
Meetings view; results checked through the services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from stad_desktop.language import _
from stad_desktop.services import Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.views.meetings import MeetingsView

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def view(qtbot, demo_services: Services) -> MeetingsView:  # type: ignore[no-untyped-def]
    widget = MeetingsView(demo_services, DataBus(), QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def type_and_enter(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused field and press Enter, as a person at a keyboard (with
    the list of suggestions open, if the field offers some)."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)
    popup = getattr(widget, "completer", lambda: None)()
    target = popup.popup() if popup is not None and popup.popup().isVisible() else widget
    qtbot.keyClick(target, Qt.Key.Key_Return)


def tab(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_five_input_items_typed_with_the_keyboard_alone(
    qtbot, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    meeting = view.current_meeting()
    assert meeting is not None
    before = demo_services.meetings.inputs(meeting_id=meeting.id)
    view.meetings_table.setFocus()
    letter = view.quick.text_label.text().split("&", 1)[1][0]  # the line's mnemonic
    qtbot.keyClick(view.meetings_table, letter.lower(), ALT)
    assert QApplication.focusWidget() is view.quick.text
    texts = [
        "Fleire benkar langs fjorden",
        "Lys i lysløypa",
        "Gangveg til skulen",
        "Ope bibliotek på laurdagar",
        "Betre mobildekning på fjellet",
    ]
    for text in texts[:4]:
        type_and_enter(qtbot, text)
        assert view.quick.text.text() == ""  # cleared for the next one
        assert QApplication.focusWidget() is view.quick.text
    # The fifth with every optional field, moving with Tab.
    qtbot.keyClicks(view.quick.text, texts[4])
    tab(qtbot)
    qtbot.keyClicks(QApplication.focusWidget(), "Samferdsel")
    tab(qtbot)
    qtbot.keyClicks(QApplication.focusWidget(), "Hoddevik")
    tab(qtbot)
    qtbot.keyClicks(QApplication.focusWidget(), "eid idrettslag")
    tab(qtbot)
    type_and_enter(qtbot, "Folkehelse i bygdene")

    items = demo_services.meetings.inputs(meeting_id=meeting.id)
    assert items[: len(before)] == before
    added = items[len(before) :]
    assert [item.text for item in added] == texts
    last = added[-1]
    actor = next(a for a in demo_services.actors.refs() if a.name == "Eid idrettslag")
    project = next(p for p in demo_services.projects.refs() if p.name == "Folkehelse i bygdene")
    assert (last.topic, last.village, last.from_actor_id, last.project_ids) == (
        "Samferdsel",
        "Hoddevik",
        actor.id,
        (project.id,),
    )
    assert view.input_model.rowCount() == len(items)
    # Each item is one step on the undo stack.
    view.undo_stack.undo()
    assert len(demo_services.meetings.inputs(meeting_id=meeting.id)) == len(items) - 1


def test_an_unknown_project_keeps_the_typed_item_and_says_why(
    qtbot, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    meeting = view.current_meeting()
    assert meeting is not None
    count = meeting.input_count
    view.quick.text.setFocus()
    qtbot.keyClicks(view.quick.text, "Ny kai")
    view.quick.project.setFocus()
    type_and_enter(qtbot, "Ingen slik")
    expected = _("There is no project called {name}.").format(name="Ingen slik")
    assert view.quick.problem.text() == expected
    assert view.quick.text.text() == "Ny kai"
    assert demo_services.meetings.get(meeting.id).input_count == count


def test_backlog_lists_unanswered_items_per_village_one_click_from_the_item(
    qtbot, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    backlog = demo_services.meetings.answer_backlog()
    assert backlog.total >= 1
    shown = view.backlog.entries()
    assert [e.item.id for e in shown] == [e.item.id for e in backlog.items]
    assert all(not e.item.answer for e in shown)
    village = backlog.per_village[0]
    combo = view.backlog.village
    assert combo.itemText(0).endswith(f"({backlog.total})")
    combo.setCurrentIndex(1)
    assert combo.currentText() == f"{village.village} ({village.count})"
    assert len(view.backlog.entries()) == village.count
    entry = view.backlog.entries()[0]
    index = view.backlog.model.index(0, 0)
    rect = view.backlog.table.visualRect(index)
    qtbot.mouseClick(view.backlog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current_meeting = view.current_meeting()
    current_input = view.current_input()
    assert current_meeting is not None and current_meeting.id == entry.item.meeting_id
    assert current_input is not None and current_input.id == entry.item.id
    # Fewer weeks: more is waiting.
    view.backlog.weeks.setValue(1)
    assert len(view.backlog.entries()) <= village.count


def test_delete_meeting_undo_redo(view: MeetingsView, demo_services: Services) -> None:
    meeting = view.current_meeting()
    assert meeting is not None
    items = demo_services.meetings.inputs(meeting_id=meeting.id)
    view.meetings_table.setFocus()
    view.delete_meeting_action.trigger()
    assert meeting.id not in {m.id for m in demo_services.meetings.list()}
    assert view.meeting_model.row_of(meeting.id) == -1
    view.undo_stack.undo()
    assert demo_services.meetings.get(meeting.id) == meeting
    assert demo_services.meetings.inputs(meeting_id=meeting.id) == items
    assert view.meeting_model.row_of(meeting.id) >= 0
    view.undo_stack.redo()
    assert view.meeting_model.row_of(meeting.id) == -1


def test_the_view_opens_without_reading_every_actor_and_offers_them_when_typed(
    qtbot, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A county's 20,000 actor names are read when the quick input's fields are first
    used, not to open the view; typing a name then offers it, and an item stored
    without ever entering those fields still finds its actor by name."""
    reads: list[int] = []
    refs = demo_services.actors.refs
    monkeypatch.setattr(demo_services.actors, "refs", lambda *a, **k: reads.append(1) or refs())
    widget = MeetingsView(demo_services, DataBus(), QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.current_meeting() is not None
    assert reads == []
    widget.quick.from_whom.setFocus()
    qtbot.waitUntil(lambda: reads == [1])
    completer = widget.quick.from_whom.completer()
    offered = completer.model().stringList()  # type: ignore[union-attr]
    assert "Eid idrettslag" in offered
    widget.refresh()  # read again only when needed again
    assert reads == [1]
    meeting = widget.current_meeting()
    assert meeting is not None
    widget.quick.text.setText("Betre busstilbod")
    widget.quick.from_whom.setText("eid idrettslag")
    widget.quick.submit()
    assert reads == [1, 1]
    stored = demo_services.meetings.inputs(meeting_id=meeting.id)[-1]
    eid = next(a for a in demo_services.actors.refs() if a.name == "Eid idrettslag")
    assert (stored.text, stored.from_actor_id) == ("Betre busstilbod", eid.id)
