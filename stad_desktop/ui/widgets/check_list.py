"""A searchable list of names to tick (meeting participants, an input item's
projects). One item model and a filter proxy, so it stays quick with thousands of
actors; beneath the list, the names already ticked (also those filtered away)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QLabel, QListView, QVBoxLayout, QWidget

from stad_desktop.language import _, ngettext
from stad_desktop.textkeys import fold

ID_ROLE = Qt.ItemDataRole.UserRole
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_NAMES = 12  # names written out in the summary; the rest are counted

Index = QModelIndex | QPersistentModelIndex


class _Filter(QSortFilterProxyModel):
    """Rows whose name holds the typed text (case folded), optionally only the
    ticked ones."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.needle = ""
        self.only_checked = False

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self.only_checked and index.data(Qt.ItemDataRole.CheckStateRole) != (
            Qt.CheckState.Checked.value
        ):
            return False
        return not self.needle or self.needle in str(index.data(FOLDED_ROLE))

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange()


class CheckList(QWidget):
    """``set_items`` fills it, ``set_checked``/``checked_ids`` read and write the
    ticks, ``set_filter`` narrows it (connect a search field to it)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(120)
        self.only_checked = QCheckBox(self)
        self.only_checked.toggled.connect(self._only_checked)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.only_checked)
        layout.addWidget(self.summary)
        self.setFocusProxy(self.view)
        self._bulk = False
        self.model.itemChanged.connect(lambda _item: self._ticks_changed())
        self.retranslate()

    def retranslate(self) -> None:
        self.only_checked.setText(_("Show only the ticked ones"))
        self._show_summary()

    # --- contents ---------------------------------------------------------------------
    def set_items(self, items: Iterable[tuple[str, str]]) -> None:
        """The rows: (id, name) pairs, in the order shown."""
        self._bulk = True
        try:
            model = QStandardItemModel(self)
            for item_id, name in items:
                model.appendRow(_item(item_id, name))
            old, self.model = self.model, model
            self.proxy.setSourceModel(model)
            model.itemChanged.connect(lambda _item: self._ticks_changed())
            old.deleteLater()
        finally:
            self._bulk = False
        self._show_summary()

    def _append(self, item_id: str, name: str) -> QStandardItem:
        item = _item(item_id, name)
        self.model.appendRow(item)
        return item

    def _items(self) -> Iterable[QStandardItem]:
        for row in range(self.model.rowCount()):
            yield self.model.item(row)

    def set_checked(self, checked: Sequence[tuple[str, str]]) -> None:
        """Tick exactly these (id, name) pairs; one not in the list (an archived
        actor or project) is added, so it is kept and not silently dropped."""
        wanted = dict(checked)
        self._bulk = True
        try:
            for item in self._items():
                item_id = item.data(ID_ROLE)
                state = Qt.CheckState.Checked if item_id in wanted else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
                wanted.pop(item_id, None)
            for item_id, name in wanted.items():
                self._append(item_id, name).setCheckState(Qt.CheckState.Checked)
        finally:
            self._bulk = False
        self.proxy.refilter()
        self._show_summary()

    def checked_ids(self) -> list[str]:
        return [str(item.data(ID_ROLE)) for item in self._checked()]

    def _checked(self) -> list[QStandardItem]:
        return [item for item in self._items() if item.checkState() == Qt.CheckState.Checked]

    def check_name(self, name: str, checked: bool = True) -> None:
        """Tick (or untick) the row with this name (for tests and scripts)."""
        for item in self.model.findItems(name, Qt.MatchFlag.MatchExactly):
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # --- filtering --------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        self.proxy.needle = fold(" ".join(text.split()))
        self.proxy.refilter()
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def visible_names(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data()) for r in range(self.proxy.rowCount())]

    def _only_checked(self, on: bool) -> None:
        self.proxy.only_checked = on
        self.proxy.refilter()

    def _ticks_changed(self) -> None:
        if self._bulk:
            return
        if self.proxy.only_checked:
            self.proxy.refilter()
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        names = [item.text() for item in self._checked()]
        if not names:
            self.summary.setText(_("None ticked."))
            return
        shown = ", ".join(names[:SUMMARY_NAMES])
        if len(names) > SUMMARY_NAMES:
            more = len(names) - SUMMARY_NAMES
            shown += " " + _("and {count} more").format(count=more)
        self.summary.setText(
            ngettext("{count} ticked: {names}", "{count} ticked: {names}", len(names)).format(
                count=len(names), names=shown
            )
        )


def _item(item_id: str, name: str) -> QStandardItem:
    item = QStandardItem(name)
    item.setData(item_id, ID_ROLE)
    item.setData(fold(name), FOLDED_ROLE)
    item.setEditable(False)
    item.setCheckable(True)
    item.setCheckState(Qt.CheckState.Unchecked)
    return item
