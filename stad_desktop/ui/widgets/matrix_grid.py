"""The role matrix grid: actors down, roles across, a check box per cell (Space or a
click gives or takes the role). Columns as wide as their headers; the cell, row or
column a warning is about can be selected."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from stad_desktop.language import _
from stad_desktop.services.readmodels import ActorRef, RoleView
from stad_desktop.ui.models.role_matrix import ACTOR_ID_ROLE, ROLE_ID_ROLE, RoleMatrixModel
from stad_desktop.ui.widgets.matrix_overview import Target
from stad_desktop.ui.widgets.table import spread_to_fit

# Beside a role column's header text, measured in bold: the style's margins (2 x 2
# px in Fusion) and a little air. More makes nine roles too wide for a 1366 px screen.
BOLD_HEADER_PADDING = 8
COLUMN_MIN = 52
COLUMN_MAX = 170
# On a wide screen the role columns grow to at most this; the actors' names give
# way (to at least ACTOR_NAMES_MIN) before the roles do on a narrow one.
ROLE_COLUMN_MOST = 200
ACTOR_NAMES_MIN = 150


class MatrixGrid(QTableView):
    def __init__(self, model: RoleMatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix_model = model
        self.setModel(model)
        self.setAccessibleName(_("Role matrix: actors and roles"))
        self.setAccessibleDescription(_("Space gives or takes the role of the selected cell."))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._natural: list[int] = []  # each column's width for its header
        self.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)

    # --- the current cell ------------------------------------------------------------
    def current_cell(self) -> tuple[ActorRef, RoleView] | None:
        return self.matrix_model.cell(self.currentIndex())

    def current_actor_id(self) -> str | None:
        index = self.currentIndex()
        return str(index.data(ACTOR_ID_ROLE)) if index.isValid() else None

    def current_ids(self) -> tuple[str | None, str | None, int]:
        """(actor id, role id, column) of the current cell, to find it again."""
        index = self.currentIndex()
        if not index.isValid():
            return None, None, index.column()
        return index.data(ACTOR_ID_ROLE), index.data(ROLE_ID_ROLE), index.column()

    def select_cell(self, actor_id: str, role_id: str | None = None, column: int = 0) -> bool:
        """Make the actor's cell in the role's column (or ``column``) current."""
        model = self.matrix_model
        row = model.actor_row(actor_id)
        col = model.role_column(role_id) if role_id else column
        if row >= 0 and 0 <= col < model.columnCount():
            self.setCurrentIndex(model.index(row, col))
            return True
        return False

    # --- layout ----------------------------------------------------------------------
    def size_columns(self) -> None:
        """Measure each column by its header lines, in bold (the current cell's
        column header is drawn bold), then fit them to the view (``refit``)."""
        header = self.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        self._natural = []
        for column in range(self.matrix_model.columnCount()):
            text = str(self.matrix_model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max((metrics.horizontalAdvance(w) for w in text.splitlines()), default=0)
            self._natural.append(max(COLUMN_MIN, min(widest + BOLD_HEADER_PADDING, COLUMN_MAX)))
        self.refit()

    def refit(self) -> None:
        """The actors' names and the columns within the view's width: room to spare
        widens the role columns; too little first shortens long actor names (elided,
        the whole name in the tool tip), then narrows the widest role columns. The
        count column ("Roles") keeps its width."""
        natural = self._natural
        if not natural:
            return
        names = self.verticalHeader()
        names.setMaximumWidth(16777215)
        names_wanted = max(0, names.sizeHint().width())  # -1 with no actors yet
        inner = self.width() - 2 * self.frameWidth()
        bar = self.verticalScrollBar()
        inner -= bar.width() if bar.isVisible() else bar.sizeHint().width()
        count_width = natural[-1]
        roles = natural[:-1]
        room = inner - count_width
        if names_wanted + sum(roles) > room:
            names_wanted = max(ACTOR_NAMES_MIN, min(names_wanted, room - sum(roles)))
        names.setMaximumWidth(names_wanted)
        widths = spread_to_fit(roles, room - names_wanted, COLUMN_MIN, ROLE_COLUMN_MOST)
        header = self.horizontalHeader()
        for column, width in enumerate([*widths, count_width]):
            header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.refit()

    # --- warnings --------------------------------------------------------------------
    def go_to_target(self, target: Target) -> bool:
        """Select the cell, row or column a warning is about; False if it is about
        neither an actor nor a role (e.g. the sector mix)."""
        actor_id, role_id, _code = target
        model = self.matrix_model
        row = model.actor_row(actor_id) if actor_id else -1
        column = model.role_column(role_id) if role_id else -1
        selection = self.selectionModel()
        last_row = model.rowCount() - 1
        last_column = model.columnCount() - 1
        if row >= 0 and column >= 0:
            self.setCurrentIndex(model.index(row, column))
        elif row >= 0:
            self.setCurrentIndex(model.index(row, 0))
            selection.select(
                QItemSelection(model.index(row, 0), model.index(row, last_column)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        elif column >= 0:
            if last_row >= 0:
                self.setCurrentIndex(model.index(0, column))
                selection.select(
                    QItemSelection(model.index(0, column), model.index(last_row, column)),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
            self.scrollTo(model.index(0, column))
        else:
            return False
        self.setFocus()
        return True
