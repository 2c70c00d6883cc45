"""The meetings view through its widgets; results checked through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from stad_desktop.format import format_date
from stad_desktop.language import current
from stad_desktop.services import ActorInput, InputData, MeetingInput, Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.dialogs.meeting_dialogs import InputDialog, MeetingDialog
from stad_desktop.ui.models.meetings import INPUT_COLUMNS, MEETING_COLUMNS
from stad_desktop.ui.views.meetings import MeetingsView

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def view(qtbot, demo_services: Services) -> MeetingsView:  # type: ignore[no-untyped-def]
    widget = MeetingsView(demo_services, DataBus(), QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def column(columns, title: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, c in enumerate(columns) if c.title == title)


def cell(view: MeetingsView, row: int, title: str) -> str:
    model = view.meeting_model
    return str(model.data(model.index(row, column(MEETING_COLUMNS, title))))


def button(view: MeetingsView, action) -> QWidget:  # type: ignore[no-untyped-def]
    widget = view.toolbar.widgetForAction(action)
    assert widget is not None
    return widget


def open_meeting_dialog(qtbot, view: MeetingsView, edit: bool = False) -> MeetingDialog:  # type: ignore[no-untyped-def]
    if edit:
        view.meetings_table.setFocus()
        qtbot.keyClick(view.meetings_table, Qt.Key.Key_Return)
    else:
        qtbot.mouseClick(button(view, view.new_meeting_action), LEFT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, MeetingDialog))
    assert isinstance(view.dialog, MeetingDialog)
    return view.dialog


def open_input_dialog(qtbot, view: MeetingsView, edit: bool = False) -> InputDialog:  # type: ignore[no-untyped-def]
    if edit:
        view.inputs_table.setFocus()
        qtbot.keyClick(view.inputs_table, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(view.meetings_table, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, InputDialog))
    assert isinstance(view.dialog, InputDialog)
    return view.dialog


def save(qtbot, view: MeetingsView, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: view.dialog is None)


def select_meeting(view: MeetingsView, title: str) -> str:
    model = view.meeting_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).title == title)
    view.meetings_table.setFocus()
    view.meetings_table.setCurrentIndex(model.index(row, 0))
    return model.id_at(row)


def test_example_data_shows_three_meetings_newest_first_with_input_counts(
    view: MeetingsView, demo_services: Services
) -> None:
    meetings = demo_services.meetings.list()
    assert len(meetings) == 3
    assert view.meeting_model.rowCount() == 3
    dates = [view.meeting_model.row_at(r).meeting_date for r in range(3)]
    assert dates == sorted(dates, reverse=True)
    for row, meeting in enumerate(meetings):
        assert cell(view, row, "Title") == meeting.title
        assert cell(view, row, "Date") == format_date(meeting.meeting_date, current())
        assert cell(view, row, "Input") == str(meeting.input_count)
        assert cell(view, row, "Participants") == str(len(meeting.participants))
        assert meeting.input_count == len(demo_services.meetings.inputs(meeting_id=meeting.id))
    assert sum(m.input_count for m in meetings) > 0
    # The first (newest) meeting is shown with its input.
    assert view.input_model.rowCount() == meetings[0].input_count
    assert view.minutes.toPlainText() == meetings[0].minutes


def test_project_filter(view: MeetingsView, demo_services: Services) -> None:
    meeting = next(m for m in demo_services.meetings.list() if m.project_id)
    view.project_filter.setCurrentIndex(view.project_filter.findData(meeting.project_id))
    shown = view.meetings()
    assert meeting.id in {m.id for m in shown}
    assert all(m.project_id == meeting.project_id for m in shown)
    view.project_filter.setCurrentIndex(0)
    assert len(view.meetings()) == 3


def test_create_meeting_with_two_participants_undo_redo(
    qtbot, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    actors = demo_services.actors.refs()[:2]
    dialog = open_meeting_dialog(qtbot, view)
    qtbot.keyClicks(dialog.title, "Bygdemøte på Lote")
    dialog.meeting_date.clear()
    qtbot.keyClicks(dialog.meeting_date, "3. desember 2026")
    dialog.kind.setCurrentIndex(dialog.kind.findData("village_meeting"))
    qtbot.keyClicks(dialog.place, "Lote grendahus")
    qtbot.keyClicks(dialog.find_actor, actors[0].name[:6])
    shown = dialog.participants.visible_names()
    assert actors[0].name in shown and len(shown) < len(demo_services.actors.refs())
    for ref in actors:
        dialog.participants.check_name(ref.name)
    assert dialog.participants.summary.text().startswith("2 ")
    qtbot.keyClicks(dialog.minutes, "Tjue frammøtte.")
    save(qtbot, view, dialog)

    created = next(m for m in demo_services.meetings.list() if m.title == "Bygdemøte på Lote")
    assert created.meeting_date == dt.date(2026, 12, 3)
    assert created.kind == "village_meeting"
    assert created.place == "Lote grendahus"
    assert created.minutes == "Tjue frammøtte."
    assert {p.id for p in created.participants} == {a.id for a in actors}
    assert view.current_meeting() is not None and view.current_meeting().id == created.id  # type: ignore[union-attr]
    assert view.meeting_model.rowCount() == 4
    assert cell(view, 0, "Participants") == "2"

    view.undo_stack.undo()
    assert len(demo_services.meetings.list()) == 3
    assert view.meeting_model.rowCount() == 3
    view.undo_stack.redo()
    again = demo_services.meetings.get(created.id)
    assert again == created
    assert view.meeting_model.rowCount() == 4


def test_add_input_and_include_it_with_an_answer(
    qtbot, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    meeting_id = select_meeting(view, view.meetings()[1].title)
    before = demo_services.meetings.get(meeting_id).input_count
    actor = demo_services.actors.refs()[0]
    dialog = open_input_dialog(qtbot, view)
    qtbot.keyClicks(dialog.text, "Betre busstilbod til Hoddevik")
    dialog.from_actor.setCurrentIndex(dialog.from_actor.findData(actor.id))
    qtbot.keyClicks(dialog.topic, "Samferdsel")
    save(qtbot, view, dialog)
    item = demo_services.meetings.inputs(meeting_id=meeting_id)[-1]
    assert (item.text, item.from_actor_id, item.status) == (
        "Betre busstilbod til Hoddevik",
        actor.id,
        "new",
    )
    assert view.current_input() is not None and view.current_input().id == item.id  # type: ignore[union-attr]
    assert view.meeting_model.row_at(view.meeting_model.row_of(meeting_id)).input_count == (
        before + 1
    )
    row = view.input_model.row_of(item.id)
    from_column = column(INPUT_COLUMNS, "From")
    assert view.input_model.data(view.input_model.index(row, from_column)) == actor.name

    dialog = open_input_dialog(qtbot, view, edit=True)
    dialog.status.setCurrentIndex(dialog.status.findData("included"))
    qtbot.keyClicks(dialog.answer, "Teke med i kollektivplanen.")
    save(qtbot, view, dialog)
    answered = demo_services.meetings.inputs(meeting_id=meeting_id)[-1]
    assert answered.status == "included"
    assert answered.answer == "Teke med i kollektivplanen."

    # Undo the edit, then the creation; redo both.
    view.undo_stack.undo()
    assert demo_services.meetings.inputs(meeting_id=meeting_id)[-1].status == "new"
    view.undo_stack.undo()
    assert demo_services.meetings.get(meeting_id).input_count == before
    assert view.input_model.row_of(item.id) == -1
    view.undo_stack.redo()
    assert demo_services.meetings.inputs(meeting_id=meeting_id)[-1] == item
    assert view.input_model.row_of(item.id) >= 0
    view.undo_stack.redo()
    assert demo_services.meetings.inputs(meeting_id=meeting_id)[-1] == answered


def test_status_action_and_delete_input_undo(view: MeetingsView, demo_services: Services) -> None:
    meeting = next(m for m in view.meetings() if m.input_count)
    select_meeting(view, meeting.title)
    view.inputs_table.setFocus()
    view.inputs_table.setCurrentIndex(view.input_model.index(0, 0))
    item = view.current_input()
    assert item is not None
    target = "rejected" if item.item.status != "rejected" else "considered"
    view.status_actions[target].trigger()
    assert demo_services.meetings.inputs(meeting_id=meeting.id)[0].status == target
    assert view.status_actions[target].isChecked()
    view.undo_stack.undo()
    undone = demo_services.meetings.inputs(meeting_id=meeting.id)[0]
    assert replace(undone, version=item.item.version) == item.item  # each save: a new version

    view.inputs_table.setFocus()
    view.inputs_table.setCurrentIndex(view.input_model.index(0, 0))
    view.delete_input_action.trigger()
    assert demo_services.meetings.get(meeting.id).input_count == meeting.input_count - 1
    view.undo_stack.undo()
    assert demo_services.meetings.get(meeting.id).input_count == meeting.input_count
    assert item.item in demo_services.meetings.inputs(meeting_id=meeting.id)


def test_edit_meeting_date_in_norwegian_undo_redo(
    qtbot, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    old = view.meetings()[2]
    meeting_id = select_meeting(view, old.title)
    dialog = open_meeting_dialog(qtbot, view, edit=True)
    assert dialog.meeting_date.text() == old.meeting_date.strftime("%d.%m.%Y")
    assert set(dialog.participants.checked_ids()) == {p.id for p in old.participants}
    dialog.meeting_date.selectAll()
    qtbot.keyClicks(dialog.meeting_date, "1.12.26")
    save(qtbot, view, dialog)
    edited = demo_services.meetings.get(meeting_id)
    assert edited.meeting_date == dt.date(2026, 12, 1)
    assert edited.participants == old.participants
    assert view.meetings()[0].id == meeting_id  # now the newest
    assert cell(view, 0, "Date") == format_date(dt.date(2026, 12, 1), current())

    view.undo_stack.undo()
    assert replace(demo_services.meetings.get(meeting_id), version=old.version) == old
    assert view.meetings()[2].id == meeting_id
    view.undo_stack.redo()
    assert demo_services.meetings.get(meeting_id).meeting_date == dt.date(2026, 12, 1)


def test_a_bad_date_is_refused_inline_and_the_text_kept(
    qtbot, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    old = view.meetings()[0]
    select_meeting(view, old.title)
    dialog = open_meeting_dialog(qtbot, view, edit=True)
    dialog.meeting_date.selectAll()
    qtbot.keyClicks(dialog.meeting_date, "31.02.2026")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert view.dialog is dialog and dialog.isVisible()
    assert dialog.form.error_text("meeting_date")
    assert dialog.meeting_date.text() == "31.02.2026"
    assert dialog.focusWidget() is dialog.meeting_date.line
    assert demo_services.meetings.get(old.id) == old
    assert view.undo_stack.count() == 0
    dialog.reject()
    qtbot.waitUntil(lambda: view.dialog is None)


def test_input_needs_text(qtbot, view: MeetingsView) -> None:  # type: ignore[no-untyped-def]
    dialog = open_input_dialog(qtbot, view)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert view.dialog is dialog
    assert dialog.form.error_text("text")
    dialog.reject()
    qtbot.waitUntil(lambda: view.dialog is None)


def test_dialog_inputs_have_names_and_buddies(qtbot, view: MeetingsView) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit

    for opener in (open_meeting_dialog, open_input_dialog):
        dialog = opener(qtbot, view)
        fields = [
            w
            for w in dialog.findChildren(QWidget)
            if isinstance(w, QLineEdit | QComboBox | QPlainTextEdit | QListWidget)
            and not isinstance(w.parent(), QComboBox)
        ]
        buddies = {id(label.buddy()) for label in dialog.findChildren(QLabel) if label.buddy()}
        assert fields
        assert all(field.accessibleName() for field in fields)
        assert all(id(field) in buddies for field in fields)
        dialog.reject()
        qtbot.waitUntil(lambda: view.dialog is None)


def test_models_pass_qtmodeltester(
    qtmodeltester, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    assert view.input_model.rowCount() > 0
    qtmodeltester.check(view.meeting_model)
    qtmodeltester.check(view.input_model)


def test_new_meeting_in_a_filtered_list_and_services_refresh(
    view: MeetingsView, demo_services: Services
) -> None:
    actor = demo_services.actors.create(ActorInput(name="Ervik grendalag")).value
    meeting = demo_services.meetings.create(
        MeetingInput("Arbeidsmøte", "2027-01-05", participant_ids=[actor.id])
    ).value
    demo_services.meetings.add_input(meeting.id, InputData("Ny benk", from_name="Ola"))
    view.bus.changed("meetings", meeting.id)
    assert view.meetings()[0].id == meeting.id
    assert view.meetings()[0].input_count == 1
