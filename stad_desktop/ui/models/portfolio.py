"""Table model over the portfolio matrix: actors (rows) x projects (columns), each
cell the short codes of the roles the actor has in that project."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from stad_desktop.language import _, current
from stad_desktop.model.enums import Phase, Sector, label
from stad_desktop.services.readmodels import PortfolioView
from stad_desktop.ui.models.role_matrix import wrap_header

Index = QModelIndex | QPersistentModelIndex

PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTOR_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Shown in a cell where the actor takes part without a role yet.
MEMBER_MARK = "·"


class PortfolioModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._view: PortfolioView | None = None
        self._names: dict[str, str] = {}
        # Display text per (row, column) of the cells that have one, and the longest
        # text per column: computed once here, so data() and sizing are lookups.
        self._texts: dict[tuple[int, int], str] = {}
        self._longest: dict[int, str] = {}

    def set_portfolio(self, view: PortfolioView | None) -> None:
        self.beginResetModel()
        self._view = view
        lang = current().lang
        self._names = {r.id: r.name.get(lang) for r in view.roles} if view else {}
        self._texts = {}
        self._longest = {}
        if view is not None:
            rows = {actor.id: row for row, actor in enumerate(view.actors)}
            columns = {project.id: column for column, project in enumerate(view.projects)}
            for actor_id, project_id in view.cells:
                row, column = rows.get(actor_id), columns.get(project_id)
                if row is None or column is None:
                    continue
                codes = view.codes(actor_id, project_id, lang) or ()
                text = " ".join(codes) if codes else MEMBER_MARK
                self._texts[(row, column)] = text
                if len(text) > len(self._longest.get(column, "")):
                    self._longest[column] = text
        self.endResetModel()

    def longest_text(self, column: int) -> str:
        """The longest cell text in a column ("" when the column is empty)."""
        return self._longest.get(column, "")

    @property
    def portfolio(self) -> PortfolioView | None:
        return self._view

    def project_id(self, index: Index) -> str | None:
        if self._view is None or not index.isValid():
            return None
        return self._view.projects[index.column()].id

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._view is None else len(self._view.actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._view is None else len(self._view.projects)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self._view
        if view is None or not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts.get((index.row(), index.column()), "")
        if index.row() >= len(view.actors) or index.column() >= len(view.projects):
            return None
        actor = view.actors[index.row()]
        project = view.projects[index.column()]
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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        view = self._view
        if view is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(view.projects):
                return None
            project = view.projects[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return wrap_header(project.name, 18)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("{project} ({phase})").format(
                    project=project.name, phase=_(label(Phase(project.phase)))
                )
            return None
        if not 0 <= section < len(view.actors):
            return None
        actor = view.actors[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return actor.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{actor} ({sector})").format(
                actor=actor.name, sector=_(label(Sector(actor.sector)))
            )
        return None
