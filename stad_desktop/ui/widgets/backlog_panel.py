"""The answer backlog in the Meetings view: input that has had no answer for more
than N weeks (6 unless changed), overall and per village. A click on an entry
opens it in its meeting."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from stad_desktop.language import _, ngettext
from stad_desktop.services.readmodels import BacklogSummary, InputInContext
from stad_desktop.ui.models.input_context import BACKLOG_COLUMNS
from stad_desktop.ui.models.windowed import WindowedTableModel
from stad_desktop.ui.widgets.forms import buddy_label, set_buddy_text
from stad_desktop.ui.widgets.table import ColumnFitter, read_only_table

if TYPE_CHECKING:
    from stad_desktop.services.meetings import MeetingService

DEFAULT_WEEKS = 6
TEXT_MIN = 160


# (spellings of one village or None for all, offset, limit) -> a page of the backlog
BacklogPage = Callable[[Sequence[str] | None, int, int], Sequence[InputInContext]]


class BacklogPanel(QWidget):
    """``open_input(meeting_id, input_id)`` when an entry is clicked or chosen with
    Enter; ``weeks_changed(weeks)`` when the number of weeks is changed."""

    open_input = Signal(str, str)
    weeks_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backlog: BacklogSummary | None = None
        self._page: BacklogPage = lambda _spellings, _offset, _limit: ()
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 520)
        self.weeks.setValue(DEFAULT_WEEKS)
        self.weeks.valueChanged.connect(self.weeks_changed)
        self.weeks_label = buddy_label("", self.weeks)
        self.village = QComboBox(self)
        self.village.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.village.currentIndexChanged.connect(lambda _i: self._show_items())
        self.village_label = buddy_label("", self.village)
        # Only the rows on screen are fetched (a county has tens of thousands waiting).
        self.model: WindowedTableModel[InputInContext] = WindowedTableModel(BACKLOG_COLUMNS, self)
        self.table = read_only_table(self, "")
        self.table.setModel(self.model)
        self.fitter = ColumnFitter(self.table, 0, TEXT_MIN)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.weeks_label)
        row.addWidget(self.weeks)
        row.addSpacing(8)
        row.addWidget(self.village_label)
        row.addWidget(self.village, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Waiting for an answer"))
        set_buddy_text(self.weeks_label, _("No answer after (wee&ks):"))
        set_buddy_text(self.village_label, _("Villa&ge:"))
        self.table.setAccessibleName(_("Input waiting for an answer"))
        self.model.retranslate()
        self.fitter.refresh()
        if self._backlog is not None:
            self.show_backlog(self._backlog, self._page)

    def load(self, meetings: MeetingService) -> None:
        """Count the backlog of the weeks chosen and show it, its items fetched a
        page at a time from ``meetings``."""
        weeks = self.weeks.value()
        self.show_backlog(meetings.backlog_summary(weeks), partial(meetings.backlog_page, weeks))

    def show_backlog(self, backlog: BacklogSummary, page: BacklogPage) -> None:
        """Show the backlog counted in ``backlog``, its items fetched a page at a time
        through ``page``, keeping the village chosen when it is still there."""
        self._backlog = backlog
        self._page = page
        keep = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(_("All villages ({count})").format(count=backlog.total), None)
        for entry in backlog.villages:
            name = entry.village or _("(no village)")
            self.village.addItem(f"{name} ({entry.count})", entry.key)
        index = self.village.findData(keep) if keep is not None else 0
        self.village.setCurrentIndex(max(0, index))
        self.village.blockSignals(False)
        self._show_items()

    def _show_items(self) -> None:
        backlog = self._backlog
        if backlog is None:
            return
        key = self.village.currentData()
        chosen = next((v for v in backlog.villages if v.key == key), None)
        spellings = chosen.spellings if chosen is not None else None
        count = chosen.count if chosen is not None else backlog.total
        page = self._page
        self.model.set_source(count, lambda offset, limit: page(spellings, offset, limit))
        self.fitter.fit()
        if not backlog.total:
            self.summary.setText(_("No input is waiting for an answer."))
            return
        self.summary.setText(
            ngettext(
                "{count} item without an answer", "{count} items without an answer", backlog.total
            ).format(count=backlog.total)
        )

    def entries(self) -> list[InputInContext]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            entry = self.model.row_at(index.row())
            self.open_input.emit(entry.item.meeting_id, entry.item.id)
