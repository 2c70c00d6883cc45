"""A table view for read-model lists: whole-row selection, sorting in SQL through
the header (the view re-queries; nothing is sorted in Python), Enter opens. And
the column fitting it shares with the effect log's tables."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from stad_desktop.ui.models.rows import RowTableModel

# The column that stretches (the name, the text) never gets less than its minimum
# (FIRST_COLUMN_MIN in the lists); the others are sized to their contents, at most
# OTHER_COLUMN_MAX, and shrink (widest first, down to OTHER_COLUMN_MIN) when the
# view is too narrow for them all.
FIRST_COLUMN_MIN = 220
OTHER_COLUMN_MAX = 320
OTHER_COLUMN_MIN = 72
# Room beside a column's widest text.
COLUMN_PADDING = 16


def shrink_to_fit(widths: list[int], budget: int, floor: int) -> list[int]:
    """``widths`` capped at one common width so that they sum to at most
    ``budget``: the widest give way first, none below ``floor`` (nor above its own
    width). When even that is too wide, the sum is more than ``budget``."""
    if sum(widths) <= budget:
        return list(widths)
    low, high = floor, max(widths)
    while low < high:  # the largest cap that fits
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in widths) <= budget:
            low = cap
        else:
            high = cap - 1
    return [min(w, low) for w in widths]


def spread_to_fit(widths: list[int], budget: int, floor: int, most: int) -> list[int]:
    """``widths`` fitted to ``budget``: with room to spare, each column widened
    evenly (to at most ``most``), so a wide screen has no empty band beside the
    table; without, narrowed as :func:`shrink_to_fit` does."""
    total = sum(widths)
    if total >= budget or not widths:
        return shrink_to_fit(widths, budget, floor)
    fitted = list(widths)
    spare = budget - total
    while spare > 0:
        growing = [i for i, w in enumerate(fitted) if w < most]
        if not growing:
            break
        share = max(1, spare // len(growing))
        for i in growing:
            step = min(share, most - fitted[i], spare)
            fitted[i] += step
            spare -= step
            if spare <= 0:
                break
    return fitted


# Rows (besides the visible ones) a column is measured on when fitted to its contents.
SAMPLE_ROWS = 40


def fit_to_sample(table: QTableView) -> None:
    """Fit columns to the visible rows and SAMPLE_ROWS more, not to all 20,000 (each
    asked of the model, fetching every block of a windowed one); the widths are
    capped anyway. A column's width is measured over rows, so it is the vertical
    header's precision that counts."""
    table.verticalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
    table.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)


class ColumnFitter(QObject):
    """Keeps a table's columns within its width: column ``stretch`` takes what the
    others leave, but at least ``stretch_min`` pixels; the others are sized to their
    contents and, when the view is too narrow, the widest of them give way first.
    Refitted when the view is resized, until the user resizes a column by hand.
    If even the narrowest widths do not fit, the columns keep their content widths
    and the table scrolls sideways."""

    def __init__(self, table: QTableView, stretch: int, stretch_min: int) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.stretch_min = stretch_min
        self._natural: dict[int, int] = {}  # column -> content width (not `stretch`)
        self._fitting = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._section_resized)
        table.installEventFilter(self)

    def fit(self, minimums: Mapping[int, int] | None = None) -> None:
        """Measure the contents (``minimums``: column -> pixels) and fit the view."""
        table = self.table
        header = table.horizontalHeader()
        self._fitting = True
        try:
            table.resizeColumnsToContents()
        finally:
            self._fitting = False
        minimums = minimums or {}
        self._natural = {
            column: min(
                max(header.sectionSize(column) + COLUMN_PADDING, minimums.get(column, 0)),
                OTHER_COLUMN_MAX,
            )
            for column in range(table.model().columnCount())
            if column != self.stretch and not header.isSectionHidden(column)
        }
        self.refit()

    def refresh(self) -> None:
        """Measure again (e.g. the texts are in another language now), unless the
        user has sized a column by hand."""
        if self._natural:
            self.fit()

    def available_width(self) -> int:
        """The viewport's width, less a vertical scroll bar that may yet appear."""
        width = self.table.viewport().width()
        bar = self.table.verticalScrollBar()
        if not bar.isVisible():
            width -= bar.sizeHint().width()
        return width

    def refit(self) -> None:
        if not self._natural:
            return
        header = self.table.horizontalHeader()
        budget = self.available_width() - self.stretch_min
        natural = list(self._natural.values())
        fitted = shrink_to_fit(natural, budget, OTHER_COLUMN_MIN)
        too_narrow = sum(fitted) > budget
        if too_narrow:  # the table scrolls anyway: no column cut for nothing
            fitted = natural
        self._fitting = True
        try:
            for column, width in zip(self._natural, fitted, strict=True):
                header.resizeSection(column, width)
            if too_narrow:  # the stretching column keeps its minimum
                header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(self.stretch, self.stretch_min)
            else:
                header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in self._natural:
            self._natural = {}  # the user sized a column: leave the widths alone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize and self._natural:
            assert isinstance(event, QResizeEvent)
            if event.oldSize().width() != event.size().width():
                self.refit()
        return False


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
        header.setHighlightSections(False)
        fit_to_sample(self)
        # The name (first column) takes the rest, but never less than 220 px.
        self.fitter = ColumnFitter(self, 0, FIRST_COLUMN_MIN)
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
        """Size the columns to their contents once (on the first data), then keep
        them fitted to the view (see :class:`ColumnFitter`); ``widths`` are minimums."""
        if self._sized or self.record_model.rowCount() == 0:
            return
        self._sized = True
        self.fitter.fit(widths)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.record_model.id_at(index.row()))


def read_only_table(parent: QWidget, name: str) -> QTableView:
    """A plain table of whole rows that are read, not edited in place (effect log,
    meetings): one row selected at a time, no editing, Tab leaves the table, the
    columns fitted to a sample of rows (a busy project has thousands)."""
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    fit_to_sample(table)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return table
