"""A read-only table model over read-model rows, with the display strings of each
row computed once when the rows are set (``data()`` is a tuple lookup)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from stad_desktop.language import _

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    key: str  # the service's order_by key; "" when the column cannot be sorted
    title: str  # English msgid
    text: Callable[[R], str]
    numeric: bool = False
    tooltip: Callable[[R], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of a frozen dataclass with ``id`` (and optionally ``archived``)."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: tuple[R, ...] = ()
        self._display: list[tuple[str, ...]] = []
        self._tips: list[tuple[str | None, ...]] = []
        self._ids: list[str] = []
        self._archived: list[bool] = []
        self._italic = QFont()
        self._italic.setItalic(True)

    # --- data in ------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self._render()
        self._ids = [str(getattr(row, "id", "")) for row in self._rows]
        self._archived = [bool(getattr(row, "archived", False)) for row in self._rows]
        self.endResetModel()

    def _render(self) -> None:
        self._display = [tuple(c.text(row) for c in self.columns) for row in self._rows]
        # A cell too narrow for its text elides it: the tool tip carries the whole.
        self._tips = [
            tuple(
                c.tooltip(row) if c.tooltip else (text or None)
                for c, text in zip(self.columns, shown, strict=True)
            )
            for row, shown in zip(self._rows, self._display, strict=True)
        ]

    def retranslate(self) -> None:
        """The headers and every cell again in the current language (a language
        switch); the rows stay, and with them the selection and the scroll position."""
        self._render()
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows and self.columns:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- lookups ------------------------------------------------------------------
    def row_at(self, row: int) -> R:
        return self._rows[row]

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, item_id: str) -> int:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def column_of(self, key: str) -> int:
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        return -1

    # --- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[row][column]
        if role == ID_ROLE:
            return self._ids[row]
        return self._style(role, column, self._archived[row])

    def _style(self, role: int, column: int, archived: bool) -> Any:
        """Alignment, and the italic grey of an archived row."""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.columns[column].numeric else _LEFT
        if archived:
            if role == Qt.ItemDataRole.FontRole:
                return self._italic
            if role == Qt.ItemDataRole.ForegroundRole:
                app = QApplication.instance()
                if isinstance(app, QApplication):
                    return app.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.columns[section].numeric else _LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
