"""File → Remove example data, and Delete role in the role matrix, in the window:
what is removed, what the status bar says, and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stad_desktop.services import ActorInput, Services
from stad_desktop.ui.views.role_matrix import RoleMatrixView

PROJECT = "Folkehelse i bygdene"


def test_remove_example_data_and_undo(qtbot, make_window, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    services.actors.create(ActorInput(name="Mitt lag"))
    window = make_window(services)
    window.file_menu.aboutToShow.emit()
    assert window.example.remove_action.isEnabled()
    text = window.example.remove(ask=False)
    assert text == "Fjerna: eksempeldata (aktørar: 27, prosjekt: 6, møte: 3)."
    assert window.statusBar().currentMessage() == text
    window.show_view("actors")
    assert [a.name for a in services.actors.list()] == ["Mitt lag"]
    assert window.undo_stack.undoText() == "Fjern eksempeldata"
    window.file_menu.aboutToShow.emit()
    assert not window.example.remove_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(services.actors.list()) == 28
    assert services.example_data.summary().projects == 6


def test_a_role_of_ones_own_is_deleted_after_a_warning_and_undone(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services: Services = demo_services
    role = services.roles.create_role("Vertskap", "Vertskap", "Host", "V").value
    pid = next(p.id for p in services.projects.refs() if p.name == PROJECT)
    lote = next(a.id for a in services.actors.refs() if a.name == "Lote bygdelag")
    services.roles.assign(pid, lote, role.id, "Halde lokale")
    window = make_window(services)
    window.open_project("role_matrix", pid)
    view = window.views["role_matrix"]
    assert isinstance(view, RoleMatrixView)
    funder = next(r.id for r in services.roles.roles() if r.code == "funder")
    view.table.setCurrentIndex(view.model.index(0, view.model.role_column(funder)))
    assert not view.delete_role_action.isEnabled()  # the program's own role
    view.table.setCurrentIndex(view.model.index(0, view.model.role_column(role.id)))
    assert view.delete_role_action.isEnabled()

    asked: list[tuple[str, str]] = []

    def answer(_parent, question, detail="", yes_text="", **_kw) -> bool:  # type: ignore[no-untyped-def]
        asked.append((question, detail))
        return bool(len(asked) > 1)  # no the first time, yes the second

    monkeypatch.setattr("stad_desktop.ui.views.role_matrix.confirm", answer)
    view.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "vertskap" in asked[0][0] and "Lote bygdelag (Folkehelse i bygdene)" in asked[0][1]
    assert role.id in {r.id for r in services.roles.roles()}  # the user said no
    view.delete_role()
    assert role.id not in {r.id for r in services.roles.roles()}
    assert window.statusBar().currentMessage() == "Sletta: rolla vertskap"
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    cell = services.roles.matrix(pid).assignment(lote, role.id)
    assert cell is not None and cell.expectation == "Halde lokale"
