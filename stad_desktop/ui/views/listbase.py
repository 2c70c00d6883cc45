"""Shared frame of the list views (actors, projects): a search field that filters
as you type, one filter combo, "Show archived", the buttons and the table.

The texts are set in ``retranslate`` (again on a language switch); a subclass
calls it at the end of its constructor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.models.rows import RowTableModel
from stad_desktop.ui.models.windowed import Locate, Page, WindowedTableModel
from stad_desktop.ui.views.base import ARCHIVE, EDIT, NEW, SEARCH, View
from stad_desktop.ui.widgets.forms import buddy_label, set_buddy_text
from stad_desktop.ui.widgets.search_tools import NoMatchNotice, clear_on_escape
from stad_desktop.ui.widgets.table import RecordTable

if TYPE_CHECKING:
    from stad_desktop.services import Services
    from stad_desktop.services.changes import Change

# The search runs as soon as the event loop is idle after a keystroke (0 ms): keys
# typed or pasted faster than a query still coalesce into one, but the table never
# waits on a timer. A search at 2,000 actors takes about 20 ms.
SEARCH_DELAY_MS = 0


class ListView(View):
    """Subclasses set the model, the filter choices (English msgids, translated
    where shown) and implement ``fetch``, ``open_item``, ``new_item`` and
    ``archive_ids``."""

    commands = frozenset({NEW, EDIT, ARCHIVE, SEARCH})
    search_attr = "search"
    kind = ""  # bus kind announced after a change

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        model: RowTableModel,  # type: ignore[type-arg]
        filter_label: str,
        filter_all: str,
        filter_choices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, bus, undo_stack, parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        self.filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter.setMinimumContentsLength(8)
        self._filter_texts = (filter_label, filter_all, *(text for _v, text in filter_choices))
        self.filter.addItem("", "")
        for value, _text in filter_choices:
            self.filter.addItem("", value)
        self.show_archived = QCheckBox()
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.archive_button = QPushButton()
        self.table = RecordTable(model)
        self.count_label = QLabel()
        self.no_match = NoMatchNotice(self.no_match_text, self)
        self.no_match.clear_requested.connect(self.clear_search)
        clear_on_escape(self.search)
        self.search_label = buddy_label("", self.search)
        self.filter_label = buddy_label("", self.filter)

        self.button_bar = bar = QHBoxLayout()
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.show_archived)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.archive_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        upper = QWidget(self.splitter)
        box = QVBoxLayout(upper)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addWidget(self.no_match)
        box.addWidget(self.count_label)
        self.splitter.addWidget(upper)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        for first, second in (
            (self.search, self.filter),
            (self.filter, self.show_archived),
            (self.show_archived, self.new_button),
            (self.new_button, self.edit_button),
            (self.edit_button, self.archive_button),
            (self.archive_button, self.table),
        ):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.table)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.table.sort_requested.connect(lambda _k, _d: self.refresh())
        self.table.open_requested.connect(self.open_item)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.archive_button.clicked.connect(self.archive_item)
        self._select_next: str | None = None
        self._has_detail = False
        self._selection_changed()

    def retranslate(self) -> None:
        """Set every text in the current language, keeping the rows, the selection,
        the filter and the scroll position (called again on a language switch)."""
        filter_label, *choices = self._filter_texts
        set_buddy_text(self.search_label, _("&Search"))
        set_buddy_text(self.filter_label, _(filter_label))
        for index, text in enumerate(choices):
            self.filter.setItemText(index, _(text))
        self.search.setPlaceholderText(self.search_placeholder())
        self.show_archived.setText(_("Show &archived"))
        self.new_button.setText(_("&New…"))
        self.edit_button.setText(_("E&dit…"))
        self._set_archive_text()
        self.table.setAccessibleName(self.table_name())
        self.model.retranslate()
        self.table.fitter.refresh()
        if self.count_label.text():  # loaded once
            self.count_label.setText(self.count_text(self.model.rowCount()))

    # --- to implement ------------------------------------------------------------------
    def table_name(self) -> str:
        return ""

    def search_placeholder(self) -> str:
        return _("Name, village, …")

    def fetch(
        self, query: str, filter_value: str | None, archived: bool, order_by: str, desc: bool
    ) -> Sequence[object]:
        raise NotImplementedError

    def fetch_window(
        self, query: str, filter_value: str | None, archived: bool, order_by: str, desc: bool
    ) -> tuple[int, Page, Locate] | None:
        """For a view over a :class:`WindowedTableModel`: the number of rows, the
        function that fetches a page of them and the one that finds an id's row;
        None (the default) lists every row through :meth:`fetch`."""
        return None

    def count_text(self, count: int) -> str:
        return str(count)

    def no_match_text(self, query: str) -> str:
        """What an empty result says ("No actors match «x»."). Override."""
        return _("Nothing matches «{text}».").format(text=query)

    def open_item(self, item_id: str) -> None:
        raise NotImplementedError

    def is_archived(self, item_id: str) -> bool:
        row = self.model.row_of(item_id)
        return row >= 0 and bool(getattr(self.model.row_at(row), "archived", False))

    def set_archived(self, item_id: str, archived: bool) -> Change[Any]:
        raise NotImplementedError

    # --- refreshing ------------------------------------------------------------------
    def reload(self) -> None:
        self._search_timer.stop()
        keep = self._select_next or self.table.current_id()
        self._select_next = None
        order_by, desc = self.table.sort_key()
        asked = (
            self.search.text(),
            self.filter.currentData() or None,
            self.show_archived.isChecked(),
            order_by,
            desc,
        )
        window = self.fetch_window(*asked)
        if window is not None and isinstance(self.model, WindowedTableModel):
            count = window[0]
            self.model.set_source(*window)
        else:
            rows = self.fetch(*asked)
            count = len(rows)
            self.model.set_rows(rows)
        self.table.fit_columns()
        self.count_label.setText(self.count_text(count))
        self.no_match.show_for(self.search.text(), bool(count))
        if not self.table.select_id(keep) and count and self.table.hasFocus():
            self.table.selectRow(0)
        self._selection_changed()

    def _search_now(self) -> None:
        self.refresh()
        if self.model.rowCount():
            self.table.setFocus()
            if self.table.current_id() is None:
                self.table.selectRow(0)

    def _selection_changed(self, *_args: object) -> None:
        current = self.table.current_id()
        self.edit_button.setEnabled(current is not None)
        self.archive_button.setEnabled(current is not None)
        self._set_archive_text()
        if current is not None:
            self.project_selected_hook(current)
        if self._has_detail:
            self.show_detail(current)
        self.commands_changed.emit()

    def _set_archive_text(self) -> None:
        current = self.table.current_id()
        if current is not None and self.is_archived(current):
            self.archive_button.setText(_("Restore"))
        else:
            self.archive_button.setText(_("Archive"))

    def project_selected_hook(self, item_id: str) -> None:
        """Called with the selected id (the projects view announces it)."""

    def show_detail(self, item_id: str | None) -> None:
        """Show what the detail widget says about the selected row (None: none)."""

    def add_detail(self, widget: QWidget) -> None:
        """Show ``widget`` under the list (about a third of the height), to show
        more about the selected row."""
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self._has_detail = True

    # --- commands ----------------------------------------------------------------------
    def enabled_commands(self) -> frozenset[str]:
        if self.table.current_id() is None:
            return frozenset({NEW, SEARCH})
        return self.commands

    def show_item(self, item_id: str, filter_value: str | None = None) -> None:
        """Show ``item_id`` selected (the search cleared and the filter set to
        ``filter_value`` or to all, so that it is in the list)."""
        with QSignalBlocker(self.search), QSignalBlocker(self.filter):
            self.search.clear()
            self.filter.setCurrentIndex(max(0, self.filter.findData(filter_value or "")))
        if item_id and not self.show_archived.isChecked() and self.is_archived(item_id):
            self.show_archived.setChecked(True)
        self._select_next = item_id or None
        self.refresh()
        self.table.setFocus()

    def clear_search(self) -> None:
        """Empty the search field (the list shows everything again) and go to it."""
        self.search.clear()
        self.refresh()
        self.search.setFocus()

    def edit_item(self) -> None:
        current = self.table.current_id()
        if current is not None:
            self.open_item(current)

    def archive_item(self) -> None:
        """Archive the selected item (or restore it when it is archived); undoable."""
        current = self.table.current_id()
        if current is None:
            return
        change = self.set_archived(current, not self.is_archived(current))
        self.push_change(change, self.kind, current)
        # What was done, in words ("Arkivert: Heimebasert omsorg 2030"), not the
        # command's name.
        value = change.value
        name = getattr(value, "name", "")
        done = _("Archived: {name}") if getattr(value, "archived", False) else _("Restored: {name}")
        self.message.emit(done.format(name=name))

    def announce(self, kind: str, item_id: str = "") -> None:
        """After a change (and its undo or redo), the changed item is selected."""
        self._select_next = item_id or None
        super().announce(kind, item_id)
