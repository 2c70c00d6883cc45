"""The projects list shows each project's checklist progress ("5/11"), and the
checklist is one click (or Ctrl+Shift+L) away from the list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stad_desktop.language import set_language
from stad_desktop.model.enums import ChecklistStatus
from stad_desktop.services import Services
from stad_desktop.ui.dialogs.project_dialog import CHECKLIST_TAB
from stad_desktop.ui.views.projects import ProjectsView

PROJECT = "Folkehelse i bygdene"


def _view(make_window, services: Services) -> ProjectsView:  # type: ignore[no-untyped-def]
    window = make_window(services)
    window.show_view("projects")
    view = window.views["projects"]
    assert isinstance(view, ProjectsView)
    return view


def test_the_projects_list_shows_checklist_progress(qtbot, make_window, demo_services) -> None:  # type: ignore[no-untyped-def]
    set_language("nn")
    services: Services = demo_services
    view = _view(make_window, services)
    model = view.model
    column = next(i for i in range(model.columnCount()) if model.headerData(
        i, Qt.Orientation.Horizontal) == "Sjekkliste")  # fmt: skip
    project = services.projects.find(PROJECT)
    items = services.checklist.items(project.id)
    done = sum(item.status == ChecklistStatus.DONE.value for item in items)
    assert (done, len(items)) == (5, 11)
    row = model.row_of(project.id)
    assert model.index(row, column).data() == "5/11"
    tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "5 av 11 punkt i sjekklista er ferdige"


def test_the_checklist_opens_from_the_projects_list(qtbot, make_window, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    view = _view(make_window, services)
    assert not view.checklist_button.isEnabled()
    project = services.projects.find(PROJECT)
    assert view.table.select_id(project.id)
    assert view.checklist_button.isEnabled()
    qtbot.mouseClick(view.checklist_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    assert view.dialog is not None
    assert view.dialog.tabs.currentIndex() == CHECKLIST_TAB
    view.dialog.reject()
    qtbot.waitUntil(lambda: view.dialog is None)
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    assert view.dialog.tabs.currentIndex() == CHECKLIST_TAB
