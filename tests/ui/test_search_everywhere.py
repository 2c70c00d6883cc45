"""Ctrl+F goes to the search in every view and Esc clears it; an empty result says
so with a button that clears the search; project pickers filter as you type, also
among 300 projects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from stad_desktop.services import ProjectInput, Services
from stad_desktop.ui.views.registry import view_specs
from stad_desktop.ui.views.role_matrix import RoleMatrixView
from stad_desktop.ui.widgets.search_tools import NoMatchNotice

CTRL = Qt.KeyboardModifier.ControlModifier


def line_of(widget: object) -> QLineEdit:
    line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    assert isinstance(line, QLineEdit)
    return line


@pytest.mark.parametrize("key", [spec.key for spec in view_specs()])
def test_ctrl_f_and_esc_in_every_view(
    qtbot, make_window, demo_services: Services, key: str
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    window.show_view(key)
    view = window.current_view()
    assert view is not None
    field = view.search_widget()
    assert field is not None, key
    assert window.command_actions["search"].isEnabled()
    window.command_actions["search"].trigger()  # Ctrl+F
    line = line_of(field)
    assert QApplication.focusWidget() in (field, line)
    qtbot.keyClicks(line, "zzqx")
    notices = view.findChildren(NoMatchNotice)
    qtbot.waitUntil(lambda: any(n.isVisible() for n in notices))
    (shown,) = [n for n in notices if n.isVisible()]
    assert "«zzqx»" in shown.text()
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert "zzqx" not in line.text()
    qtbot.waitUntil(lambda: not shown.isVisible())


def test_an_empty_result_says_so_and_can_be_cleared(
    qtbot, make_window, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    window.show_view("actors")
    view = window.current_view()
    qtbot.keyClicks(view.search, "xylofon")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)  # type: ignore[union-attr]
    assert view.no_match.isVisible()  # type: ignore[union-attr]
    assert view.no_match.text() == "Ingen aktørar passar med «xylofon»."  # type: ignore[union-attr]
    qtbot.mouseClick(view.no_match.button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    assert view.search.text() == ""  # type: ignore[union-attr]
    assert view.model.rowCount() == len(demo_services.actors.refs())  # type: ignore[union-attr]
    assert not view.no_match.isVisible()  # type: ignore[union-attr]

    window.change_language("en")
    window.show_view("projects")
    projects = window.current_view()
    qtbot.keyClicks(projects.search, "xylofon")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: projects.model.rowCount() == 0)  # type: ignore[union-attr]
    assert projects.no_match.text() == "No projects match «xylofon»."  # type: ignore[union-attr]


def test_the_project_picker_filters_among_300_projects(
    qtbot, make_window, services: Services
) -> None:  # type: ignore[no-untyped-def]
    with services.db.batch():
        for number in range(300):
            services.projects.create(ProjectInput(name=f"Prosjekt {number:03d} i Stad"))
    window = make_window(services)
    window.show_view("role_matrix")
    view = window.current_view()
    assert isinstance(view, RoleMatrixView)
    combo = view.selector.combo
    assert combo.count() == 300
    window.command_actions["search"].trigger()  # Ctrl+F
    line = combo.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "12")
    completer = combo.completer()
    assert completer is not None
    assert completer.completionCount() == 13  # 012, 112, 120 … 129, 212
    assert combo.matches("12") == [
        combo.findText(f"Prosjekt {n:03d} i Stad") for n in (12, 112, *range(120, 130), 212)
    ]
    line.clear()
    qtbot.keyClicks(line, "277")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    project = services.projects.find("Prosjekt 277 i Stad")
    assert view.project_id == project.id

    window.command_actions["search"].trigger()  # Ctrl+F selects the name to type over
    qtbot.keyClicks(line, "finst ikkje")
    assert combo.notice.isVisible()
    assert combo.notice.text() == "Ingen prosjekt passar med «finst ikkje»."
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert not combo.notice.isVisible()
    assert line.text() == "Prosjekt 277 i Stad"
    assert view.project_id == project.id


def test_the_project_choices_of_the_meeting_and_print_dialogs_narrow_as_you_type(
    qtbot, services: Services
) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop.ui.dialogs.meeting_dialogs import MeetingDialog
    from stad_desktop.ui.dialogs.print_dialog import PrintDialog

    with services.db.batch():
        for number in range(300):
            services.projects.create(ProjectInput(name=f"Prosjekt {number:03d} i Stad"))
    meeting = MeetingDialog(services)
    printing = PrintDialog(services)
    for dialog, combo in ((meeting, meeting.project), (printing, printing.project)):
        qtbot.addWidget(dialog)
        line = combo.lineEdit()
        assert line is not None  # typed in, not only scrolled
        line.selectAll()
        qtbot.keyClicks(line, "12")
        completer = combo.completer()
        assert completer is not None
        assert completer.completionCount() == 13  # 012, 112, 120 … 129, 212
    printing.close()
