"""The role matrix of one project (actors x roles) with the cell's expectation and
agreed contribution, the sector mix and the warnings; and, in a second tab, the
portfolio matrix (actors x projects)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QFont, QFontMetrics, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _, current
from stad_desktop.services import Services
from stad_desktop.services.errors import NotFoundError, ValidationError
from stad_desktop.services.readmodels import MatrixView
from stad_desktop.ui.actions import make_action
from stad_desktop.ui.bus import ACTORS, MATRIX, PROJECTS, ROLES, DataBus
from stad_desktop.ui.commands import ServiceCommand
from stad_desktop.ui.dialogs.matrix_dialogs import ActorPickerDialog, NewRoleDialog
from stad_desktop.ui.models.role_matrix import ACTOR_ID_ROLE, ROLE_ID_ROLE, RoleMatrixModel
from stad_desktop.ui.views.base import ARCHIVE, EDIT, NEW, View
from stad_desktop.ui.views.portfolio import PortfolioView
from stad_desktop.ui.widgets.inline_form import InlineForm
from stad_desktop.ui.widgets.matrix_overview import MatrixOverview, Target, heading
from stad_desktop.ui.widgets.project_selector import ProjectSelector

# Beside a role column's header text, measured in bold: the style's margins (2 x 2
# px in Fusion) and a little air. More makes nine roles too wide for a 1366 px screen.
BOLD_HEADER_PADDING = 8


class RoleMatrixView(View):
    commands = frozenset({NEW, EDIT, ARCHIVE})
    kinds = frozenset({ACTORS, PROJECTS, ROLES, MATRIX})

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, bus, undo_stack, parent)
        # The cell (actor id, role id) and project whose texts the side panel shows.
        self._loaded_cell: tuple[str, str] | None = None
        self._loaded_project: str | None = None

        page = QWidget(self)
        self.selector = ProjectSelector(services, page)
        self.selector.project_changed.connect(self._project_changed)

        # --- actions ------------------------------------------------------------
        self.add_actor_action = make_action(
            self,
            _("&Add actor…"),
            self.add_actor,
            "Ctrl+Shift+A",
            tip=_("Add an actor to the project"),
        )
        self.remove_actor_action = make_action(
            self,
            _("&Remove actor"),
            self.remove_actor,
            "Ctrl+Shift+Del",
            tip=_("Take the selected actor out of the project"),
        )
        self.new_role_action = make_action(
            self, _("&New role…"), self.new_role, "Ctrl+Shift+R", tip=_("Add a role of your own")
        )
        self.toggle_action = make_action(
            self, _("&Toggle role"), self.toggle_current, "Space", tip=_("Give or take the role")
        )
        self.toolbar = QToolBar(page)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.add_actor_action, self.remove_actor_action, self.new_role_action):
            self.toolbar.addAction(action)
        top = QHBoxLayout()
        top.addWidget(self.selector, 1)
        top.addWidget(self.toolbar)

        # --- the grid -----------------------------------------------------------
        self.model = RoleMatrixModel(self)
        self.model.toggle_requested.connect(self.toggle)
        self.table = QTableView(page)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Role matrix: actors and roles"))
        self.table.setAccessibleDescription(
            _("Space gives or takes the role of the selected cell.")
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.toggle_action, self.add_actor_action, self.remove_actor_action):
            self.table.addAction(action)
        # Space reaches the cell's check box first (the default delegate toggles it);
        # the action is for the context menu.
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        selection = self.table.selectionModel()
        selection.currentChanged.connect(self._current_changed)
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
        self.cell_label = QLabel(side)
        self.cell_label.setTextFormat(Qt.TextFormat.PlainText)  # actor and role names
        self.cell_label.setWordWrap(True)
        self.cell_form = InlineForm(side)
        self.cell_form.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.expectation_edit = QPlainTextEdit(side)
        self.contribution_edit = QPlainTextEdit(side)
        for edit in (self.expectation_edit, self.contribution_edit):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(90)
        self.cell_form.add_row("expectation", _("&Expectation:"), self.expectation_edit)
        self.cell_form.add_row("contribution", _("Agreed &contribution:"), self.contribution_edit)
        self.save_cell_button = QPushButton(_("&Save cell"), side)
        self.save_cell_button.setToolTip(_("Save the expectation and contribution (Ctrl+Enter)"))
        self.save_cell_button.clicked.connect(self.save_cell)
        self.save_cell_action = make_action(self, _("Save cell"), self.save_cell, "Ctrl+Return")
        self.overview = MatrixOverview(side)
        self.overview.warning_chosen.connect(self.go_to_target)
        self.sector_list = self.overview.sector_list
        self.warnings_list = self.overview.warnings_list
        side_layout.addWidget(heading(_("Selected cell"), self.expectation_edit))
        side_layout.addWidget(self.cell_label)
        side_layout.addWidget(self.cell_form)
        side_layout.addWidget(self.save_cell_button, 0, Qt.AlignmentFlag.AlignRight)
        side_layout.addWidget(self.overview, 1)

        grid_box = QWidget(page)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.table, 1)
        grid_layout.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.splitter.addWidget(grid_box)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1000, 300])
        page_layout = QVBoxLayout(page)
        page_layout.addLayout(top)
        page_layout.addWidget(self.splitter, 1)

        # --- tabs: this project, the portfolio ------------------------------------
        self.portfolio = PortfolioView(services, bus, undo_stack)
        self.portfolio.open_project_matrix.connect(self._open_from_portfolio)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(page, _("Project role matrix"))
        self.tabs.addTab(self.portfolio, _("Portfolio matrix"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setTabOrder(self.selector.combo, self.table)
        self.setTabOrder(self.table, self.expectation_edit)
        self.setTabOrder(self.expectation_edit, self.contribution_edit)
        self.setTabOrder(self.contribution_edit, self.save_cell_button)
        self.setTabOrder(self.save_cell_button, self.sector_list)
        self.setTabOrder(self.sector_list, self.warnings_list)
        self._update_cell_panel(force=True)

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
        if self.model.cell(self.table.currentIndex()) is not None:
            commands.add(EDIT)
        if self._current_actor_id():
            commands.add(ARCHIVE)
        return frozenset(commands)

    def new_item(self) -> None:
        self.add_actor()

    def edit_item(self) -> None:
        if self.model.cell(self.table.currentIndex()) is not None:
            self.expectation_edit.setFocus()

    def archive_item(self) -> None:
        self.remove_actor()

    # --- loading ------------------------------------------------------------------
    def _load_matrix(self) -> None:
        previous = self._loaded_project
        if previous and previous != self.project_id and not self._save_before_leaving(previous):
            with QSignalBlocker(self.selector):  # stay with the text that was not saved
                self.selector.set_project(previous)
        current_index = self.table.currentIndex()
        actor_id = current_index.data(ACTOR_ID_ROLE) if current_index.isValid() else None
        role_id = current_index.data(ROLE_ID_ROLE) if current_index.isValid() else None
        column = current_index.column()
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
            self._size_columns()
        if actor_id and not self.table.currentIndex().isValid():
            row = self.model.actor_row(actor_id)
            col = self.model.role_column(role_id) if role_id else column
            if row >= 0 and 0 <= col < self.model.columnCount():
                self.table.setCurrentIndex(self.model.index(row, col))
        self.overview.show_matrix(matrix)
        self._update_cell_panel(force=False)
        self._update_actions()

    def _size_columns(self) -> None:
        """Each role column as wide as its header lines, measured in bold: the
        current cell's column header is drawn bold (highlighted sections)."""
        header = self.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max((metrics.horizontalAdvance(w) for w in text.splitlines()), default=0)
            header.resizeSection(column, max(52, min(widest + BOLD_HEADER_PADDING, 170)))

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
        self._update_cell_panel(force=False)
        self._update_actions()

    def _panel_modified(self) -> bool:
        return (
            self.expectation_edit.document().isModified()
            or self.contribution_edit.document().isModified()
        )

    def commit_pending(self) -> bool:
        """Save the panel's typed text for its cell (undoable), as Save cell would."""
        loaded, project_id = self._loaded_cell, self._loaded_project
        if loaded is None or not project_id or not self._panel_modified():
            return True
        error = self._save_cell(project_id, *loaded)
        if error is not None:
            self.cell_form.show_error(error)
        return error is None

    def _save_before_leaving(self, project_id: str | None = None) -> bool:
        """Text typed for the cell shown in the panel is saved (undoable, as with
        Save cell) when another cell or project is chosen, rather than lost. If it
        cannot be saved, that cell is selected again with the message and False is
        returned."""
        loaded = self._loaded_cell
        project_id = project_id or self._loaded_project
        if loaded is None or not project_id or not self._panel_modified():
            return True
        cell = self.model.cell(self.table.currentIndex())
        if (
            cell is not None
            and (cell[0].id, cell[1].id) == loaded
            and project_id == self.project_id
        ):
            return True
        error = self._save_cell(project_id, *loaded)
        if error is None:
            return True
        row, column = self.model.actor_row(loaded[0]), self.model.role_column(loaded[1])
        if project_id == self.project_id and row >= 0 and column >= 0:
            self.table.setCurrentIndex(self.model.index(row, column))
        self.cell_form.show_error(error)
        return False

    def _current_actor_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(ACTOR_ID_ROLE)) if index.isValid() else None

    def _update_cell_panel(self, force: bool) -> None:
        index = self.table.currentIndex()
        cell = self.model.cell(index)
        enabled = cell is not None
        for widget in (self.expectation_edit, self.contribution_edit, self.save_cell_button):
            widget.setEnabled(enabled)
        self.save_cell_action.setEnabled(enabled)
        if cell is None:
            self._loaded_cell = None
            self._loaded_project = None
            self.cell_label.setText(_("Select a cell in the matrix."))
            self.expectation_edit.clear()
            self.contribution_edit.clear()
            self.cell_form.clear_errors()
            return
        actor, role = cell
        key = (actor.id, role.id)
        assignment = self.model.assignment(index)
        role_name = role.name.get(current().lang)
        if assignment is None:
            text = _("{actor} – {role} (not assigned; saving assigns the role)")
        elif assignment.lacks_contribution:
            text = _("{actor} – {role} (! expectation without agreed contribution)")
            # Keep "(!" with the word after it when the label wraps.
            text = text.replace("(! ", "(!\u00a0")
        else:
            text = _("{actor} – {role}")
        self.cell_label.setText(text.format(actor=actor.name, role=role_name))
        modified = self._panel_modified()
        if force or key != self._loaded_cell or not modified:
            self._loaded_cell = key
            self._loaded_project = self.project_id
            self.cell_form.clear_errors()
            self.expectation_edit.setPlainText(assignment.expectation if assignment else "")
            self.contribution_edit.setPlainText(assignment.contribution if assignment else "")
            self.expectation_edit.document().setModified(False)
            self.contribution_edit.document().setModified(False)

    def _update_actions(self) -> None:
        has_project = bool(self.project_id)
        self.add_actor_action.setEnabled(has_project)
        self.new_role_action.setEnabled(True)
        self.remove_actor_action.setEnabled(bool(self._current_actor_id()))
        self.toggle_action.setEnabled(self.model.cell(self.table.currentIndex()) is not None)
        self.commands_changed.emit()

    # --- actions --------------------------------------------------------------------
    def _announce(self, project_id: str) -> Callable[[], None]:
        return lambda: self.bus.changed(MATRIX, project_id)

    def _names(self, actor_id: str, role_id: str) -> dict[str, str]:
        matrix = self.model.matrix
        actor = next((a.name for a in matrix.actors if a.id == actor_id), "") if matrix else ""
        role = next((r for r in matrix.roles if r.id == role_id), None) if matrix else None
        return {"actor": actor, "role": role.name.get(current().lang) if role else ""}

    def toggle_current(self) -> None:
        cell = self.model.cell(self.table.currentIndex())
        if cell is not None:
            self.toggle(cell[0].id, cell[1].id)

    def toggle(self, actor_id: str, role_id: str) -> None:
        """Give the role if the actor does not have it, take it away if it does."""
        project_id = self.project_id
        matrix = self.model.matrix
        if not project_id or matrix is None:
            return
        roles = self.services.roles
        names = self._names(actor_id, role_id)
        existing = matrix.assignment(actor_id, role_id)
        if existing is None:
            roles.assign(project_id, actor_id, role_id)
            command = ServiceCommand(
                _("Give {actor} the role {role}").format(**names),
                lambda: roles.assign(project_id, actor_id, role_id),
                lambda: roles.unassign(project_id, actor_id, role_id),
                self._announce(project_id),
            )
        else:
            removed = roles.unassign(project_id, actor_id, role_id)
            expectation = removed.expectation if removed else ""
            contribution = removed.contribution if removed else ""
            command = ServiceCommand(
                _("Take the role {role} from {actor}").format(**names),
                lambda: roles.unassign(project_id, actor_id, role_id),
                lambda: roles.assign(project_id, actor_id, role_id, expectation, contribution),
                self._announce(project_id),
            )
        self.undo_stack.push(command)

    def save_cell(self) -> None:
        index = self.table.currentIndex()
        cell = self.model.cell(index)
        project_id = self.project_id
        if cell is None or not project_id:
            return
        error = self._save_cell(project_id, cell[0].id, cell[1].id)
        if error is not None:
            self.cell_form.show_error(error)

    def _save_cell(self, project_id: str, actor_id: str, role_id: str) -> ValidationError | None:
        """Save the panel's texts for this cell and push the undo command; the
        ValidationError if the service refuses them."""
        matrix = self.model.matrix
        old = (
            matrix.assignment(actor_id, role_id)
            if matrix is not None and matrix.project_id == project_id
            else self.services.roles.matrix(project_id).assignment(actor_id, role_id)
        )
        roles = self.services.roles
        try:
            new = roles.update_assignment(
                project_id,
                actor_id,
                role_id,
                self.expectation_edit.toPlainText(),
                self.contribution_edit.toPlainText(),
            )
        except ValidationError as error:
            return error
        self.cell_form.clear_errors()
        self.expectation_edit.document().setModified(False)
        self.contribution_edit.document().setModified(False)

        def undo() -> object:
            if old is None:
                return roles.unassign(project_id, actor_id, role_id)
            return roles.update_assignment(
                project_id, actor_id, role_id, old.expectation, old.contribution
            )

        self.undo_stack.push(
            ServiceCommand(
                _("Edit {actor} as {role}").format(**self._names(actor_id, role_id)),
                lambda: roles.update_assignment(
                    project_id, actor_id, role_id, new.expectation, new.contribution
                ),
                undo,
                self._announce(project_id),
            )
        )
        return None

    def add_actor(self) -> None:
        project_id = self.project_id
        matrix = self.model.matrix
        if not project_id or matrix is None:
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
        roles = self.services.roles
        roles.add_actor(project_id, actor_id)
        name = self.services.actors.get(actor_id).name
        self.undo_stack.push(
            ServiceCommand(
                _("Add {actor} to the project").format(actor=name),
                lambda: roles.add_actor(project_id, actor_id),
                lambda: roles.remove_actor(project_id, actor_id),
                self._announce(project_id),
            )
        )
        row = self.model.actor_row(actor_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.setFocus()

    def remove_actor(self) -> None:
        project_id = self.project_id
        actor_id = self._current_actor_id()
        if not project_id or not actor_id:
            return
        roles = self.services.roles
        name = self._names(actor_id, "")["actor"]
        removed = roles.remove_actor(project_id, actor_id)
        self.undo_stack.push(
            ServiceCommand(
                _("Remove {actor} from the project").format(actor=name),
                lambda: roles.remove_actor(project_id, actor_id),
                lambda: roles.restore_actor(project_id, actor_id, removed),
                self._announce(project_id),
            )
        )

    def new_role(self) -> None:
        dialog = NewRoleDialog(self.services, self)

        def accepted() -> None:
            role = dialog.result_value
            roles = self.services.roles
            self.undo_stack.push(
                ServiceCommand(
                    _("New role {role}").format(role=role.name.get(current().lang)),
                    lambda: roles.restore_role(role),
                    lambda: roles.delete_role(role.id),
                    lambda: self.bus.changed(ROLES, role.id),
                )
            )
            column = self.model.role_column(role.id)
            if column >= 0 and self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, column))

        self.show_dialog(dialog, accepted)

    # --- warnings -------------------------------------------------------------------
    def go_to_target(self, target: Target) -> None:
        """Select the cell, row or column a warning is about."""
        actor_id, role_id, _code = target
        row = self.model.actor_row(actor_id) if actor_id else -1
        column = self.model.role_column(role_id) if role_id else -1
        selection = self.table.selectionModel()
        last_row = self.model.rowCount() - 1
        last_column = self.model.columnCount() - 1
        if row >= 0 and column >= 0:
            self.table.setCurrentIndex(self.model.index(row, column))
        elif row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            selection.select(
                QItemSelection(self.model.index(row, 0), self.model.index(row, last_column)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        elif column >= 0:
            if last_row >= 0:
                self.table.setCurrentIndex(self.model.index(0, column))
                selection.select(
                    QItemSelection(self.model.index(0, column), self.model.index(last_row, column)),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
            self.table.scrollTo(self.model.index(0, column))
        else:
            self.sector_list.setFocus()
            if self.sector_list.count():
                self.sector_list.setCurrentRow(0)
            return
        self.table.setFocus()
