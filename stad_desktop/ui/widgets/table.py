"""A table view for read-model lists: whole-row selection, sorting in SQL through
the header (the view re-queries; nothing is sorted in Python), Enter opens."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from stad_desktop.ui.models.rows import RowTableModel


class RecordTable(QTableView):
    """``sort_requested(key, descending)`` when a sortable header is clicked;
    ``open_requested(id)`` on Enter or double click."""

    sort_requested = Signal(str, bool)
    open_requested = Signal(str)

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:  # type: ignore[type-arg]
        super().__init__(parent)
        self.record_model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes the rest
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        # Fit columns to the visible rows and 200 more, not to all 2,000 (each asked
        # of the model); the widths are capped anyway.
        header.setResizeContentsPrecision(200)
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.activated.connect(self._on_activated)
        self._sized = False

    # --- sorting ---------------------------------------------------------------------
    def sort_key(self) -> tuple[str, bool]:
        column, order = self._sort
        return self.record_model.columns[column].key, order == Qt.SortOrder.DescendingOrder

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        if not 0 <= section < len(self.record_model.columns):
            return
        key = self.record_model.columns[section].key
        header = self.horizontalHeader()
        if not key:  # not sortable: put the indicator back
            header.blockSignals(True)
            header.setSortIndicator(*self._sort)
            header.blockSignals(False)
            return
        self._sort = (section, order)
        self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

    # --- selection -------------------------------------------------------------------
    def current_id(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return self.record_model.id_at(rows[0].row())

    def select_id(self, item_id: str | None) -> bool:
        row = self.record_model.row_of(item_id) if item_id else -1
        if row < 0:
            return False
        index = self.record_model.index(row, 0)
        self.setCurrentIndex(index)
        self.selectRow(row)
        self.scrollTo(index)
        return True

    def fit_columns(self, widths: dict[int, int] | None = None) -> None:
        """Size the columns to their contents once (on the first data)."""
        if self._sized or self.record_model.rowCount() == 0:
            return
        self._sized = True
        self.resizeColumnsToContents()
        for column, minimum in (widths or {}).items():
            if self.columnWidth(column) < minimum:
                self.setColumnWidth(column, minimum)
        for column in range(1, self.record_model.columnCount()):
            self.setColumnWidth(column, min(self.columnWidth(column) + 16, 320))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.record_model.id_at(index.row()))
