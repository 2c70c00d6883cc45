"""The projects view and the project dialog with the co-creation checklist."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from stad_desktop.model.enums import ChecklistStatus, Phase
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.storage import open_database
from stad_desktop.ui.dialogs.project_dialog import CHECKLIST_TAB, ProjectDialog
from stad_desktop.ui.main_window import MainWindow
from stad_desktop.ui.views.projects import ProjectsView


def projects_view(window: MainWindow) -> ProjectsView:
    window.show_view("projects")
    view = window.views["projects"]
    assert isinstance(view, ProjectsView)
    return view


def open_dialog(qtbot, view: ProjectsView) -> ProjectDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    assert view.dialog is not None
    return view.dialog


def save(qtbot, view: ProjectsView, dialog: ProjectDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)


def shown_names(view: ProjectsView) -> list[str]:
    model = view.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def select(qtbot, view: ProjectsView, name: str) -> None:  # type: ignore[no-untyped-def]
    row = shown_names(view).index(name)
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_create_edit_archive_undo_redo(qtbot, make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    owner = services.actors.create(ActorInput(name="Stad kulturskule")).value
    window = make_window(services)
    view = projects_view(window)

    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, view)
    qtbot.keyClicks(dialog.name, "Kulturskule 3.0")
    qtbot.keyClicks(dialog.area, "Kultur")
    dialog.owner.setCurrentIndex(dialog.owner.findData(owner.id))
    qtbot.keyClicks(dialog.start_date, "01.02.2026")
    qtbot.keyClicks(dialog.end_date, "31.12.2027")
    qtbot.keyClicks(dialog.budget, "1 234 567,50")
    qtbot.keyClicks(dialog.goal, "Fleire born får eit kulturtilbod.")
    dialog.tabs.setCurrentIndex(CHECKLIST_TAB)
    dialog.checklist.status[1].setCurrentIndex(
        dialog.checklist.status[1].findData(ChecklistStatus.IN_PROGRESS.value)
    )
    save(qtbot, view, dialog)

    (row,) = services.projects.list()
    project = services.projects.get(row.id)
    assert project.name == "Kulturskule 3.0"
    assert project.owner_id == owner.id
    assert project.start_date == dt.date(2026, 2, 1)
    assert project.end_date == dt.date(2027, 12, 31)
    assert project.budget_nok == Decimal("1234567.50")
    assert services.checklist.items(row.id)[0].status == ChecklistStatus.IN_PROGRESS
    assert shown_names(view) == ["Kulturskule 3.0"]

    # Edit (F2): phase, and checklist item 5 with a comment.
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    dialog = open_dialog(qtbot, view)
    assert dialog.name.text() == "Kulturskule 3.0"
    assert dialog.budget_value() == Decimal("1234567.50")  # shown formatted, read back
    dialog.phase.setCurrentIndex(dialog.phase.findData(Phase.PLANNING.value))
    dialog.checklist.status[5].setCurrentIndex(
        dialog.checklist.status[5].findData(ChecklistStatus.DONE.value)
    )
    qtbot.keyClicks(dialog.checklist.comment[5], "Vedteke i styringsgruppa")
    save(qtbot, view, dialog)
    assert services.projects.get(row.id).phase == Phase.PLANNING
    item5 = services.checklist.items(row.id)[4]
    assert (item5.status, item5.comment) == (ChecklistStatus.DONE, "Vedteke i styringsgruppa")

    # Archive with Delete.
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert services.projects.get(row.id).archived
    assert shown_names(view) == []

    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view.table, Qt.Key.Key_Z, ctrl)  # undo archive
    assert not services.projects.get(row.id).archived
    qtbot.keyClick(view.table, Qt.Key.Key_Z, ctrl)  # undo edit: phase and checklist back
    assert services.projects.get(row.id).phase == Phase.IDEA
    item5 = services.checklist.items(row.id)[4]
    assert (item5.status, item5.comment) == (ChecklistStatus.NOT_STARTED, "")
    qtbot.keyClick(view.table, Qt.Key.Key_Z, ctrl)  # undo create = archive
    assert services.projects.get(row.id).archived
    assert shown_names(view) == []
    redo = ctrl | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.table, Qt.Key.Key_Z, redo)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, redo)
    assert not services.projects.get(row.id).archived
    assert services.projects.get(row.id).phase == Phase.PLANNING
    assert services.checklist.items(row.id)[4].status == ChecklistStatus.DONE
    assert shown_names(view) == ["Kulturskule 3.0"]


def test_bad_input_is_shown_inline(qtbot, make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    view = projects_view(make_window(services))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, view)
    qtbot.keyClicks(dialog.name, "Folkehelse i bygdene")
    qtbot.keyClicks(dialog.start_date, "01.06.2026")
    qtbot.keyClicks(dialog.end_date, "01.01.2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.message("end_date")
    assert dialog.end_date.text() == "01.01.2026"

    dialog.end_date.clear()
    qtbot.keyClicks(dialog.budget, "mange pengar")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.message("end_date") == ""
    assert dialog.errors.message("budget_nok")
    assert dialog.budget.text() == "mange pengar"
    assert services.projects.list(include_archived=True) == ()


def test_checklist_persists_and_shows_hints(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_path: Path
) -> None:
    db = open_database(demo_path)
    services = Services(db)
    window = make_window(services)
    view = projects_view(window)
    name = shown_names(view)[0]
    select(qtbot, view, name)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, view)
    # The program's suggestions stand beside items 2, 6 and 11 only.
    assert sorted(dialog.checklist.hints) == [2, 6, 11]
    assert all(hint.text() for hint in dialog.checklist.hints.values())
    combo = dialog.checklist.status[9]
    combo.setCurrentIndex(combo.findData(ChecklistStatus.NOT_RELEVANT.value))
    qtbot.keyClicks(dialog.checklist.comment[9], "Sjå møteplanen")
    save(qtbot, view, dialog)
    window.close()
    db.close()

    db = open_database(demo_path)
    try:
        again = Services(db)
        project = again.projects.find(name)
        item = again.checklist.items(project.id)[8]
        assert (item.status, item.comment) == (ChecklistStatus.NOT_RELEVANT, "Sjå møteplanen")
        view = projects_view(make_window(again))
        select(qtbot, view, name)
        qtbot.keyClick(view.table, Qt.Key.Key_F2)
        dialog = open_dialog(qtbot, view)
        assert dialog.checklist.status[9].currentData() == ChecklistStatus.NOT_RELEVANT.value
        assert dialog.checklist.comment[9].text() == "Sjå møteplanen"
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        db.close()


def test_search_and_phase_filter(qtbot, make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    services.projects.create(ProjectInput(name="Stadutvikling Selje sentrum", area="Selje"))
    services.projects.create(ProjectInput(name="Ørsta-samarbeid", phase=Phase.PLANNING))
    view = projects_view(make_window(services))
    view.filter.setCurrentIndex(view.filter.findData(Phase.PLANNING.value))
    assert shown_names(view) == ["Ørsta-samarbeid"]
    view.filter.setCurrentIndex(0)
    qtbot.keyClicks(view.search, "ØRSTA")
    qtbot.waitUntil(lambda: shown_names(view) == ["Ørsta-samarbeid"])


def test_undoing_an_owner_change_takes_the_new_owner_out_of_the_matrix(  # type: ignore[no-untyped-def]
    qtbot, make_window, services: Services
) -> None:
    first = services.actors.create(ActorInput(name="Stad kommune")).value
    second = services.actors.create(ActorInput(name="Selje grendalag")).value
    project = services.projects.create(ProjectInput(name="Folkehelse", owner_id=first.id)).value
    window = make_window(services)
    view = projects_view(window)
    select(qtbot, view, "Folkehelse")
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    dialog = open_dialog(qtbot, view)
    dialog.owner.setCurrentIndex(dialog.owner.findData(second.id))
    save(qtbot, view, dialog)

    def members() -> set[str]:
        return {a.name for a in services.roles.matrix(project.id).actors}

    assert members() == {"Stad kommune", "Selje grendalag"}
    window.undo_stack.undo()
    assert services.projects.get(project.id).owner_id == first.id
    assert members() == {"Stad kommune"}
    window.undo_stack.redo()
    assert services.projects.get(project.id).owner_id == second.id
    assert members() == {"Stad kommune", "Selje grendalag"}
