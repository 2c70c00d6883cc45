"""A section listing input with where and when it was given: under the project
list (the input linked to the selected project) and under the actor register (the
input the selected actor gave)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from stad_desktop.language import ngettext
from stad_desktop.services.readmodels import InputInContext
from stad_desktop.ui.models.input_context import InputContextModel
from stad_desktop.ui.models.rows import Column
from stad_desktop.ui.widgets.forms import buddy_label, set_buddy_text
from stad_desktop.ui.widgets.table import ColumnFitter, read_only_table

TEXT_MIN = 240


class InputPanel(QWidget):
    """``heading`` and ``empty`` give the section's title and what it says when
    there is no input (called again on a language switch)."""

    def __init__(
        self,
        columns: tuple[Column[InputInContext], ...],
        heading: Callable[[], str],
        empty: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._heading = heading
        self._empty = empty
        self.model = InputContextModel(columns, self)
        self.table = read_only_table(self, "")
        self.table.setModel(self.model)
        self.fitter = ColumnFitter(self.table, 0, TEXT_MIN)
        self.label = buddy_label("", self.table)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.retranslate()

    def retranslate(self) -> None:
        set_buddy_text(self.label, self._heading())
        self.table.setAccessibleName(self._heading().replace("&", "").rstrip(":"))
        self.model.retranslate()
        self.fitter.refresh()
        self._show_count()

    def show_entries(self, entries: Sequence[InputInContext]) -> None:
        self.model.set_rows(entries)
        self.fitter.fit()
        self._show_count()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if not count:
            self.count.setText(self._empty())
            return
        answered = sum(1 for i in range(count) if self.model.row_at(i).item.answered)
        self.count.setText(
            ngettext(
                "{count} input item, {answered} answered",
                "{count} input items, {answered} answered",
                count,
            ).format(count=count, answered=answered)
        )
