"""A table model that holds only the rows near the screen: the row count comes
from the service, and the rows are fetched in blocks when the view first asks for
one (sorted and filtered in SQL), so opening, sorting and searching a list cost
the same at 2,000 actors as at 20,000.

It has the columns, roles and lookups of :class:`RowTableModel` (it is one), so a
view switches to it by giving it a count and a page function instead of rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt

from stad_desktop.ui.models.rows import ID_ROLE, Column, Index, R, RowTableModel

# Rows fetched at a time, and blocks kept (the least recently used are let go).
BLOCK_ROWS = 80
KEPT_BLOCKS = 40

# One row as shown: (display texts, tooltips, id, archived, the row).
_Shown = tuple[tuple[str, ...], tuple[str | None, ...], str, bool, Any]
Page = Callable[[int, int], Sequence[Any]]  # (offset, limit) -> rows
Locate = Callable[[str], int]  # id -> its row, or -1
T = TypeVar("T")


class BlockCache(Generic[T]):
    """Rows held a block of ``block_rows`` at a time, fetched when first asked for;
    the least recently used blocks beyond ``KEPT_BLOCKS`` are let go."""

    def __init__(self, block_rows: int = BLOCK_ROWS) -> None:
        self.block_rows = max(1, block_rows)
        self._blocks: OrderedDict[int, list[T]] = OrderedDict()

    def get(self, row: int, fetch: Callable[[int, int], list[T]]) -> T | None:
        """Row ``row``, its block fetched through ``fetch(offset, limit)`` if not held;
        None when the block has fewer rows."""
        number, within = divmod(row, self.block_rows)
        block = self._blocks.get(number)
        if block is None:
            block = fetch(number * self.block_rows, self.block_rows)
            self._blocks[number] = block
            while len(self._blocks) > KEPT_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block[within] if within < len(block) else None

    def items(self) -> Iterator[tuple[int, list[T]]]:
        """(block number, its rows) of the blocks held."""
        return iter(self._blocks.items())

    def clear(self) -> None:
        self._blocks.clear()


class WindowedTableModel(RowTableModel[R]):
    """Rows ``0 .. count - 1`` of a sorted, filtered list, fetched a block at a time
    through ``page(offset, limit)``. Lookups by id (:meth:`row_of`) see the blocks
    fetched so far."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        block_rows: int = BLOCK_ROWS,
    ) -> None:
        super().__init__(columns, parent)
        self._blocks: BlockCache[_Shown] = BlockCache(block_rows)
        self._count = 0
        self._page: Page = lambda _offset, _limit: ()
        self._locate: Locate | None = None

    @property
    def block_rows(self) -> int:
        return self._blocks.block_rows

    @block_rows.setter
    def block_rows(self, rows: int) -> None:
        self._blocks.block_rows = max(1, rows)
        self._blocks.clear()

    # --- data in ------------------------------------------------------------------
    def set_source(self, count: int, page: Page, locate: Locate | None = None) -> None:
        """Show ``count`` rows, fetched through ``page`` when needed; ``locate``
        finds the row of an id not fetched yet (to select it)."""
        self.beginResetModel()
        self._count = max(0, count)
        self._page = page
        self._locate = locate
        self._blocks.clear()
        self.endResetModel()

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show these rows (all in hand already)."""
        kept = tuple(rows)
        ids = [str(getattr(row, "id", "")) for row in kept]

        def locate(item_id: str) -> int:
            return ids.index(item_id) if item_id in ids else -1

        self.set_source(len(kept), lambda offset, limit: kept[offset : offset + limit], locate)

    def _shown(self, row: R) -> _Shown:
        texts = tuple(c.text(row) for c in self.columns)
        # As in RowTableModel: a cell too narrow for its text elides it, and the
        # tool tip carries the whole text.
        return (
            texts,
            tuple(
                c.tooltip(row) if c.tooltip else (text or None)
                for c, text in zip(self.columns, texts, strict=True)
            ),
            str(getattr(row, "id", "")),
            bool(getattr(row, "archived", False)),
            row,
        )

    def _row(self, row: int) -> _Shown | None:
        """Row ``row`` as shown, fetching its block if needed; None when the list
        has fewer rows than counted (it changed in between: a refresh follows)."""
        return self._blocks.get(
            row, lambda offset, limit: [self._shown(item) for item in self._page(offset, limit)]
        )

    def retranslate(self) -> None:
        for _number, block in self._blocks.items():
            block[:] = [self._shown(shown[4]) for shown in block]
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._count and self.columns:
            last = self.index(self._count - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- lookups ------------------------------------------------------------------
    def row_at(self, row: int) -> R:
        shown = self._row(row)
        if shown is None:
            raise IndexError(row)
        return shown[4]  # type: ignore[no-any-return]

    def id_at(self, row: int) -> str:
        shown = self._row(row) if 0 <= row < self._count else None
        return shown[2] if shown is not None else ""

    def row_of(self, item_id: str) -> int:
        for number, block in self._blocks.items():
            for within, shown in enumerate(block):
                if shown[2] == item_id:
                    return number * self.block_rows + within
        row = self._locate(item_id) if self._locate is not None else -1
        if 0 <= row < self._count and self.id_at(row) == item_id:
            return row
        return -1

    def fetched_rows(self) -> int:
        """How many rows are held now (at most KEPT_BLOCKS blocks)."""
        return sum(len(block) for _number, block in self._blocks.items())

    # --- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        if role not in _ROLES:
            return None
        shown = self._row(index.row())
        if shown is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return shown[0][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown[1][column]
        if role == ID_ROLE:
            return shown[2]
        return self._style(role, column, shown[3])


# The roles a row's data is looked up for (the others are answered without it).
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        ID_ROLE,
    }
)
