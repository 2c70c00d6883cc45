"""The frame: welcome on an empty database, views from the registry, menus,
remembered size, position and view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stad_desktop.services import Services
from stad_desktop.ui.views.base import View
from stad_desktop.ui.views.registry import view_specs


def test_welcome_loads_the_example_data(qtbot, make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(services)
    assert window.welcome is not None
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.example_button, Qt.MouseButton.LeftButton)
    assert not services.is_empty()
    view = window.views["actors"]
    assert window.stack.currentWidget() is view
    model = view.model  # type: ignore[attr-defined]
    assert model.rowCount() == services.counts().actors > 10
    # Loading twice is not offered.
    window._update_file_menu()
    assert not window.example_action.isEnabled()


def test_welcome_new_project_opens_the_dialog(qtbot, make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(services)
    assert window.welcome is not None
    qtbot.mouseClick(window.welcome.project_button, Qt.MouseButton.LeftButton)
    view = window.views["projects"]
    assert window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: view.dialog is not None)  # type: ignore[attr-defined]
    view.dialog.reject()  # type: ignore[attr-defined]


def test_views_come_from_the_registry(qtbot, make_window, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    keys = [spec.key for spec in view_specs()]
    assert list(window.views) == keys
    assert window.sidebar.count() == len(keys)
    assert demo_services.db.name in window.windowTitle()
    for number, key in enumerate(keys):  # Ctrl+0 is the home page
        qtbot.keyClick(
            window.sidebar, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier
        )
        assert window.stack.currentWidget() is window.views[key]
        assert isinstance(window.views[key], View)


def test_selecting_a_project_reaches_project_views(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services: Services
) -> None:
    window = make_window(demo_services)
    window.show_view("projects")
    view = window.views["projects"]
    view.table.selectRow(1)  # type: ignore[attr-defined]
    assert window.current_project_id == view.model.id_at(1)  # type: ignore[attr-defined]
    followers = [v for v in window.views.values() if hasattr(v, "show_project")]
    assert followers  # role matrix and effect log follow the chosen project


def test_size_position_and_view_are_remembered(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services: Services
) -> None:
    window = make_window(demo_services)
    minimum = window.minimumSizeHint()
    size = (max(760, minimum.width() + 5), max(620, minimum.height() + 5))
    window.resize(*size)
    window.move(25, 35)
    window.show_view("projects")
    where = window.pos()
    window.close()
    again = make_window(demo_services)
    assert again.stack.currentWidget() is again.views["projects"]
    assert (again.width(), again.height()) == size
    assert again.pos() == where
