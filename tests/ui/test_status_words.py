"""The status bar says what was done, in words ("Arkivert: Heimebasert omsorg
2030"), not the command's name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stad_desktop.services import Services

PROJECT = "Heimebasert omsorg 2030"


def test_archiving_and_restoring_are_confirmed_in_words(qtbot, make_window, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    window = make_window(services)
    window.show_view("projects")
    view = window.views["projects"]
    pid = next(p.id for p in services.projects.refs() if p.name == PROJECT)
    view.table.select_id(pid)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert services.projects.get(pid).archived
    assert window.statusBar().currentMessage() == "Arkivert: Heimebasert omsorg 2030"
    window.change_language("en")
    view.show_archived.setChecked(True)
    view.table.select_id(pid)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert not services.projects.get(pid).archived
    assert window.statusBar().currentMessage() == "Restored: Heimebasert omsorg 2030"
