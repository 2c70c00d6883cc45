"""Meetings (public, village and work meetings) and the input collected there:
the meetings newest first, filterable by project; the selected meeting's
participants and minutes; and its input items with their status and answer."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.format import format_date
from stad_desktop.language import _, current
from stad_desktop.model.enums import InputStatus, label
from stad_desktop.services import InputData, Services
from stad_desktop.services.changes import Change
from stad_desktop.services.readmodels import InputItemView, MeetingView
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.bus import ACTORS, MEETINGS, PROJECTS, DataBus
from stad_desktop.ui.dialogs.meeting_dialogs import InputDialog, MeetingDialog
from stad_desktop.ui.models.meetings import (
    INPUT_TEXT_COLUMN,
    MEETING_TITLE_COLUMN,
    InputRow,
    InputTableModel,
    MeetingTableModel,
    input_rows,
    kind_text,
)
from stad_desktop.ui.views.base import ARCHIVE, EDIT, NEW, View
from stad_desktop.ui.widgets.backlog_panel import BacklogPanel
from stad_desktop.ui.widgets.forms import buddy_label, set_buddy_text
from stad_desktop.ui.widgets.quick_input import Choices, QuickInputBar
from stad_desktop.ui.widgets.search_tools import SearchCombo
from stad_desktop.ui.widgets.table import ColumnFitter, read_only_table

TITLE_MIN = 220
INPUT_TEXT_MIN = 240


class MeetingsView(View):
    commands = frozenset({NEW, EDIT, ARCHIVE})
    kinds = frozenset({ACTORS, PROJECTS, MEETINGS})
    search_attr = "project_filter"

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, bus, undo_stack, parent)
        # --- the project filter and the toolbar
        self.project_filter = SearchCombo(self)
        self.project_filter.currentIndexChanged.connect(lambda _index: self._load())
        self.new_meeting_action = make_action(self, "", self.new_meeting, "")
        self.edit_meeting_action = make_action(self, "", self.edit_meeting, "")
        self.delete_meeting_action = make_action(self, "", self.delete_meeting, "")
        self.new_input_action = make_action(self, "", self.new_input, "Ctrl+Shift+I")
        self.edit_input_action = make_action(self, "", self.edit_input, "")
        self.delete_input_action = make_action(self, "", self.delete_input, "")
        self.status_menu = QMenu(self)
        self.status_group = QActionGroup(self)
        self.status_actions: dict[str, QAction] = {}
        for status in InputStatus:
            action = make_action(self, "", partial(self.set_status, status.value), checkable=True)
            self.status_group.addAction(action)
            self.status_menu.addAction(action)
            self.status_actions[status.value] = action
        self.status_action = self.status_menu.menuAction()
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.new_meeting_action)
        self.toolbar.addAction(self.new_input_action)
        self.toolbar.addAction(self.status_action)
        button = self.toolbar.widgetForAction(self.status_action)
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        top = QHBoxLayout()
        self.project_label = buddy_label("", self.project_filter)
        top.addWidget(self.project_label)
        top.addWidget(self.project_filter, 1)
        top.addWidget(self.project_filter.notice, 1)
        top.addWidget(self.toolbar)

        # --- the meetings
        self.meeting_model = MeetingTableModel(self)
        self.meetings_table = read_only_table(self, "")
        self.meetings_table.setModel(self.meeting_model)
        self.meeting_columns = ColumnFitter(self.meetings_table, MEETING_TITLE_COLUMN, TITLE_MIN)
        self.meetings_table.addActions(
            [
                self.new_meeting_action,
                self.edit_meeting_action,
                self.new_input_action,
                self.delete_meeting_action,
            ]
        )
        self.meetings_table.activated.connect(lambda _index: self.edit_meeting())
        self.meetings_table.selectionModel().currentRowChanged.connect(
            lambda *_args: self._show_meeting()
        )
        meetings_box = QWidget(self)
        box = QVBoxLayout(meetings_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.meetings_label = buddy_label("", self.meetings_table)
        box.addWidget(self.meetings_label)
        box.addWidget(self.meetings_table)
        self.backlog = BacklogPanel(self)
        self.backlog.open_input.connect(self.open_input)
        self.backlog.weeks_changed.connect(lambda _weeks: self._load_backlog())
        self.upper = QSplitter(Qt.Orientation.Horizontal, self)
        self.upper.addWidget(meetings_box)
        self.upper.addWidget(self.backlog)
        self.upper.setStretchFactor(0, 3)
        self.upper.setStretchFactor(1, 2)
        self.upper.setChildrenCollapsible(False)
        self.upper.setSizes([800, 480])

        # --- the selected meeting
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.participants = QLabel(self)
        self.participants.setTextFormat(Qt.TextFormat.PlainText)
        self.participants.setWordWrap(True)
        self.participants.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.minutes = QPlainTextEdit(self)
        self.minutes.setReadOnly(True)
        self.minutes.setTabChangesFocus(True)
        details = QWidget(self)
        box = QVBoxLayout(details)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        self.participants_label = QLabel(self)
        box.addWidget(self.participants_label)
        box.addWidget(self.participants)
        self.minutes_label = buddy_label("", self.minutes)
        box.addWidget(self.minutes_label)
        box.addWidget(self.minutes, 1)

        self.input_model = InputTableModel(self)
        self.inputs_table = read_only_table(self, "")
        self.inputs_table.setModel(self.input_model)
        self.input_columns = ColumnFitter(self.inputs_table, INPUT_TEXT_COLUMN, INPUT_TEXT_MIN)
        self.inputs_table.addActions(
            [
                self.new_input_action,
                self.edit_input_action,
                self.status_action,
                self.delete_input_action,
            ]
        )
        self.inputs_table.activated.connect(lambda _index: self.edit_input())
        self.inputs_table.selectionModel().currentRowChanged.connect(
            lambda *_args: self._update_actions()
        )
        inputs_box = QWidget(self)
        box = QVBoxLayout(inputs_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.inputs_label = buddy_label("", self.inputs_table)
        box.addWidget(self.inputs_label)
        box.addWidget(self.inputs_table, 1)
        self.quick = QuickInputBar(self._store_quick, self)
        box.addWidget(self.quick)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(details)
        lower.addWidget(inputs_box)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 2)
        lower.setChildrenCollapsible(False)
        lower.setSizes([320, 900])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.upper)
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([200, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.project_filter, self.meetings_table)
        self.setTabOrder(self.meetings_table, self.minutes)
        self.setTabOrder(self.minutes, self.inputs_table)
        self.setTabOrder(self.inputs_table, self.quick.text)
        self.quick.chain_tab_order()
        self._update_actions()
        self.retranslate()

    def retranslate(self) -> None:
        """The texts in the current language; the filter, the selected meeting and
        input and the scroll positions stay."""
        for action, text in (
            (self.new_meeting_action, _("New &meeting…")),
            (self.edit_meeting_action, _("Edit meeting…")),
            (self.delete_meeting_action, _("Delete meeting")),
            (self.new_input_action, _("New &input…")),
            (self.edit_input_action, _("Edit input…")),
            (self.delete_input_action, _("Delete input")),
        ):
            retitle(action, text)
        self.status_menu.setTitle(_("Set &status"))
        for status in InputStatus:
            self.status_actions[status.value].setText(_(label(status)))
        set_buddy_text(self.project_label, _("&Project:"))
        if self.project_filter.count():
            self.project_filter.setItemText(0, _("(all projects)"))
        self.meetings_table.setAccessibleName(_("Meetings"))
        set_buddy_text(self.meetings_label, _("M&eetings:"))
        self.participants_label.setText(_("Participants:"))
        self.participants.setAccessibleName(_("Participants"))
        set_buddy_text(self.minutes_label, _("Min&utes:"))
        self.inputs_table.setAccessibleName(_("Input"))
        set_buddy_text(self.inputs_label, _("Input &received:"))
        self.meeting_model.retranslate()
        self.input_model.retranslate()
        self.backlog.retranslate()
        self.quick.retranslate()
        self.meeting_columns.refresh()
        self.input_columns.refresh()
        self._show_meeting_texts(self.current_meeting())

    # --- loading ------------------------------------------------------------------
    def project_id(self) -> str | None:
        """The project the list is filtered by (None: all projects)."""
        value = self.project_filter.currentData()
        return str(value) if value else None

    def reload(self) -> None:
        keep = self.project_id()
        projects = [(ref.id, ref.name) for ref in self.services.projects.refs()]
        with QSignalBlocker(self.project_filter):
            self.project_filter.clear()
            self.project_filter.addItem(_("(all projects)"), None)
            for project_id, name in projects:
                self.project_filter.addItem(name, project_id)
            index = self.project_filter.findData(keep) if keep else 0
            self.project_filter.setCurrentIndex(max(0, index))
        self.quick.set_choices_source(partial(self._choices, projects))
        self._load()
        self._load_backlog()

    def _choices(self, projects: list[tuple[str, str]]) -> Choices:
        meetings, actors = self.services.meetings, self.services.actors.refs()
        names = [(a.id, a.name) for a in actors]
        return Choices(meetings.topics(), meetings.villages(), names, projects)

    def _load_backlog(self) -> None:
        self.backlog.load(self.services.meetings)

    def _load(self) -> None:
        keep = self.current_meeting()
        meetings, project_id = self.services.meetings, self.project_id()
        self.meeting_model.set_source(
            meetings.count(project_id),
            lambda offset, limit: meetings.page(project_id, offset, limit),
            lambda meeting_id: meetings.position(meeting_id, project_id),
        )
        row = self.meeting_model.row_of(keep.id) if keep else -1
        self._select(self.meetings_table, 0 if row < 0 and self.meeting_model.rowCount() else row)
        self.meeting_columns.fit()
        self._show_meeting()

    def _show_meeting(self) -> None:
        meeting = self.current_meeting()
        keep = self.current_input()
        self._show_meeting_texts(meeting)
        if meeting is None:
            self.minutes.clear()
            self.input_model.set_rows(())
        else:
            self.minutes.setPlainText(meeting.minutes)
            items = self.services.meetings.inputs(meeting_id=meeting.id)
            actors, projects = self.services.meetings.names_for(items)
            self.input_model.set_rows(input_rows(items, actors, projects))
            self._select(self.inputs_table, self.input_model.row_of(keep.item.id) if keep else -1)
        self.input_columns.fit()
        self._update_actions()

    def _show_meeting_texts(self, meeting: MeetingView | None) -> None:
        """The selected meeting's heading (date, title, kind, place) and participants."""
        if meeting is None:
            self.heading.clear()
            self.participants.clear()
            return
        parts = [format_date(meeting.meeting_date, current()), meeting.title]
        parts.append(kind_text(meeting.kind))
        if meeting.place:
            parts.append(meeting.place)
        self.heading.setText(" · ".join(parts))
        names = ", ".join(p.name for p in meeting.participants)
        self.participants.setText(names or _("(none recorded)"))

    @staticmethod
    def _select(table: QTableView, row: int) -> None:
        if row >= 0:
            table.setCurrentIndex(table.model().index(row, 0))
            table.selectRow(row)

    def meetings(self) -> list[MeetingView]:
        return [self.meeting_model.row_at(i) for i in range(self.meeting_model.rowCount())]

    def current_meeting(self) -> MeetingView | None:
        index = self.meetings_table.currentIndex()
        if not index.isValid() or index.row() >= self.meeting_model.rowCount():
            return None
        return self.meeting_model.row_at(index.row())

    def current_input(self) -> InputRow | None:
        index = self.inputs_table.currentIndex()
        if not index.isValid() or index.row() >= self.input_model.rowCount():
            return None
        return self.input_model.row_at(index.row())

    def select_meeting(self, meeting_id: str) -> bool:
        row = self.meeting_model.row_of(meeting_id)
        self._select(self.meetings_table, row)
        return row >= 0

    def select_input(self, input_id: str) -> bool:
        row = self.input_model.row_of(input_id)
        self._select(self.inputs_table, row)
        return row >= 0

    def _update_actions(self) -> None:
        has_meeting = self.current_meeting() is not None
        row = self.current_input()
        self.edit_meeting_action.setEnabled(has_meeting)
        self.delete_meeting_action.setEnabled(has_meeting)
        self.quick.setEnabled(has_meeting)
        self.new_input_action.setEnabled(has_meeting)
        self.edit_input_action.setEnabled(row is not None)
        self.delete_input_action.setEnabled(row is not None)
        self.status_menu.setEnabled(row is not None)
        self.status_action.setEnabled(row is not None)
        for value, action in self.status_actions.items():
            action.setChecked(row is not None and row.item.status == value)
        self.commands_changed.emit()

    # --- commands from the main window ---------------------------------------------
    def _inputs_focused(self) -> bool:
        return self.inputs_table.hasFocus()

    def enabled_commands(self) -> frozenset[str]:
        commands = {NEW}
        if self._inputs_focused():
            if self.current_input() is not None:
                commands |= {EDIT, ARCHIVE}
        elif self.current_meeting() is not None:
            commands.add(EDIT)
            if self.meetings_table.hasFocus():
                commands.add(ARCHIVE)
        return frozenset(commands)

    def new_item(self) -> None:
        self.new_meeting()

    def edit_item(self) -> None:
        if self._inputs_focused():
            self.edit_input()
        else:
            self.edit_meeting()

    def archive_item(self) -> None:
        if self._inputs_focused():
            self.delete_input()
        elif self.meetings_table.hasFocus():
            self.delete_meeting()

    # --- meetings -------------------------------------------------------------------
    def _push(self, meeting_id: str, change: Change[Any]) -> None:
        self.push_change(change, MEETINGS, meeting_id)

    def new_meeting(self) -> None:
        dialog = MeetingDialog(self.services, None, self.project_id(), self)
        self.show_dialog(dialog, lambda: self._meeting_added(dialog.result_value))

    def _meeting_added(self, change: Change[MeetingView]) -> None:
        meeting_id = change.value.id
        self._push(meeting_id, change)
        if not self.select_meeting(meeting_id):  # not in the filtered project
            with QSignalBlocker(self.project_filter):
                self.project_filter.setCurrentIndex(0)
            self._load()
            self.select_meeting(meeting_id)
        self.meetings_table.setFocus()

    def edit_meeting(self) -> None:
        old = self.current_meeting()
        if old is None:
            return
        dialog = MeetingDialog(self.services, old, None, self)
        self.show_dialog(dialog, lambda: self._push(old.id, dialog.result_value))

    def delete_meeting(self) -> None:
        """Delete the selected meeting with its participants and input (undoable)."""
        meeting = self.current_meeting()
        if meeting is None:
            return
        self._run(meeting.id, lambda: self.services.meetings.delete(meeting.id))

    # --- input ----------------------------------------------------------------------
    def _store_quick(self, data: InputData) -> str | None:
        """Store one item typed in the quick input line; the problem, if any."""
        meeting = self.current_meeting()
        if meeting is None:
            return None
        try:
            change = self.services.meetings.add_input(meeting.id, data)
        except Exception as exc:
            from stad_desktop.ui.crash import known_message

            message = known_message(exc)
            if message is None:
                raise
            return message
        self._push(meeting.id, change)
        self.select_input(change.value.id)
        self.message.emit(_("Input stored"))
        return None

    def open_input(self, meeting_id: str, input_id: str) -> None:
        """Show an input item in its meeting (from the backlog)."""
        if not self.select_meeting(meeting_id):
            with QSignalBlocker(self.project_filter):
                self.project_filter.setCurrentIndex(0)
            self._load()
            self.select_meeting(meeting_id)
        if self.select_input(input_id):
            self.inputs_table.setFocus()

    def new_input(self) -> None:
        meeting = self.current_meeting()
        if meeting is None:
            return
        dialog = InputDialog(self.services, meeting, None, self)
        self.show_dialog(dialog, lambda: self._input_added(dialog.result_value))

    def _input_added(self, change: Change[InputItemView]) -> None:
        self._push(change.value.meeting_id, change)
        self.select_input(change.value.id)
        self.inputs_table.setFocus()

    def edit_input(self) -> None:
        meeting = self.current_meeting()
        row = self.current_input()
        if meeting is None or row is None:
            return
        dialog = InputDialog(self.services, meeting, row.item, self)
        self.show_dialog(dialog, lambda: self._push(meeting.id, dialog.result_value))

    def set_status(self, status: str) -> None:
        """Mark the selected input item new, considered, included or rejected."""
        row = self.current_input()
        if row is None or row.item.status == status:
            self._update_actions()
            return
        self._run(
            row.item.meeting_id,
            lambda: self.services.meetings.set_input_status(row.item.id, status),
        )

    def delete_input(self) -> None:
        row = self.current_input()
        if row is None:
            return
        self._run(row.item.meeting_id, lambda: self.services.meetings.delete_input(row.item.id))

    def _run(self, meeting_id: str, call: Callable[[], Change[Any]]) -> None:
        """Make a change at once (no dialog) and put it on the undo stack; a known
        problem (e.g. the item was deleted meanwhile) is shown as its message."""
        try:
            change = call()
        except Exception as exc:
            from stad_desktop.ui.crash import report_known

            if not report_known(exc):
                raise
            return
        self._push(meeting_id, change)
