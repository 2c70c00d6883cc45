"""Table model over the portfolio matrix: actors (rows) x projects (columns), each
cell the short codes of the roles the actor has in that project, in the roles'
colours. A sector column comes first and a column with the number of projects each
actor takes part in last; the last row counts the actors in each project."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from stad_desktop.language import _, current
from stad_desktop.model.enums import Phase, Sector, label
from stad_desktop.model.palette import RoleColour, role_colour
from stad_desktop.services.readmodels import PortfolioView
from stad_desktop.ui.models.role_matrix import wrap_header

Index = QModelIndex | QPersistentModelIndex

PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTOR_ID_ROLE = Qt.ItemDataRole.UserRole + 2
# A cell's roles as (short code, colour) pairs, for the delegate that draws them.
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 3

# Shown in a cell where the actor takes part without a role yet.
MEMBER_MARK = "·"
SECTOR_COLUMN = 0
FIRST_PROJECT_COLUMN = 1

Chips = tuple[tuple[str, RoleColour], ...]


class PortfolioModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._view: PortfolioView | None = None
        self._names: dict[str, str] = {}
        # Display text and chips per (row, project column) of the cells that have one,
        # the longest text per column, and the totals: computed once here, so data()
        # and sizing are lookups.
        self._texts: dict[tuple[int, int], str] = {}
        self._chips: dict[tuple[int, int], Chips] = {}
        self._longest: dict[int, str] = {}
        self._per_actor: list[int] = []  # projects each actor takes part in
        self._per_project: list[int] = []  # actors in each project
        self._bold = QFont()
        self._bold.setBold(True)

    def set_portfolio(self, view: PortfolioView | None) -> None:
        self.beginResetModel()
        self._view = view
        self._fill()
        self.endResetModel()

    def _fill(self) -> None:
        """Role names, cell texts (role codes, which differ per language), their
        colours, the totals and the longest text per column, in the current language."""
        view = self._view
        lang = current().lang
        self._names = {r.id: r.name.get(lang) for r in view.roles} if view else {}
        self._texts, self._chips, self._longest = {}, {}, {}
        self._per_actor, self._per_project = [], []
        if view is None:
            return
        colours = {r.id: (r.short_in(lang), role_colour(r.code, r.position)) for r in view.roles}
        rows = {actor.id: row for row, actor in enumerate(view.actors)}
        columns = {project.id: column for column, project in enumerate(view.projects)}
        self._per_actor = [0] * len(view.actors)
        self._per_project = [0] * len(view.projects)
        for (actor_id, project_id), role_ids in view.cells.items():
            row, column = rows.get(actor_id), columns.get(project_id)
            if row is None or column is None:
                continue
            column += FIRST_PROJECT_COLUMN
            chips = tuple(colours[r] for r in role_ids if r in colours)
            text = " ".join(code for code, _colour in chips) if chips else MEMBER_MARK
            self._texts[(row, column)] = text
            self._chips[(row, column)] = chips
            self._per_actor[row] += 1
            self._per_project[column - FIRST_PROJECT_COLUMN] += 1
            if len(text) > len(self._longest.get(column, "")):
                self._longest[column] = text
        sectors = [self._sector(actor.sector) for actor in view.actors]
        self._longest[SECTOR_COLUMN] = max(sectors, key=len, default="")
        self._longest[self.total_column] = str(max(self._per_actor, default=0))

    @staticmethod
    def _sector(value: str) -> str:
        try:
            return _(label(Sector(value)))
        except ValueError:
            return value

    def retranslate(self) -> None:
        """Cells, tool tips and headers in the current language; the selection and
        the scroll position stay."""
        self._fill()
        rows, columns = self.rowCount(), self.columnCount()
        if rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)

    def longest_text(self, column: int) -> str:
        """The longest cell text in a column ("" when the column is empty)."""
        return self._longest.get(column, "")

    @property
    def portfolio(self) -> PortfolioView | None:
        return self._view

    @property
    def total_column(self) -> int:
        """The column with the number of projects each actor takes part in."""
        return FIRST_PROJECT_COLUMN + (len(self._view.projects) if self._view else 0)

    @property
    def total_row(self) -> int:
        """The row with the number of actors in each project."""
        return len(self._view.actors) if self._view else 0

    def project_column(self, project_id: str) -> int:
        view = self._view
        ids = [p.id for p in view.projects] if view else []
        return ids.index(project_id) + FIRST_PROJECT_COLUMN if project_id in ids else -1

    def project_id(self, index: Index) -> str | None:
        view = self._view
        if view is None or not index.isValid():
            return None
        column = index.column() - FIRST_PROJECT_COLUMN
        return view.projects[column].id if 0 <= column < len(view.projects) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._view is None or not self._view.actors:
            return 0
        return len(self._view.actors) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._view is None or not self._view.actors:
            return 0
        return len(self._view.projects) + 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self._view
        if view is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= self.rowCount() or column >= self.columnCount():
            return None
        if row == self.total_row or column in (SECTOR_COLUMN, self.total_column):
            return self._edge_data(row, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts.get((row, column), "")
        if role == CHIPS_ROLE:
            return self._chips.get((row, column))
        actor = view.actors[row]
        project = view.projects[column - FIRST_PROJECT_COLUMN]
        role_ids = view.cells.get((actor.id, project.id))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if role_ids is None:
                return _("{actor} is not in {project}").format(
                    actor=actor.name, project=project.name
                )
            if not role_ids:
                return _("{actor} takes part in {project} without a role").format(
                    actor=actor.name, project=project.name
                )
            roles = ", ".join(self._names.get(role_id, "?") for role_id in role_ids)
            return _("{actor} in {project}: {roles}").format(
                actor=actor.name, project=project.name, roles=roles
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == PROJECT_ID_ROLE:
            return project.id
        if role == ACTOR_ID_ROLE:
            return actor.id
        return None

    def _edge_data(self, row: int, column: int, role: int) -> Any:
        """The sector column, the totals column and the totals row."""
        view = self._view
        assert view is not None
        total_row = row == self.total_row
        if column == SECTOR_COLUMN:
            text = "" if total_row else self._sector(view.actors[row].sector)
        elif column == self.total_column:
            text = "" if total_row else str(self._per_actor[row])
        else:
            text = str(self._per_project[column - FIRST_PROJECT_COLUMN])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and text and column != SECTOR_COLUMN:
                return self._total_tip(row, column)
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole and text:
            return text if column == SECTOR_COLUMN else self._total_tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == SECTOR_COLUMN:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and column != SECTOR_COLUMN:
            return self._bold
        if role == ACTOR_ID_ROLE and not total_row:
            return view.actors[row].id
        return None

    def _total_tip(self, row: int, column: int) -> str:
        view = self._view
        assert view is not None
        if column == self.total_column:
            return _("{actor} takes part in {count} of the projects shown").format(
                actor=view.actors[row].name, count=self._per_actor[row]
            )
        project = view.projects[column - FIRST_PROJECT_COLUMN]
        return _("{count} of the actors shown take part in {project}").format(
            count=self._per_project[column - FIRST_PROJECT_COLUMN], project=project.name
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        view = self._view
        if view is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            if section in (SECTOR_COLUMN, self.total_column):
                if role == Qt.ItemDataRole.DisplayRole:
                    return _("Sector") if section == SECTOR_COLUMN else _("Projects")
                if role == Qt.ItemDataRole.ToolTipRole and section == self.total_column:
                    return _("Number of projects the actor takes part in")
                return None
            project = view.projects[section - FIRST_PROJECT_COLUMN]
            if role == Qt.ItemDataRole.DisplayRole:
                return wrap_header(project.name, 18)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("{project} ({phase})").format(
                    project=project.name, phase=_(label(Phase(project.phase)))
                )
            return None
        if not 0 <= section < self.rowCount():
            return None
        if section == self.total_row:
            if role == Qt.ItemDataRole.DisplayRole:
                return _("Actors per project")
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        actor = view.actors[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return actor.name
        if role == Qt.ItemDataRole.ToolTipRole:
            sector = self._sector(actor.sector)
            return _("{actor} ({sector})").format(actor=actor.name, sector=sector)
        return None
