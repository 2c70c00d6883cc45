"""The effect log view through its widgets; results checked through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from stad_desktop.format import format_number, format_percent
from stad_desktop.language import current
from stad_desktop.services import Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.dialogs.effect_dialogs import EntryDialog, IndicatorDialog
from stad_desktop.ui.models.effects import INDICATOR_COLUMNS
from stad_desktop.ui.views.effect_log import EffectLogView

PROJECT = "Folkehelse i bygdene"
INDICATOR = "Deltakarar på aktivitetar per veke"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def view(qtbot, demo_services: Services) -> EffectLogView:  # type: ignore[no-untyped-def]
    widget = EffectLogView(demo_services, DataBus(), QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.show_project(next(p.id for p in demo_services.projects.refs() if p.name == PROJECT))
    return widget


def column(title: str) -> int:
    return next(i for i, c in enumerate(INDICATOR_COLUMNS) if c.title == title)


def select_indicator(view: EffectLogView, name: str) -> str:
    model = view.indicator_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == name)
    view.indicators_table.setFocus()
    view.indicators_table.setCurrentIndex(model.index(row, 0))
    return model.id_at(row)


def open_entry_dialog(qtbot, view: EffectLogView) -> EntryDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(view.indicators_table, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, EntryDialog))
    assert isinstance(view.dialog, EntryDialog)
    return view.dialog


def test_add_measurement_grows_chart_and_updates_latest_value(qtbot, view: EffectLogView) -> None:  # type: ignore[no-untyped-def]
    effects = view.services.effects
    indicator_id = select_indicator(view, INDICATOR)
    points = len(effects.measurements(indicator_id))
    assert view.chart.measurement_count() == points > 0

    dialog = open_entry_dialog(qtbot, view)
    assert dialog.indicator.currentData() == indicator_id
    dialog.entry_date.set_date(dt.date(2026, 11, 20))
    qtbot.keyClicks(dialog.value, "140")
    qtbot.keyClicks(dialog.source, "Oppmøteliste")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)

    assert len(effects.measurements(indicator_id)) == points + 1
    indicator = effects.indicator(indicator_id)
    assert indicator.latest_value == 140
    assert indicator.latest_date == dt.date(2026, 11, 20)
    assert view.chart.measurement_count() == points + 1
    row = view.indicator_model.row_of(indicator_id)
    model = view.indicator_model
    latest = model.data(model.index(row, column("Latest value")))
    progress = model.data(model.index(row, column("Progress")))
    assert latest.startswith("140")
    assert progress == format_percent(indicator.progress, current())
    assert indicator.progress is not None and indicator.progress > 0.9
    # The chart's value axis uses the Translator's number format.
    assert view.chart.value_axis_labels()[0] == format_number(0, current(), 0)

    view.undo_stack.undo()
    assert len(effects.measurements(indicator_id)) == points
    assert view.chart.measurement_count() == points
    view.undo_stack.redo()
    assert view.chart.measurement_count() == points + 1


def test_non_numeric_value_is_refused_inline(qtbot, view: EffectLogView) -> None:  # type: ignore[no-untyped-def]
    effects = view.services.effects
    indicator_id = select_indicator(view, INDICATOR)
    entries = len(effects.entries(view.project_id or ""))
    dialog = open_entry_dialog(qtbot, view)
    qtbot.keyClicks(dialog.value, "mange")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert view.dialog is dialog
    assert dialog.form.error_text("value")
    assert dialog.value.text() == "mange"
    assert len(effects.entries(view.project_id or "")) == entries

    # Norwegian decimal comma is accepted.
    dialog.value.setText("1 234,5")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert effects.indicator(indicator_id).latest_value == 1234.5


def test_qualitative_entry_edit_and_delete_with_undo(qtbot, view: EffectLogView) -> None:  # type: ignore[no-untyped-def]
    effects = view.services.effects
    project_id = view.project_id or ""
    before = effects.entries(project_id)
    dialog = open_entry_dialog(qtbot, view)
    dialog.indicator.setCurrentIndex(0)  # none: qualitative
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.form.error_text("text")
    qtbot.keyClicks(dialog.text, "Fleire ungdommar møter opp på Stårheim")
    dialog.beneficiary.setCurrentIndex(2)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    added = next(e for e in effects.entries(project_id) if e.id not in {b.id for b in before})
    assert added.kind == "qualitative" and added.beneficiary is not None

    # Edit it: select the row and press Enter.
    row = view.entry_model.row_of(added.id)
    view.entries_table.setFocus()
    view.entries_table.setCurrentIndex(view.entry_model.index(row, 0))
    qtbot.keyClick(view.entries_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(view.dialog, EntryDialog))
    edit_dialog = view.dialog
    assert isinstance(edit_dialog, EntryDialog)
    assert edit_dialog.text.toPlainText() == added.text
    edit_dialog.source.setText("Samtale med leiaren")
    qtbot.mouseClick(edit_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert next(e for e in effects.entries(project_id) if e.id == added.id).source == (
        "Samtale med leiaren"
    )
    view.undo_stack.undo()
    assert next(e for e in effects.entries(project_id) if e.id == added.id).source == ""

    view.entries_table.setCurrentIndex(view.entry_model.index(view.entry_model.row_of(added.id), 0))
    view.delete_entry_action.trigger()
    assert added.id not in {e.id for e in effects.entries(project_id)}
    view.undo_stack.undo()
    assert added.id in {e.id for e in effects.entries(project_id)}


def test_indicator_dialog_validation_and_delete_undo(qtbot, view: EffectLogView) -> None:  # type: ignore[no-untyped-def]
    effects = view.services.effects
    project_id = view.project_id or ""
    qtbot.keyClick(view.indicators_table, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(view.dialog, IndicatorDialog))
    dialog = view.dialog
    assert isinstance(dialog, IndicatorDialog)
    qtbot.keyClicks(dialog.name, "Frivillige timar")
    qtbot.keyClicks(dialog.baseline_value, "tolv")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.form.error_text("baseline_value")
    dialog.baseline_value.setText("120")
    qtbot.keyClicks(dialog.baseline_date, "01.01.2026")
    qtbot.keyClicks(dialog.target_value, "400")
    qtbot.keyClicks(dialog.target_date, "01.01.2025")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.form.error_text("target_date")
    assert not dialog.form.error_text("baseline_value")
    dialog.target_date.setText("31.12.2027")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    created = next(i for i in effects.indicators(project_id) if i.name == "Frivillige timar")
    assert (created.baseline_value, created.target_value) == (120, 400)
    assert view.current_indicator() is not None
    assert view.current_indicator().id == created.id  # type: ignore[union-attr]
    assert view.chart.measurement_count() == 0

    # Delete an indicator with measurements; undo brings both back.
    indicator_id = select_indicator(view, INDICATOR)
    points = effects.measurements(indicator_id)
    view.delete_indicator_action.trigger()
    assert indicator_id not in {i.id for i in effects.indicators(project_id)}
    view.undo_stack.undo()
    assert effects.measurements(indicator_id) == points
    view.undo_stack.undo()  # and the new indicator goes
    assert created.id not in {i.id for i in effects.indicators(project_id)}


def test_main_window_shows_effect_log_for_project(qtbot, make_window, demo_services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    project = demo_services.projects.refs()[1]
    window.open_project("effect_log", project.id)
    view = window.views["effect_log"]
    assert isinstance(view, EffectLogView)
    assert window.current_view() is view
    assert view.project_id == project.id
    indicator = view.current_indicator()
    assert indicator is not None
    entries = demo_services.effects.entries(project.id)
    assert view.entry_model.rowCount() == sum(e.indicator_id == indicator.id for e in entries)
    view.follow.setChecked(False)
    assert view.entry_model.rowCount() == len(entries)


def test_the_entries_follow_the_selected_indicator(qtbot, view: EffectLogView) -> None:  # type: ignore[no-untyped-def]
    indicators = view.indicators()
    assert len(indicators) >= 2
    for row, indicator in enumerate(indicators):
        view.indicators_table.selectRow(row)
        shown = [view.entry_model.row_at(i) for i in range(view.entry_model.rowCount())]
        assert shown, indicator.name
        assert {e.indicator_id for e in shown} == {indicator.id}
        assert len(shown) == indicator.measurement_count


def test_indicator_keeps_its_archived_owner(qtbot, view: EffectLogView) -> None:  # type: ignore[no-untyped-def]
    services = view.services
    effects = services.effects
    indicator_id = select_indicator(view, INDICATOR)
    indicator = effects.indicator(indicator_id)
    assert indicator.owner_id is not None
    services.actors.archive(indicator.owner_id)
    assert indicator.owner_id not in {a.id for a in services.actors.refs()}

    view.edit_indicator()
    qtbot.waitUntil(lambda: isinstance(view.dialog, IndicatorDialog))
    dialog = view.dialog
    assert isinstance(dialog, IndicatorDialog)
    # The archived owner is listed (once) and chosen, not replaced by "no owner".
    assert dialog.owner.currentData() == indicator.owner_id
    assert dialog.owner.currentText() == indicator.owner_name
    owners = [dialog.owner.itemData(i) for i in range(dialog.owner.count())]
    assert owners.count(indicator.owner_id) == 1
    dialog.unit.setText("deltakarar")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    saved = effects.indicator(indicator_id)
    assert (saved.unit, saved.owner_id) == ("deltakarar", indicator.owner_id)
