"""The role matrix and portfolio views through their widgets; results checked
through the services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from stad_desktop.model.catalogue import FUNDER, IMPLEMENTER
from stad_desktop.model.enums import Sector
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.dialogs.matrix_dialogs import ActorPickerDialog, NewRoleDialog
from stad_desktop.ui.models.role_matrix import LACKING_BACKGROUND, MARK_LACKING
from stad_desktop.ui.views.role_matrix import RoleMatrixView

PROJECT = "Folkehelse i bygdene"


@pytest.fixture
def make_view(qtbot):  # type: ignore[no-untyped-def]
    def make(services: Services) -> RoleMatrixView:
        view = RoleMatrixView(services, DataBus(), QUndoStack())
        qtbot.addWidget(view)
        view.resize(1300, 700)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        return view

    return make


def project_id(services: Services, name: str = PROJECT) -> str:
    return next(p.id for p in services.projects.refs() if p.name == name)


def actor_id(services: Services, name: str) -> str:
    return next(a.id for a in services.actors.refs() if a.name == name)


def role_id(services: Services, code: str) -> str:
    return next(r.id for r in services.roles.roles() if r.code == code)


def cell(view: RoleMatrixView, actor: str, role: str) -> QModelIndex:
    index = view.model.index(view.model.actor_row(actor), view.model.role_column(role))
    assert index.isValid()
    return index


def check_box_centre(view: RoleMatrixView, index: QModelIndex):  # type: ignore[no-untyped-def]
    option = QStyleOptionViewItem()
    view.table.initViewItemOption(option)
    option.rect = view.table.visualRect(index)
    delegate = view.table.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    rect = view.table.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view.table
    )
    return rect.center()


def codes(view: RoleMatrixView) -> list[tuple[str | None, str | None, str]]:
    return view.warning_targets()


def test_toggle_cell_with_space_and_click_then_undo(qtbot, make_window, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    window = make_window(services)
    pid = project_id(services)
    window.open_project("role_matrix", pid)
    view = window.views["role_matrix"]
    assert isinstance(view, RoleMatrixView)
    assert view.project_id == pid
    actor, role = actor_id(services, "Lote bygdelag"), role_id(services, FUNDER)
    index = cell(view, actor, role)
    assert services.roles.matrix(pid).assignment(actor, role) is None

    view.table.setFocus()
    view.table.setCurrentIndex(index)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert services.roles.matrix(pid).assignment(actor, role) is not None
    assert view.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert view.model.matrix is not None
    assert view.model.matrix.roles_per_actor[actor] == 2

    # Undo through the main window's shortcut.
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.roles.matrix(pid).assignment(actor, role) is None
    assert view.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    qtbot.keyClick(view.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert services.roles.matrix(pid).assignment(actor, role) is not None

    # A click on the check box takes the role away again.
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=check_box_centre(view, index)
    )
    assert services.roles.matrix(pid).assignment(actor, role) is None
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.roles.matrix(pid).assignment(actor, role) is not None


def test_expectation_without_contribution_warns_until_contribution(  # type: ignore[no-untyped-def]
    qtbot, make_view, demo_services
) -> None:
    services: Services = demo_services
    view = make_view(services)
    pid = project_id(services)
    view.show_project(pid)
    actor, role = actor_id(services, "Lote bygdelag"), role_id(services, IMPLEMENTER)
    index = cell(view, actor, role)
    view.table.setCurrentIndex(index)
    warning = (actor, role, "expectation_without_contribution")
    assert warning not in codes(view)

    qtbot.keyClicks(view.expectation_edit, "Opne bygdehuset to kveldar i veka")
    qtbot.mouseClick(view.save_cell_button, Qt.MouseButton.LeftButton)
    saved = services.roles.matrix(pid).assignment(actor, role)
    assert saved is not None and saved.lacks_contribution
    assert warning in codes(view)
    # Marked by colour and a symbol.
    assert view.model.data(index, Qt.ItemDataRole.DisplayRole) == MARK_LACKING
    brush = view.model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == LACKING_BACKGROUND

    # Clicking the warning selects the cell it is about.
    view.table.setCurrentIndex(view.model.index(0, 0))
    row = codes(view).index(warning)
    item = view.warnings_list.item(row)
    qtbot.mouseClick(
        view.warnings_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.warnings_list.visualItemRect(item).center(),
    )
    assert view.table.currentIndex() == index

    view.contribution_edit.setFocus()
    qtbot.keyClicks(view.contribution_edit, "Nøkkel og vaktliste")
    # Ctrl+Enter saves from the text field.
    qtbot.keyClick(view.contribution_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = services.roles.matrix(pid).assignment(actor, role)
    assert saved is not None and saved.contribution == "Nøkkel og vaktliste"
    assert warning not in codes(view)
    assert view.model.data(index, Qt.ItemDataRole.DisplayRole) == ""

    # Undo brings the warning back, and the next undo removes the assignment.
    view.undo_stack.undo()
    assert warning in codes(view)
    view.undo_stack.undo()
    assert services.roles.matrix(pid).assignment(actor, role) is None


def pick_actor(qtbot, view: RoleMatrixView, search: str) -> None:  # type: ignore[no-untyped-def]
    view.table.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: isinstance(view.dialog, ActorPickerDialog))
    dialog = view.dialog
    assert isinstance(dialog, ActorPickerDialog)
    qtbot.keyClicks(dialog.search, search)
    assert dialog.results.count() == 1
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.dialog is None)


def test_single_sector_warning_follows_the_actors(qtbot, make_view, services: Services) -> None:  # type: ignore[no-untyped-def]
    project = services.projects.create(ProjectInput(name="Stadutvikling Ervik")).value
    services.actors.create(ActorInput("Stad kommune, plan", Sector.MUNICIPALITY))
    services.actors.create(ActorInput("Stad kommune, kultur", Sector.MUNICIPALITY))
    ervik = services.actors.create(ActorInput("Ervik grendalag", Sector.VOLUNTARY)).value
    view = make_view(services)
    view.show_project(project.id)
    assert (None, None, "no_actors") in codes(view)

    pick_actor(qtbot, view, "plan")
    assert [a.name for a in services.roles.matrix(project.id).actors] == ["Stad kommune, plan"]
    assert (None, None, "single_sector") in codes(view)
    pick_actor(qtbot, view, "kultur")
    assert (None, None, "single_sector") in codes(view)
    assert view.sector_list.count() == 1

    pick_actor(qtbot, view, "ervik")
    assert ervik.id in {a.id for a in services.roles.matrix(project.id).actors}
    assert (None, None, "single_sector") not in codes(view)
    assert view.sector_list.count() == 2

    view.undo_stack.undo()
    assert (None, None, "single_sector") in codes(view)

    # Remove an actor with the keyboard, then undo.
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    first = view.model.actors[0].id
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert first not in {a.id for a in services.roles.matrix(project.id).actors}
    view.undo_stack.undo()
    assert first in {a.id for a in services.roles.matrix(project.id).actors}


def test_remove_actor_and_undo_restores_roles(make_view, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    view = make_view(services)
    pid = project_id(services)
    view.show_project(pid)
    actor = actor_id(services, "Stad kommune, helse og omsorg")
    before = {k: v for k, v in services.roles.matrix(pid).assignments.items() if k[0] == actor}
    assert len(before) == 3
    view.table.setCurrentIndex(view.model.index(view.model.actor_row(actor), 0))
    view.remove_actor_action.trigger()
    assert view.model.actor_row(actor) == -1
    view.undo_stack.undo()
    after = {k: v for k, v in services.roles.matrix(pid).assignments.items() if k[0] == actor}
    assert after == before


def test_new_role_dialog_shows_errors_inline(qtbot, make_view, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    view = make_view(services)
    view.show_project(project_id(services))
    roles_before = len(services.roles.roles())
    view.new_role_action.trigger()
    qtbot.waitUntil(lambda: isinstance(view.dialog, NewRoleDialog))
    dialog = view.dialog
    assert isinstance(dialog, NewRoleDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error_text("name_nn")
    qtbot.keyClicks(dialog.name_nn, "Finansiør")  # exists already
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.form.error_text("name_nn")
    qtbot.keyClicks(dialog.short, "ABCDE")
    dialog.name_nn.setText("Frivilligkoordinator")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.form.error_text("short")
    assert not dialog.form.error_text("name_nn")
    dialog.short.setText("FK")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    roles = services.roles.roles()
    assert len(roles) == roles_before + 1
    new = next(r for r in roles if r.short == "FK")
    assert view.model.role_column(new.id) >= 0
    # Creating a role is undone and redone like any other change.
    view.undo_stack.undo()
    assert new not in services.roles.roles()
    qtbot.waitUntil(lambda: view.model.role_column(new.id) < 0)
    view.undo_stack.redo()
    assert new in services.roles.roles()
    qtbot.waitUntil(lambda: view.model.role_column(new.id) >= 0)


def test_portfolio_filters_and_opens_project_matrix(qtbot, make_view, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    view = make_view(services)
    view.tabs.setCurrentIndex(1)
    portfolio = view.portfolio
    qtbot.waitUntil(lambda: portfolio.model.rowCount() > 0)
    all_rows = portfolio.model.rowCount()
    portfolio.sector_filter.setCurrentIndex(portfolio.sector_filter.findData(Sector.RESEARCH.value))
    model = portfolio.model
    assert 0 < model.rowCount() < all_rows
    shown = [model.actor_at(row) for row in range(model.total_row)]
    assert {row.actor.sector for row in shown if row} == {Sector.RESEARCH.value}
    assert "F = " in portfolio.legend.text()

    target = services.projects.refs()[2]
    column = portfolio.model.project_column(target.id)
    rect = portfolio.table.visualRect(portfolio.model.index(0, column))
    viewport = portfolio.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.tabs.currentIndex() == 0
    assert view.project_id == target.id
    assert view.model.matrix is not None and view.model.matrix.project_id == target.id


def test_typed_text_is_saved_when_another_cell_is_chosen(qtbot, make_view, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    view = make_view(services)
    pid = project_id(services)
    view.show_project(pid)
    actor, role = actor_id(services, "Lote bygdelag"), role_id(services, IMPLEMENTER)
    other = cell(view, actor_id(services, "Eid idrettslag"), role_id(services, FUNDER))
    view.table.setCurrentIndex(cell(view, actor, role))
    qtbot.keyClicks(view.expectation_edit, "Opne bygdehuset")
    commands = view.undo_stack.count()

    # Choosing another cell saves the text first (undoable), then shows that cell.
    view.table.setCurrentIndex(other)
    saved = services.roles.matrix(pid).assignment(actor, role)
    assert saved is not None and saved.expectation == "Opne bygdehuset"
    assert view.undo_stack.count() == commands + 1
    assert view.table.currentIndex() == other
    assert view.expectation_edit.toPlainText() == ""
    assert not view.expectation_edit.document().isModified()
    view.table.setCurrentIndex(cell(view, actor, role))
    assert view.expectation_edit.toPlainText() == "Opne bygdehuset"

    # Undo takes the autosaved text (and the role it gave) away again.
    view.undo_stack.undo()
    assert services.roles.matrix(pid).assignment(actor, role) is None
    assert view.expectation_edit.toPlainText() == ""
    view.undo_stack.redo()
    saved = services.roles.matrix(pid).assignment(actor, role)
    assert saved is not None and saved.expectation == "Opne bygdehuset"

    # Unchanged text saves nothing.
    view.table.setCurrentIndex(other)
    assert view.undo_stack.count() == commands + 1


def test_typed_text_is_saved_when_another_project_is_chosen(
    qtbot, make_view, demo_services
) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    view = make_view(services)
    pid = project_id(services)
    view.show_project(pid)
    actor, role = actor_id(services, "Lote bygdelag"), role_id(services, FUNDER)
    view.table.setCurrentIndex(cell(view, actor, role))
    qtbot.keyClicks(view.contribution_edit, "Kaffi og vaflar")
    other = next(p.id for p in services.projects.refs() if p.id != pid)
    view.selector.combo.setCurrentIndex(view.selector.combo.findData(other))
    assert view.project_id == other
    saved = services.roles.matrix(pid).assignment(actor, role)
    assert saved is not None and saved.contribution == "Kaffi og vaflar"


def test_text_that_cannot_be_saved_keeps_its_cell(  # type: ignore[no-untyped-def]
    qtbot, make_view, demo_services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stad_desktop.services import ValidationError

    services: Services = demo_services
    view = make_view(services)
    pid = project_id(services)
    view.show_project(pid)
    actor, role = actor_id(services, "Lote bygdelag"), role_id(services, IMPLEMENTER)
    here = cell(view, actor, role)
    view.table.setCurrentIndex(here)
    qtbot.keyClicks(view.expectation_edit, "Opne bygdehuset")

    def refuse(*_args: object) -> object:
        raise ValidationError("expectation", "Too long.")

    monkeypatch.setattr(services.roles, "update_assignment", refuse)
    view.table.setCurrentIndex(view.model.index(0, 0))
    assert view.table.currentIndex() == here
    assert view.expectation_edit.toPlainText() == "Opne bygdehuset"
    assert view.cell_form.error_text("expectation")
    assert services.roles.matrix(pid).assignment(actor, role) is None


def test_typed_cell_text_stays_through_a_language_switch_and_is_saved_on_closing(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services
) -> None:
    services: Services = demo_services
    window = make_window(services)
    pid = project_id(services)
    window.open_project("role_matrix", pid)
    view = window.views["role_matrix"]
    assert isinstance(view, RoleMatrixView)
    actor, role = actor_id(services, "Selje grendalag"), role_id(services, IMPLEMENTER)
    here = cell(view, actor, role)
    view.table.setCurrentIndex(here)
    qtbot.keyClicks(view.contribution_edit, "Tre dugnader")
    window.change_language("nb")
    # The same panel, still on the cell, still with the typed text, not yet saved.
    assert window.views["role_matrix"] is view
    assert view.table.currentIndex() == here
    assert view.contribution_edit.toPlainText() == "Tre dugnader"
    assert view.cell_label.text().startswith("Selje grendalag – Gjennomfører")
    assignment = services.roles.matrix(pid).assignment(actor, role)
    assert assignment is not None and assignment.contribution == ""
    assert window.undo_stack.count() == 0
    window.close()
    assignment = services.roles.matrix(pid).assignment(actor, role)
    assert assignment is not None and assignment.contribution == "Tre dugnader"
    window.undo_stack.undo()
    assignment = services.roles.matrix(pid).assignment(actor, role)
    assert assignment is not None and assignment.contribution == ""
