"""The role matrix of one project (actors x roles) with the cell's expectation and
agreed contribution, the sector mix and the warnings; and, in a second tab, the
portfolio matrix (actors x projects).

The grid is :mod:`~stad_desktop.ui.widgets.matrix_grid`, the side panel's cell
texts :mod:`~stad_desktop.ui.widgets.cell_editor`, the portfolio tab
:mod:`~stad_desktop.ui.views.portfolio`; every change is one service call whose
returned Change goes on the undo stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _, current, ngettext
from stad_desktop.services import Services
from stad_desktop.services.changes import Change
from stad_desktop.services.errors import NotFoundError, ValidationError
from stad_desktop.services.readmodels import MatrixView, RoleView
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.bus import ACTORS, MATRIX, PROJECTS, ROLES, DataBus
from stad_desktop.ui.dialogs.matrix_dialogs import ActorPickerDialog, NewRoleDialog
from stad_desktop.ui.feedback import confirm
from stad_desktop.ui.models.role_matrix import RoleMatrixModel
from stad_desktop.ui.views.base import ARCHIVE, EDIT, NEW, View
from stad_desktop.ui.views.portfolio import PortfolioView
from stad_desktop.ui.widgets.cell_editor import CellEditor, CellKey
from stad_desktop.ui.widgets.matrix_grid import MatrixGrid
from stad_desktop.ui.widgets.matrix_overview import MatrixOverview, Target
from stad_desktop.ui.widgets.project_selector import ProjectSelector


class RoleMatrixView(View):
    commands = frozenset({NEW, EDIT, ARCHIVE})
    search_attr = "search_combo"
    kinds = frozenset({ACTORS, PROJECTS, ROLES, MATRIX})

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, bus, undo_stack, parent)
        page = QWidget(self)
        self.selector = ProjectSelector(services, page)
        self.search_combo = self.selector.combo
        self.selector.project_changed.connect(self._project_changed)

        # --- actions ------------------------------------------------------------
        self.add_actor_action = make_action(self, "", self.add_actor, "Ctrl+Shift+A")
        self.remove_actor_action = make_action(self, "", self.remove_actor, "Ctrl+Shift+Del")
        self.new_role_action = make_action(self, "", self.new_role, "Ctrl+Shift+R")
        self.delete_role_action = make_action(self, "", self.delete_role, "Ctrl+Shift+D")
        self.toggle_action = make_action(self, "", self.toggle_current, "Space")
        self.save_cell_action = make_action(self, "", self.save_cell, "Ctrl+Return")
        self.toolbar = QToolBar(page)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.add_actor_action,
            self.remove_actor_action,
            self.new_role_action,
            self.delete_role_action,
        ):
            self.toolbar.addAction(action)
        top = QHBoxLayout()
        top.addWidget(self.selector, 1)
        top.addWidget(self.toolbar)

        # --- the grid -----------------------------------------------------------
        self.model = RoleMatrixModel(self)
        self.model.toggle_requested.connect(self.toggle)
        self.table = MatrixGrid(self.model, page)
        for action in (self.toggle_action, self.add_actor_action, self.remove_actor_action):
            self.table.addAction(action)
        # Space reaches the cell's check box first (the default delegate toggles it);
        # the action is for the context menu.
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.legend = QLabel(
            _("Ticked = has the role.   ! (amber) = expectation set, but no agreed contribution."),
            page,
        )
        self.legend.setWordWrap(True)

        # --- the side panel -----------------------------------------------------
        side = QWidget(page)
        side.setMinimumWidth(240)
        side.setMaximumWidth(420)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.editor = CellEditor(side)
        self.editor.save_button.clicked.connect(self.save_cell)
        self.cell_label = self.editor.label
        self.cell_form = self.editor.form
        self.expectation_edit = self.editor.expectation_edit
        self.contribution_edit = self.editor.contribution_edit
        self.save_cell_button = self.editor.save_button
        self.overview = MatrixOverview(side)
        self.overview.warning_chosen.connect(self.go_to_target)
        self.sector_list = self.overview.sector_list
        self.warnings_list = self.overview.warnings_list
        side_layout.addWidget(self.editor)
        side_layout.addWidget(self.overview, 1)

        grid_box = QWidget(page)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.table, 1)
        grid_layout.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.splitter.addWidget(grid_box)
        self.splitter.addWidget(side)
        # The grid takes what the side panel (at its narrowest) leaves.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, 250])
        page_layout = QVBoxLayout(page)
        page_layout.addLayout(top)
        page_layout.addWidget(self.splitter, 1)

        # --- tabs: this project, the portfolio ------------------------------------
        self.portfolio = PortfolioView(services, bus, undo_stack)
        self.portfolio.open_project_matrix.connect(self._open_from_portfolio)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(page, "")
        self.tabs.addTab(self.portfolio, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setTabOrder(self.selector.combo, self.table)
        self.setTabOrder(self.table, self.expectation_edit)
        self.setTabOrder(self.save_cell_button, self.sector_list)
        self.setTabOrder(self.sector_list, self.warnings_list)
        self._show_cell(force=True)
        self.retranslate()

    def retranslate(self) -> None:
        """The texts in the current language; the project, the current cell, the
        panel's typed text and the scroll positions stay."""
        for action, text, tip in (
            (self.add_actor_action, _("&Add actor…"), _("Add an actor to the project")),
            (
                self.remove_actor_action,
                _("&Remove actor"),
                _("Take the selected actor out of the project"),
            ),
            (self.new_role_action, _("&New role…"), _("Add a role of your own")),
            (
                self.delete_role_action,
                _("&Delete role…"),
                _("Delete the selected column's role (only roles you made yourself)"),
            ),
            (self.toggle_action, _("&Toggle role"), _("Give or take the role")),
            (self.save_cell_action, _("Save cell"), ""),
        ):
            retitle(action, text, tip)
        self.table.setAccessibleName(_("Role matrix: actors and roles"))
        self.table.setAccessibleDescription(
            _("Space gives or takes the role of the selected cell.")
        )
        self.legend.setText(
            _("Ticked = has the role.   ! (amber) = expectation set, but no agreed contribution.")
        )
        self.editor.retranslate()
        self.tabs.setTabText(0, _("Project role matrix"))
        self.tabs.setTabText(1, _("Portfolio matrix"))
        self.selector.retranslate()
        self.overview.retranslate()
        self.portfolio.retranslate()
        self.model.retranslate()
        if self.model.matrix is not None:
            self.table.size_columns()
        self._show_cell(force=False)

    # --- View ---------------------------------------------------------------------
    @property
    def project_id(self) -> str | None:
        return self.selector.project_id()

    def _project_changed(self, project_id: str) -> None:
        self._load_matrix()
        if project_id:
            self.project_selected.emit(project_id)

    def _open_from_portfolio(self, project_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.show_project(project_id)
        self.project_selected.emit(project_id)
        self.table.setFocus()

    def show_project(self, project_id: str) -> None:
        with QSignalBlocker(self.selector):
            self.selector.set_project(project_id)
        self.mark_stale()

    def reload(self) -> None:
        with QSignalBlocker(self.selector):
            self.selector.reload()
        self._load_matrix()

    def enabled_commands(self) -> frozenset[str]:
        commands = set()
        if self.project_id:
            commands.add(NEW)
        if self.table.current_cell() is not None:
            commands.add(EDIT)
        if self.table.current_actor_id():
            commands.add(ARCHIVE)
        return frozenset(commands)

    def new_item(self) -> None:
        self.add_actor()

    def edit_item(self) -> None:
        if self.table.current_cell() is not None:
            self.expectation_edit.setFocus()

    def archive_item(self) -> None:
        self.remove_actor()

    # --- loading ------------------------------------------------------------------
    def _load_matrix(self) -> None:
        pending = self.editor.pending()
        if pending and pending[0] != self.project_id and not self._save_before_leaving():
            with QSignalBlocker(self.selector):  # stay with the text that was not saved
                self.selector.set_project(pending[0])
        actor_id, role_id, column = self.table.current_ids()
        project_id = self.project_id
        matrix: MatrixView | None = None
        if project_id:
            try:
                matrix = self.services.roles.matrix(project_id)
            except NotFoundError:
                matrix = None
        before = self.model.matrix
        self.model.set_matrix(matrix)
        if matrix is not None and (
            before is None or before.project_id != matrix.project_id or before.roles != matrix.roles
        ):
            self.table.size_columns()
        if actor_id and not self.table.currentIndex().isValid():
            self.table.select_cell(actor_id, role_id, column)
        self.overview.show_matrix(matrix)
        self._show_cell(force=False)
        self._update_actions()

    def warning_targets(self) -> list[Target]:
        """(actor id, role id, code) of each warning shown, in order."""
        return self.overview.warning_targets()

    def warning_texts(self) -> list[str]:
        return self.overview.warning_texts()

    # --- the selected cell ----------------------------------------------------------
    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._save_before_leaving():
            return
        # Not forced: a cell that is selected again keeps its unsaved text.
        self._show_cell(force=False)
        self._update_actions()

    def _current_key(self) -> CellKey | None:
        cell = self.table.current_cell()
        project_id = self.project_id
        return (project_id, cell[0].id, cell[1].id) if cell and project_id else None

    def _show_cell(self, force: bool) -> None:
        index = self.table.currentIndex()
        self.editor.show_cell(
            self._current_key(), self.model.cell(index), self.model.assignment(index), force
        )
        self.save_cell_action.setEnabled(self.editor.loaded is not None)

    def commit_pending(self) -> bool:
        """Save the panel's typed text for its cell (undoable), as Save cell would."""
        pending = self.editor.pending()
        if pending is None:
            return True
        error = self._save_cell(pending)
        if error is not None:
            self.editor.show_error(error)
        return error is None

    def _save_before_leaving(self) -> bool:
        """Text typed for the cell shown in the panel is saved (undoable, as with
        Save cell) when another cell or project is chosen, rather than lost. If it
        cannot be saved, that cell is selected again with the message and False is
        returned."""
        pending = self.editor.pending()
        if pending is None or pending == self._current_key():
            return True
        error = self._save_cell(pending)
        if error is None:
            return True
        project_id, actor_id, role_id = pending
        if project_id == self.project_id:
            self.table.select_cell(actor_id, role_id, -1)
        self.editor.show_error(error)
        return False

    def _update_actions(self) -> None:
        self.add_actor_action.setEnabled(bool(self.project_id))
        self.new_role_action.setEnabled(True)
        role = self._current_role()
        self.delete_role_action.setEnabled(role is not None and not role.builtin)
        self.remove_actor_action.setEnabled(bool(self.table.current_actor_id()))
        self.toggle_action.setEnabled(self.table.current_cell() is not None)
        self.commands_changed.emit()

    # --- changes: each one service call, its Change on the undo stack ----------------
    def _push(self, change: Change[Any], kind: str = MATRIX, item_id: str = "") -> None:
        self.push_change(change, kind, item_id or self.project_id or "")

    def toggle_current(self) -> None:
        cell = self.table.current_cell()
        if cell is not None:
            self.toggle(cell[0].id, cell[1].id)

    def toggle(self, actor_id: str, role_id: str) -> None:
        """Give the role if the actor does not have it, take it away if it does."""
        project_id = self.project_id
        matrix = self.model.matrix
        if not project_id or matrix is None:
            return
        roles = self.services.roles
        if matrix.assignment(actor_id, role_id) is None:
            self._push(roles.assign(project_id, actor_id, role_id))
        else:
            self._push(roles.unassign(project_id, actor_id, role_id))

    def save_cell(self) -> None:
        key = self._current_key()
        if key is not None:
            error = self._save_cell(key)
            if error is not None:
                self.editor.show_error(error)

    def _save_cell(self, key: CellKey) -> ValidationError | None:
        """Save the panel's texts for the cell ``key``; the ValidationError if the
        service refuses them."""
        project_id, actor_id, role_id = key
        try:
            change = self.services.roles.update_assignment(
                project_id, actor_id, role_id, *self.editor.texts()
            )
        except ValidationError as error:
            return error
        self.editor.saved()
        self._push(change, item_id=project_id)
        return None

    def add_actor(self) -> None:
        matrix = self.model.matrix
        if not self.project_id or matrix is None:
            return
        dialog = ActorPickerDialog(self.services, {a.id for a in matrix.actors}, self)

        def accepted() -> None:
            actor_id = dialog.actor_id()
            if actor_id:
                self.add_actor_id(actor_id)

        self.show_dialog(dialog, accepted)

    def add_actor_id(self, actor_id: str) -> None:
        project_id = self.project_id
        if not project_id:
            return
        self._push(self.services.roles.add_actor(project_id, actor_id))
        self.table.select_cell(actor_id)
        self.table.setFocus()

    def remove_actor(self) -> None:
        project_id = self.project_id
        actor_id = self.table.current_actor_id()
        if project_id and actor_id:
            self._push(self.services.roles.remove_actor(project_id, actor_id))

    def new_role(self) -> None:
        dialog = NewRoleDialog(self.services, self)

        def accepted() -> None:
            change = dialog.result_value
            self._push(change, ROLES, change.value.id)
            column = self.model.role_column(change.value.id)
            if column >= 0 and self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, column))

        self.show_dialog(dialog, accepted)

    def _current_role(self) -> RoleView | None:
        matrix = self.model.matrix
        role_id = self.table.current_ids()[1]
        if matrix is None or role_id is None:
            return None
        return next((role for role in matrix.roles if role.id == role_id), None)

    def delete_role(self) -> None:
        """Delete the current column's role, if the user made it. Where it is given,
        the user is told to whom and in which projects first, and must say yes."""
        role = self._current_role()
        if role is None or role.builtin:
            return
        name = role.name.in_sentence().get(current().lang)
        uses = self.services.roles.role_uses(role.id)
        if uses:
            shown = [f"{actor} ({project})" for project, actor in uses[:8]]
            if len(uses) > len(shown):
                shown.append(_("and {count} more").format(count=len(uses) - len(shown)))
            question = ngettext(
                "The role {role} is given in {count} place: deleting it takes it away there.",
                "The role {role} is given in {count} places: deleting it takes it away there.",
                len(uses),
            ).format(role=name, count=len(uses))
            detail = "\n".join(shown) + "\n\n" + _("You can undo this with Ctrl+Z.")
            if not confirm(self, question, detail, _("Delete role")):
                return
        change = self.services.roles.delete_role(role.id, with_uses=bool(uses))
        self._push(change, ROLES, role.id)
        self.message.emit(_("Deleted: role {role}").format(role=name))

    # --- warnings -------------------------------------------------------------------
    def go_to_target(self, target: Target) -> None:
        """Select the cell, row or column a warning is about (else the sector mix)."""
        if not self.table.go_to_target(target):
            self.sector_list.setFocus()
            if self.sector_list.count():
                self.sector_list.setCurrentRow(0)
