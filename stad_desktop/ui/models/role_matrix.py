"""Table model over a project's role matrix: actors (rows) x roles (columns), plus a
last column with the number of roles each actor holds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from stad_desktop.language import _, current, ngettext
from stad_desktop.model.enums import Sector, label
from stad_desktop.model.palette import LACKING, role_colour
from stad_desktop.services.matrix import MANY_ROLES
from stad_desktop.services.readmodels import ActorRef, AssignmentView, MatrixView, RoleView

Index = QModelIndex | QPersistentModelIndex

# Cells with an expectation but no agreed contribution: amber plus a "!"; the
# other cells that hold a role in the role's colour (model.palette, as printed).
LACKING_BACKGROUND = QColor(LACKING.fill)
MARK_LACKING = "!"


def role_brushes(role: RoleView) -> tuple[QBrush, QBrush]:
    """The background and text brushes of a cell that holds ``role``."""
    colour = role_colour(role.code, role.position)
    return QBrush(QColor(colour.fill)), QBrush(QColor(colour.ink))


ACTOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def wrap_header(text: str, width: int = 12) -> str:
    """Break a long role name onto lines of about ``width`` characters, so the
    columns stay narrow ("Kontakt med\nmålgruppa")."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


class RoleMatrixModel(QAbstractTableModel):
    """Cells are checkable: checking asks for the role to be given (``toggle_requested``);
    the view calls the service and refreshes the model from a new MatrixView."""

    toggle_requested = Signal(str, str)  # actor_id, role_id

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matrix: MatrixView | None = None

    # --- data in ------------------------------------------------------------------
    def set_matrix(self, matrix: MatrixView | None) -> None:
        old = self._matrix
        same_shape = (
            old is not None
            and matrix is not None
            and old.project_id == matrix.project_id
            and [a.id for a in old.actors] == [a.id for a in matrix.actors]
            and [r.id for r in old.roles] == [r.id for r in matrix.roles]
        )
        if same_shape and matrix is not None:
            # Keep the current cell and selection: only the contents changed.
            self._matrix = matrix
            self.retranslate()
            return
        self.beginResetModel()
        self._matrix = matrix
        self.endResetModel()

    def retranslate(self) -> None:
        """Every cell and header anew (role names and tool tips follow a language
        switch); the current cell and the selection stay."""
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    @property
    def matrix(self) -> MatrixView | None:
        return self._matrix

    @property
    def actors(self) -> tuple[ActorRef, ...]:
        return self._matrix.actors if self._matrix else ()

    @property
    def roles(self) -> tuple[RoleView, ...]:
        return self._matrix.roles if self._matrix else ()

    @property
    def count_column(self) -> int:
        return len(self.roles)

    def actor_row(self, actor_id: str) -> int:
        return next((i for i, a in enumerate(self.actors) if a.id == actor_id), -1)

    def role_column(self, role_id: str) -> int:
        return next((i for i, r in enumerate(self.roles) if r.id == role_id), -1)

    def cell(self, index: Index) -> tuple[ActorRef, RoleView] | None:
        """The actor and role of a role cell (None for the count column)."""
        if not index.isValid() or index.column() >= len(self.roles):
            return None
        if index.row() >= len(self.actors):
            return None
        return self.actors[index.row()], self.roles[index.column()]

    def assignment(self, index: Index) -> AssignmentView | None:
        cell = self.cell(index)
        if cell is None or self._matrix is None:
            return None
        return self._matrix.assignment(cell[0].id, cell[1].id)

    # --- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._matrix is None:
            return 0
        return len(self.roles) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() < len(self.roles):
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._matrix is None:
            return None
        if index.row() >= len(self.actors) or index.column() >= self.columnCount():
            return None
        actor = self.actors[index.row()]
        if index.column() == self.count_column:
            return self._count_data(actor, role)
        cell_role = self.roles[index.column()]
        assignment = self._matrix.assignment(actor.id, cell_role.id)
        lacking = assignment is not None and assignment.lacks_contribution
        if role == Qt.ItemDataRole.DisplayRole:
            # The check box shows the assignment; "!" marks a missing contribution.
            return MARK_LACKING if lacking else ""
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if assignment else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if assignment is None:
                return None
            if lacking:
                fill, ink = QBrush(LACKING_BACKGROUND), QBrush(QColor(LACKING.ink))
            else:
                fill, ink = role_brushes(cell_role)
            return fill if role == Qt.ItemDataRole.BackgroundRole else ink
        if role == Qt.ItemDataRole.FontRole and lacking:
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(actor, cell_role, assignment)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ACTOR_ID_ROLE:
            return actor.id
        if role == ROLE_ID_ROLE:
            return cell_role.id
        return None

    def _count_data(self, actor: ActorRef, role: int) -> Any:
        assert self._matrix is not None
        count = self._matrix.roles_per_actor.get(actor.id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return ngettext(
                "{actor} holds {count} role", "{actor} holds {count} roles", count
            ).format(actor=actor.name, count=count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and count >= MANY_ROLES:
            font = QFont()
            font.setBold(True)
            return font
        if role == ACTOR_ID_ROLE:
            return actor.id
        return None

    @staticmethod
    def _describe(actor: ActorRef, role: RoleView, assignment: AssignmentView | None) -> str:
        name = role.name.in_sentence().get(current().lang)
        if assignment is None:
            return _("{actor} does not have the role {role}").format(actor=actor.name, role=name)
        text = _("{actor} has the role {role}").format(actor=actor.name, role=name)
        if assignment.lacks_contribution:
            text += "\n" + _("Expectation set, but no agreed contribution (!)")
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        cell = self.cell(index)
        if cell is None:
            return False
        self.toggle_requested.emit(cell[0].id, cell[1].id)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._matrix is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section < 0 or section >= self.columnCount():
                return None
            if section == self.count_column:
                if role == Qt.ItemDataRole.DisplayRole:
                    return _("Roles")
                if role == Qt.ItemDataRole.ToolTipRole:
                    return _("Number of roles the actor holds")
                return None
            cell_role = self.roles[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return wrap_header(cell_role.name.get(current().lang))
            if role == Qt.ItemDataRole.ToolTipRole:
                lang = current().lang
                return _("{role} (short code {short})").format(
                    role=cell_role.name.get(lang), short=cell_role.short_in(lang)
                )
            return None
        if section < 0 or section >= len(self.actors):
            return None
        actor = self.actors[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return actor.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{actor} ({sector})").format(
                actor=actor.name, sector=_(label(Sector(actor.sector)))
            )
        return None
