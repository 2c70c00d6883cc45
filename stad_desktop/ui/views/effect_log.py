"""The effect log of one project: indicators (with baseline, target, latest value and
progress), a chart of the selected indicator, and the dated effect entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _
from stad_desktop.services import Services
from stad_desktop.services.changes import Change
from stad_desktop.services.readmodels import EntryView, IndicatorView
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.bus import ACTORS, EFFECTS, PROJECTS, DataBus
from stad_desktop.ui.dialogs.effect_dialogs import EntryDialog, IndicatorDialog
from stad_desktop.ui.models.effects import EntryTableModel, IndicatorTableModel
from stad_desktop.ui.views.base import ARCHIVE, EDIT, NEW, View
from stad_desktop.ui.widgets.effect_chart import EffectChart
from stad_desktop.ui.widgets.forms import buddy_label, set_buddy_text
from stad_desktop.ui.widgets.project_selector import ProjectSelector
from stad_desktop.ui.widgets.table import ColumnFitter, read_only_table

INDICATOR_NAME_COLUMN = 0
INDICATOR_NAME_MIN = 200
ENTRY_TEXT_COLUMN = 2
ENTRY_TEXT_MIN = 240
# The indicators and the chart: at least this high (the chart needs it), at most
# this share of the view's height unless the user drags the splitter.
UPPER_MIN_HEIGHT = 300
UPPER_MAX_SHARE = 0.55

# The chart shows no indicator yet in this load (None means "no indicator").
_NOT_CHARTED = object()


class EffectLogView(View):
    commands = frozenset({NEW, EDIT, ARCHIVE})
    search_attr = "search_combo"
    kinds = frozenset({ACTORS, PROJECTS, EFFECTS})

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, bus, undo_stack, parent)
        self.selector = ProjectSelector(services, self)
        self.search_combo = self.selector.combo
        self.selector.project_changed.connect(self._project_changed)

        self.new_indicator_action = make_action(self, "", self.new_indicator, "Ctrl+Shift+I")
        self.edit_indicator_action = make_action(self, "", self.edit_indicator, "")
        self.delete_indicator_action = make_action(self, "", self.delete_indicator, "")
        self.new_entry_action = make_action(self, "", self.new_entry, "Ctrl+Shift+E")
        self.edit_entry_action = make_action(self, "", self.edit_entry, "")
        self.delete_entry_action = make_action(self, "", self.delete_entry, "")
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.new_indicator_action)
        self.toolbar.addAction(self.new_entry_action)
        top = QHBoxLayout()
        top.addWidget(self.selector, 1)
        top.addWidget(self.toolbar)

        self.indicator_model = IndicatorTableModel(self)
        self.indicators_table = read_only_table(self, "")
        self.indicators_table.setModel(self.indicator_model)
        # The indicator's name takes the width the other columns leave.
        self.indicator_columns = ColumnFitter(
            self.indicators_table, INDICATOR_NAME_COLUMN, INDICATOR_NAME_MIN
        )
        self.indicators_table.addActions(
            [self.new_indicator_action, self.edit_indicator_action, self.delete_indicator_action]
        )
        self.indicators_table.activated.connect(lambda _index: self.edit_indicator())
        self.indicators_table.selectionModel().currentRowChanged.connect(self._indicator_changed)
        self.chart = EffectChart(self)

        self.entry_model = EntryTableModel(self)
        self.entries_table = read_only_table(self, "")
        self.entries_table.setModel(self.entry_model)
        # What was observed takes the width the other columns leave.
        self.entry_columns = ColumnFitter(self.entries_table, ENTRY_TEXT_COLUMN, ENTRY_TEXT_MIN)
        self.entries_table.addActions(
            [self.new_entry_action, self.edit_entry_action, self.delete_entry_action]
        )
        self.entries_table.activated.connect(lambda _index: self.edit_entry())
        self.entries_table.selectionModel().currentRowChanged.connect(
            lambda *_args: self._update_actions()
        )

        indicators_box = QWidget(self)
        box = QVBoxLayout(indicators_box)
        box.setContentsMargins(0, 0, 0, 0)
        self._indicators_layout = box
        self.indicators_label = buddy_label("", self.indicators_table)
        box.addWidget(self.indicators_label)
        box.addWidget(self.indicators_table)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(indicators_box)
        upper.addWidget(self.chart)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setChildrenCollapsible(False)
        upper.setSizes([800, 400])
        self.chart.setMinimumSize(360, 260)
        entries_box = QWidget(self)
        box = QVBoxLayout(entries_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.entries_label = buddy_label("", self.entries_table)
        # The entries follow the selected indicator (untick to see them all).
        self.follow = QCheckBox(self)
        self.follow.setChecked(True)
        self.follow.toggled.connect(lambda _on: self._show_entries())
        entries_bar = QHBoxLayout()
        entries_bar.addWidget(self.entries_label, 1)
        entries_bar.addWidget(self.follow)
        box.addLayout(entries_bar)
        box.addWidget(self.entries_table)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(entries_box)
        self.splitter.setChildrenCollapsible(False)
        # The indicators and the chart get the height they need (see _fit_splitter);
        # the entries, usually many more, get the rest.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([UPPER_MIN_HEIGHT, 400])
        self._splitter_moved = False
        self.splitter.splitterMoved.connect(self._splitter_dragged)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.selector.combo, self.indicators_table)
        self.setTabOrder(self.indicators_table, self.entries_table)
        self._charted: object = _NOT_CHARTED  # the indicator the chart shows
        self._update_actions()
        self.retranslate()

    def retranslate(self) -> None:
        """The texts in the current language; the project, the selected indicator and
        entry and the scroll positions stay."""
        for action, text in (
            (self.new_indicator_action, _("New &indicator…")),
            (self.edit_indicator_action, _("Edit indicator…")),
            (self.delete_indicator_action, _("Delete indicator")),
            (self.new_entry_action, _("New &entry…")),
            (self.edit_entry_action, _("Edit entry…")),
            (self.delete_entry_action, _("Delete entry")),
        ):
            retitle(action, text)
        self.indicators_table.setAccessibleName(_("Indicators"))
        self.entries_table.setAccessibleName(_("Effect entries"))
        set_buddy_text(self.indicators_label, _("&Indicators:"))
        set_buddy_text(self.entries_label, _("E&ntries:"))
        self.follow.setText(_("&Only the selected indicator"))
        self.follow.setToolTip(_("Show only the entries of the indicator selected above"))
        self.selector.retranslate()
        self.indicator_model.retranslate()
        self.entry_model.retranslate()
        self.indicator_columns.refresh()
        self.entry_columns.refresh()
        self.chart.retranslate()

    # --- View ---------------------------------------------------------------------
    @property
    def project_id(self) -> str | None:
        return self.selector.project_id()

    def _project_changed(self, project_id: str) -> None:
        self._load()
        if project_id:
            self.project_selected.emit(project_id)

    def show_project(self, project_id: str) -> None:
        with QSignalBlocker(self.selector):
            self.selector.set_project(project_id)
        self.mark_stale()

    def reload(self) -> None:
        with QSignalBlocker(self.selector):
            self.selector.reload()
        self._load()

    def enabled_commands(self) -> frozenset[str]:
        if not self.project_id:
            return frozenset()
        commands = {NEW}
        if self._focused_item() is not None:
            commands |= {EDIT, ARCHIVE}
        return frozenset(commands)

    def new_item(self) -> None:
        self.new_entry()

    def edit_item(self) -> None:
        if self._indicators_focused():
            self.edit_indicator()
        else:
            self.edit_entry()

    def archive_item(self) -> None:
        if self._indicators_focused():
            self.delete_indicator()
        else:
            self.delete_entry()

    def _indicators_focused(self) -> bool:
        return self.indicators_table.hasFocus() or (
            not self.entries_table.hasFocus() and self.current_entry() is None
        )

    def _focused_item(self) -> object | None:
        if self._indicators_focused():
            return self.current_indicator()
        return self.current_entry()

    # --- loading ------------------------------------------------------------------
    def _load(self) -> None:
        project_id = self.project_id
        keep_indicator = self.current_indicator()
        keep_entry = self.current_entry()
        effects = self.services.effects
        self._charted = _NOT_CHARTED
        self.indicator_model.set_rows(effects.indicators(project_id) if project_id else ())
        with QSignalBlocker(self.indicators_table.selectionModel()):
            self._select(
                self.indicators_table,
                self.indicator_model.row_of(keep_indicator.id) if keep_indicator else -1,
                default_first=True,
            )
        self._show_entries(keep_entry)
        self.indicator_columns.fit()
        self._fit_splitter()
        if self._charted != self.current_indicator():
            self._show_chart()  # not already drawn by the selection change above
        self._update_actions()

    def _splitter_dragged(self, _pos: int, _index: int) -> None:
        self._splitter_moved = True  # the user's choice from now on

    def _fit_splitter(self) -> None:
        """Give the indicators (and the chart beside them) the height their rows
        need, at least UPPER_MIN_HEIGHT and at most UPPER_MAX_SHARE of the view."""
        total = sum(self.splitter.sizes())
        if self._splitter_moved or total <= 0:
            return
        table = self.indicators_table
        rows = table.verticalHeader().length()
        needed = (
            self.indicators_label.sizeHint().height()
            + max(0, self._indicators_layout.spacing())
            + table.horizontalHeader().sizeHint().height()
            + rows
            + 2 * table.frameWidth()
            + table.horizontalScrollBar().sizeHint().height()
        )
        upper = max(UPPER_MIN_HEIGHT, min(needed, int(total * UPPER_MAX_SHARE)))
        self.splitter.setSizes([upper, total - upper])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_splitter()

    @staticmethod
    def _select(table: QTableView, row: int, default_first: bool = False) -> None:
        model = table.model()
        if row < 0 and default_first and model.rowCount():
            row = 0
        if row >= 0:
            table.setCurrentIndex(model.index(row, 0))
            table.selectRow(row)

    def indicators(self) -> list[IndicatorView]:
        return [self.indicator_model.row_at(i) for i in range(self.indicator_model.rowCount())]

    def current_indicator(self) -> IndicatorView | None:
        index = self.indicators_table.currentIndex()
        if not index.isValid() or index.row() >= self.indicator_model.rowCount():
            return None
        return self.indicator_model.row_at(index.row())

    def select_indicator(self, indicator_id: str) -> bool:
        row = self.indicator_model.row_of(indicator_id)
        self._select(self.indicators_table, row)
        return row >= 0

    def current_entry(self) -> EntryView | None:
        index = self.entries_table.currentIndex()
        if not index.isValid() or index.row() >= self.entry_model.rowCount():
            return None
        try:
            return self.entry_model.row_at(index.row())
        except IndexError:  # the entries changed since they were counted
            return None

    def _indicator_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_chart()
        self._show_entries()
        self._update_actions()

    def _show_entries(self, keep: EntryView | None = None) -> None:
        """The project's entries, or only the selected indicator's when following it:
        counted, sorted and filtered in SQL, and fetched a block at a time as they
        come into view."""
        keep = keep or self.current_entry()
        project_id = self.project_id
        indicator = self.current_indicator()
        following = indicator.id if self.follow.isChecked() and indicator is not None else None
        if project_id:
            effects = self.services.effects

            def page(offset: int, limit: int) -> tuple[EntryView, ...]:
                return effects.entry_page(project_id, following, offset, limit)

            def locate(entry_id: str) -> int:
                return effects.entry_position(entry_id, project_id, following)

            count = effects.entry_count(project_id, following)
            self.entry_model.set_source(count, page, locate)
        else:
            self.entry_model.set_rows(())
        self._select(self.entries_table, self.entry_model.row_of(keep.id) if keep else -1)
        self.entry_columns.fit()
        self._update_actions()

    def _show_chart(self) -> None:
        indicator = self.current_indicator()
        self._charted = indicator
        points = self.services.effects.measurement_outline(indicator.id) if indicator else ()
        self.chart.show_indicator(indicator, points)

    def _update_actions(self) -> None:
        has_project = bool(self.project_id)
        has_indicator = self.current_indicator() is not None
        has_entry = self.current_entry() is not None
        self.new_indicator_action.setEnabled(has_project)
        self.new_entry_action.setEnabled(has_project)
        self.edit_indicator_action.setEnabled(has_indicator)
        self.delete_indicator_action.setEnabled(has_indicator)
        self.edit_entry_action.setEnabled(has_entry)
        self.delete_entry_action.setEnabled(has_entry)
        self.commands_changed.emit()

    # --- actions --------------------------------------------------------------------
    def _push(self, project_id: str, change: Change[Any]) -> None:
        self.push_change(change, EFFECTS, project_id)

    def new_indicator(self) -> None:
        project_id = self.project_id
        if not project_id:
            return
        dialog = IndicatorDialog(self.services, project_id, None, self)
        self.show_dialog(dialog, lambda: self._indicator_added(project_id, dialog.result_value))

    def _indicator_added(self, project_id: str, change: Change[IndicatorView]) -> None:
        self._push(project_id, change)
        self._select(self.indicators_table, self.indicator_model.row_of(change.value.id))

    def edit_indicator(self) -> None:
        old = self.current_indicator()
        project_id = self.project_id
        if old is None or not project_id:
            return
        dialog = IndicatorDialog(self.services, project_id, old, self)
        self.show_dialog(dialog, lambda: self._push(project_id, dialog.result_value))

    def delete_indicator(self) -> None:
        indicator = self.current_indicator()
        project_id = self.project_id
        if indicator is None or not project_id:
            return
        self._push(project_id, self.services.effects.delete_indicator(indicator.id))

    def new_entry(self) -> None:
        project_id = self.project_id
        if not project_id:
            return
        indicator = self.current_indicator()
        dialog = EntryDialog(
            self.services,
            project_id,
            self.indicators(),
            None,
            indicator.id if indicator else None,
            self,
        )
        self.show_dialog(dialog, lambda: self._entry_added(project_id, dialog.result_value))

    def _entry_added(self, project_id: str, change: Change[EntryView]) -> None:
        self._push(project_id, change)
        if self.entry_model.row_of(change.value.id) < 0:
            self.follow.setChecked(False)  # an entry of another indicator: show them all
        self._select(self.entries_table, self.entry_model.row_of(change.value.id))

    def edit_entry(self) -> None:
        old = self.current_entry()
        project_id = self.project_id
        if old is None or not project_id:
            return
        dialog = EntryDialog(self.services, project_id, self.indicators(), old, None, self)
        self.show_dialog(dialog, lambda: self._push(project_id, dialog.result_value))

    def delete_entry(self) -> None:
        entry = self.current_entry()
        project_id = self.project_id
        if entry is None or not project_id:
            return
        self._push(project_id, self.services.effects.delete_entry(entry.id))
