"""The effect log of a busy project: its entries fetched a block at a time, the
selected indicator's filtered in SQL, and a new entry selected wherever it lands."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from stad_desktop.services import EntryInput, IndicatorInput, ProjectInput, Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.dialogs.effect_dialogs import EntryDialog
from stad_desktop.ui.models.effects import EntryTableModel
from stad_desktop.ui.views.effect_log import EffectLogView

ENTRIES = 90
BLOCK = 10
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def busy(services: Services) -> tuple[str, str, str]:
    """A project with two indicators, many measurements and some observations."""
    effects = services.effects
    project = services.projects.create(ProjectInput(name="Folkehelse")).value.id
    first = effects.add_indicator(project, IndicatorInput("Deltakarar")).value.id
    second = effects.add_indicator(project, IndicatorInput("Frivillige timar")).value.id
    for number in range(ENTRIES):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=number)
        if number % 5 == 0:
            data = EntryInput(day, text=f"Observasjon {number}")
        else:
            data = EntryInput(day, first if number % 5 != 4 else second, number)
        effects.add_entry(project, data)
    return project, first, second


@pytest.fixture
def view(qtbot, services: Services, busy: tuple[str, str, str]) -> EffectLogView:  # type: ignore[no-untyped-def]
    widget = EffectLogView(services, DataBus(), QUndoStack())
    widget.entry_model.block_rows = BLOCK  # a few blocks, as a busy project has many
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_project(busy[0])
    return widget


def shown(view: EffectLogView) -> list[str]:
    model = view.entry_model
    return [model.row_at(row).id for row in range(model.rowCount())]


def test_entries_model_passes_qtmodeltester_a_page_at_a_time(  # type: ignore[no-untyped-def]
    qtmodeltester, services: Services, busy: tuple[str, str, str]
) -> None:
    project, first, _second = busy
    effects = services.effects
    model = EntryTableModel()
    model.block_rows = BLOCK
    for indicator in (None, first):
        model.set_source(
            effects.entry_count(project, indicator),
            lambda offset, limit, i=indicator: effects.entry_page(project, i, offset, limit),
            lambda entry_id, i=indicator: effects.entry_position(entry_id, project, i),
        )
        qtmodeltester.check(model)
        expected = [e.id for e in effects.entries(project) if indicator in (None, e.indicator_id)]
        assert [model.row_at(row).id for row in range(model.rowCount())] == expected


def test_only_the_blocks_on_screen_are_fetched(
    view: EffectLogView, services: Services, busy: tuple[str, str, str]
) -> None:
    project, _first, _second = busy
    view.follow.setChecked(False)
    assert view.entry_model.rowCount() == ENTRIES
    assert view.entry_model.fetched_rows() < ENTRIES
    assert shown(view) == [e.id for e in services.effects.entries(project)]


def test_the_entries_follow_the_selected_indicator(
    view: EffectLogView, services: Services, busy: tuple[str, str, str]
) -> None:
    project, first, second = busy
    everything = services.effects.entries(project)
    for indicator in (first, second):
        assert view.select_indicator(indicator)
        own = [e.id for e in everything if e.indicator_id == indicator]
        assert shown(view) == own
    view.follow.setChecked(False)
    assert shown(view) == [e.id for e in everything]


def test_a_new_entry_far_down_is_selected(
    qtbot, view: EffectLogView, busy: tuple[str, str, str]
) -> None:  # type: ignore[no-untyped-def]
    _project, first, _second = busy
    assert view.select_indicator(first)
    view.indicators_table.setFocus()
    qtbot.keyClick(view.indicators_table, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, EntryDialog))
    dialog = view.dialog
    assert isinstance(dialog, EntryDialog)
    # The oldest entry of all: the last row, in a block not fetched yet.
    dialog.entry_date.setText("01.01.2001")
    dialog.value.setText("12")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    added = view.current_entry()
    assert added is not None and added.entry_date == dt.date(2001, 1, 1)
    assert view.entries_table.currentIndex().row() == view.entry_model.rowCount() - 1
    assert view.follow.isChecked()

    # An observation has no indicator: the log shows every entry to show it.
    qtbot.keyClick(view.indicators_table, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, EntryDialog))
    dialog = view.dialog
    assert isinstance(dialog, EntryDialog)
    dialog.indicator.setCurrentIndex(0)
    dialog.entry_date.setText("02.01.2001")
    qtbot.keyClicks(dialog.text, "Fleire møter opp")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    observed = view.current_entry()
    assert observed is not None and observed.text == "Fleire møter opp"
    assert not view.follow.isChecked()
    assert view.entries_table.currentIndex().row() == view.entry_model.rowCount() - 2

    # Undo and redo: the entry the change was about stays selected while it exists.
    view.undo_stack.undo()
    assert view.entry_model.row_of(observed.id) == -1
    view.undo_stack.redo()
    assert view.entry_model.row_of(observed.id) == view.entry_model.rowCount() - 2


def test_an_edited_entry_far_down_stays_selected(  # type: ignore[no-untyped-def]
    qtbot, view: EffectLogView, services: Services, busy: tuple[str, str, str]
) -> None:
    _project, _first, _second = busy
    view.follow.setChecked(False)
    last = view.entry_model.rowCount() - 1
    view.entries_table.setFocus()
    view.entries_table.setCurrentIndex(view.entry_model.index(last, 0))
    entry = view.current_entry()
    assert entry is not None and entry.indicator_id is None
    view.edit_entry()
    qtbot.waitUntil(lambda: isinstance(view.dialog, EntryDialog))
    dialog = view.dialog
    assert isinstance(dialog, EntryDialog)
    dialog.source.setText("Samtale med leiaren")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    # Reloaded from the first block, yet the edited entry, in the last one, is selected.
    assert view.current_entry() is not None
    assert view.current_entry().id == entry.id  # type: ignore[union-attr]
    assert view.current_entry().source == "Samtale med leiaren"  # type: ignore[union-attr]
    view.undo_stack.undo()
    assert view.entries_table.currentIndex().row() == last
    assert view.current_entry().source == ""  # type: ignore[union-attr]
