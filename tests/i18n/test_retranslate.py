"""A language switch retranslates the open window in place: after nn → en → nb every
view still shows the rows, selection and scroll position it had, the window the same
view and project, and no English is left; the undo steps are named in the new language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from ui_walk import EnglishFinder, widget_texts

from stad_desktop.model.catalogue import IMPLEMENTER
from stad_desktop.model.enums import Phase, Sector
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.storage import open_database

ROWS = 150


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Services]:
    database = open_database(demo_path)
    yield Services(database)
    database.close()


def _window(qtbot, services: Services):  # type: ignore[no-untyped-def]
    from stad_desktop.ui.main_window import MainWindow

    window = MainWindow(services.db.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.attach(services)
    return window


def _switch_to_english_and_then_bokmal(window) -> None:  # type: ignore[no-untyped-def]
    window.change_language("en")
    QApplication.processEvents()
    window.change_language("nb")
    QApplication.processEvents()


def _scroll(table: QTableView) -> int:
    return int(table.verticalScrollBar().value())


def _selected_row(table: QTableView) -> int:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if len(rows) == 1 else -1


def test_a_switch_keeps_the_selected_rows_and_the_scroll_position_of_long_lists(  # type: ignore[no-untyped-def]
    qtbot, english_qt_afterwards, services: Services
) -> None:
    sectors = list(Sector)
    for number in range(ROWS):
        services.actors.create(
            ActorInput(name=f"Lag {number:03d}", sector=sectors[number % len(sectors)])
        )
        services.projects.create(ProjectInput(name=f"Prosjekt {number:03d}", phase=Phase.IDEA))
    window = _window(qtbot, services)

    window.show_view("projects")
    projects = window.views["projects"]
    project = services.projects.find("Prosjekt 120")
    assert projects.table.select_id(project.id)  # type: ignore[attr-defined]
    projects_scroll = _scroll(projects.table)  # type: ignore[attr-defined]
    assert projects_scroll > 0
    assert window.current_project_id == project.id

    window.show_view("actors")
    actors = window.views["actors"]
    actor = next(a for a in services.actors.list() if a.name == "Lag 110")
    assert actors.table.select_id(actor.id)  # type: ignore[attr-defined]
    table: QTableView = actors.table  # type: ignore[attr-defined]
    table.verticalScrollBar().setValue(_scroll(table) + 3)  # not where select_id put it
    actors_scroll = _scroll(table)
    assert actors_scroll > 0
    row = _selected_row(table)
    assert table.model().index(row, 1).data() == "Anna offentleg"

    _switch_to_english_and_then_bokmal(window)

    assert window.stack.currentWidget() is actors
    assert window.current_project_id == project.id
    assert actors.table.current_id() == actor.id  # type: ignore[attr-defined]
    assert _selected_row(table) == row
    assert _scroll(table) == actors_scroll
    # The same rows, their texts in Bokmål.
    assert table.model().rowCount() == ROWS
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "Navn"
    assert actors.count_label.text() == f"{ROWS} aktører"  # type: ignore[attr-defined]
    assert table.model().index(row, 1).data() == "Annen offentlig"
    window.show_view("projects")
    assert projects.table.current_id() == project.id  # type: ignore[attr-defined]
    assert _scroll(projects.table) == projects_scroll  # type: ignore[attr-defined]
    assert projects.filter.currentText() == "Alle faser"  # type: ignore[attr-defined]


def test_every_view_keeps_its_place_and_no_english_is_left(  # type: ignore[no-untyped-def]
    qtbot, english_qt_afterwards, demo: Services
) -> None:
    window = _window(qtbot, demo)
    project = demo.projects.find("Kulturskule 3.0")
    window.open_project("role_matrix", project.id)
    views = dict(window.views)

    matrix = window.views["role_matrix"]
    implementer = next(r.id for r in demo.roles.roles() if r.code == IMPLEMENTER)
    model = matrix.model  # type: ignore[attr-defined]
    here = model.index(1, model.role_column(implementer))
    matrix.table.setCurrentIndex(here)  # type: ignore[attr-defined]
    matrix.portfolio.phase_filter.setCurrentIndex(2)  # type: ignore[attr-defined]

    window.show_view("effect_log")
    effects = window.views["effect_log"]
    assert effects.indicator_model.rowCount() > 1  # type: ignore[attr-defined]
    effects.indicators_table.selectRow(1)  # type: ignore[attr-defined]
    indicator = effects.current_indicator()  # type: ignore[attr-defined]
    effects.entries_table.selectRow(2)  # type: ignore[attr-defined]
    entry = effects.current_entry()  # type: ignore[attr-defined]

    window.show_view("meetings")
    meetings = window.views["meetings"]
    assert meetings.meeting_model.rowCount() > 1  # type: ignore[attr-defined]
    meetings.meetings_table.selectRow(1)  # type: ignore[attr-defined]
    meeting = meetings.current_meeting()  # type: ignore[attr-defined]
    meetings.inputs_table.selectRow(0)  # type: ignore[attr-defined]
    item = meetings.current_input()  # type: ignore[attr-defined]
    assert meeting is not None and item is not None

    _switch_to_english_and_then_bokmal(window)

    assert window.views == views  # the same views, not new ones
    assert window.stack.currentWidget() is meetings
    assert window.current_project_id == project.id
    assert meetings.current_meeting() == meeting  # type: ignore[attr-defined]
    assert meetings.current_input().item == item.item  # type: ignore[attr-defined]
    assert effects.current_indicator() == indicator  # type: ignore[attr-defined]
    assert effects.current_entry() == entry  # type: ignore[attr-defined]
    assert matrix.table.currentIndex() == here  # type: ignore[attr-defined]
    assert matrix.project_id == project.id  # type: ignore[attr-defined]
    assert matrix.portfolio.phase_filter.currentIndex() == 2  # type: ignore[attr-defined]

    texts: list[str] = []
    for key in views:
        window.show_view(key)
        QApplication.processEvents()
        texts += widget_texts(window)
    for index in range(matrix.tabs.count()):  # type: ignore[attr-defined]
        matrix.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
        texts += widget_texts(matrix)
    texts += [effects.chart.chart_.title()]  # type: ignore[attr-defined]
    assert len(texts) > 400
    assert EnglishFinder("nb").english(texts) == []
    assert "Gjennomfører" in matrix.cell_label.text()  # type: ignore[attr-defined]


def test_the_undo_steps_are_named_in_the_new_language(  # type: ignore[no-untyped-def]
    qtbot, english_qt_afterwards, demo: Services
) -> None:
    window = _window(qtbot, demo)
    project = demo.projects.find("Kulturskule 3.0")
    window.open_project("role_matrix", project.id)
    matrix = window.views["role_matrix"]
    model = matrix.model  # type: ignore[attr-defined]
    implementer = next(r.id for r in demo.roles.roles() if r.code == IMPLEMENTER)
    actor = next(a for a in model.actors if model.matrix.assignment(a.id, implementer) is None)
    matrix.toggle(actor.id, implementer)  # type: ignore[attr-defined]
    window.show_view("actors")
    actors = window.views["actors"]
    actors.table.selectRow(0)  # type: ignore[attr-defined]
    model = actors.model  # type: ignore[attr-defined]
    archived = model.row_at(model.row_of(actors.table.current_id())).name  # type: ignore[attr-defined]
    actors.archive_item()
    assert window.undo_action.text() == f"Angre Arkiver {archived}"

    window.change_language("en")
    assert window.undo_action.text() == f"Undo Archive {archived}"
    window.undo_action.trigger()
    assert window.undo_action.text() == f"Undo Give {actor.name} the role implementer"
    assert window.redo_action.text() == f"Redo Archive {archived}"

    window.change_language("nb")
    assert window.undo_action.text() == f"Angre Gi {actor.name} rollen gjennomfører"
    assert window.redo_action.text() == f"Gjør om Arkiver {archived}"
    window.undo_action.trigger()
    assert window.undo_action.text() == "Angre"
    assert demo.roles.matrix(project.id).assignment(actor.id, implementer) is None
