"""Travel copies: the bring-home dialog (summary and conflicts side by side, a
choice per conflict) and File → Merges … (the merge records and their losing
values). The merging itself is the travel service's (``services.travel``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import N_, _
from stad_desktop.ui.feedback import busy, problem
from stad_desktop.ui.travel_banner import when
from stad_desktop.ui.widgets.forms import buddy_label, plain_label, restore_geometry, save_geometry

if TYPE_CHECKING:
    from stad_desktop.services.travel import (
        FieldConflict,
        MergePlan,
        MergeRecordView,
        MergeSummary,
        Side,
        TravelService,
    )

OFFICE: Side = "office"
TRAVEL: Side = "travel"
# The columns of the conflict table; the office and travel cells carry the choice.
RECORD, FIELD, BASE, OFFICE_COLUMN, TRAVEL_COLUMN = range(5)
_SIDE_COLUMNS: dict[Side, int] = {OFFICE: OFFICE_COLUMN, TRAVEL: TRAVEL_COLUMN}


def shown_value(value: str) -> str:
    return value if value else _("(empty)")


def record_text(conflict: FieldConflict) -> str:
    """The record a conflict is about, with its kind: "Actor: Selje grendalag"."""
    kind = conflict.table_label.render() if conflict.table_label.msgid else ""
    return (
        _("{kind}: {record}").format(kind=kind, record=conflict.record_label)
        if kind
        else (conflict.record_label)
    )


def summary_text(summary: MergeSummary, *, done: bool) -> str:
    """The counts of a merge, one per line: what a bring-home will do, or did."""
    lines = [
        _("New records: {count}").format(count=summary.added),
        _("Records changed on one side: {count}").format(count=summary.changed),
        _("Records changed on both sides and merged: {count}").format(count=summary.merged),
        _("Conflicts: {count}").format(count=summary.conflicts),
    ]
    if done and summary.conflicts:
        lines.append(
            _("Kept from the office: {office}, kept from the travel copy: {travel}").format(
                office=summary.resolved_office, travel=summary.resolved_travel
            )
        )
    if done and summary.kept:
        lines.append(
            _("Kept because the other side still uses them: {count}.").format(count=summary.kept)
        )
    return "\n".join(lines)


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(tooltip or text)
    return item


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table


class BringHomeDialog(QDialog):
    """What bringing ``trip`` home will do (``plan``), the conflicts side by side
    with a choice per conflict, and the bring-home itself on OK. After a successful
    bring-home the dialog is accepted and :attr:`result_summary` holds the summary."""

    COLUMNS = (N_("Record"), N_("Field"), N_("Before the trip"), N_("Office"), N_("Travel copy"))

    def __init__(
        self, travel: TravelService, trip: Path, plan: MergePlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.travel = travel
        self.trip = trip
        self.plan = plan
        self.conflicts = plan.conflicts
        self.choices: dict[str, Side] = {conflict.key: OFFICE for conflict in self.conflicts}
        self.result_summary: MergeSummary | None = None

        self.intro = plain_label()
        self.intro.setWordWrap(True)
        self.summary = plain_label()
        self.table = _table(len(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.setWordWrap(True)
        self.table_label = buddy_label("", self.table)
        self.hint = plain_label()
        self.hint.setWordWrap(True)
        self.office_all = QPushButton()
        self.office_all.clicked.connect(lambda: self.choose_all(OFFICE))
        self.travel_all = QPushButton()
        self.travel_all.clicked.connect(lambda: self.choose_all(TRAVEL))
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        all_buttons = QHBoxLayout()
        all_buttons.addWidget(self.office_all)
        all_buttons.addWidget(self.travel_all)
        all_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        self.conflict_widgets: tuple[QWidget, ...] = (
            self.table_label,
            self.table,
            self.hint,
            self.office_all,
            self.travel_all,
        )
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(all_buttons)
        layout.addStretch(0 if self.conflicts else 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        for widget in self.conflict_widgets:
            widget.setVisible(bool(self.conflicts))

        self._fill()
        self.table.itemChanged.connect(self._on_item_changed)
        self.resize(1100, 640 if self.conflicts else 360)
        restore_geometry(self, "bring_home")
        self.retranslate()
        if self.conflicts:
            self.table.setCurrentCell(0, OFFICE_COLUMN)
            self.table.setFocus()

    def retranslate(self) -> None:
        info = self.plan.info
        self.setWindowTitle(_("Bring travel copy home"))
        self.intro.setText(
            _("Travel copy {file} of {office}, taken {date}.").format(
                file=self.trip.name, office=info.office_name, date=when(info.taken_at)
            )
        )
        self.summary.setText(
            _("Bringing it home will do this:") + "\n" + summary_text(self.plan.summary, done=False)
        )
        self.table.setHorizontalHeaderLabels([_(title) for title in self.COLUMNS])
        self.table_label.setText(_("&Conflicts: the same field changed differently on both sides"))
        self.hint.setText(
            _(
                "Tick the value to keep in each row (click it, or select it and press Space). "
                "The other value is kept in the merge record (File → Merges …)."
            )
        )
        self.office_all.setText(_("&Office for all"))
        self.travel_all.setText(_("&Travel copy for all"))
        self.note.setText(
            _(
                "The office database is backed up first. Bringing home cannot be undone "
                "with Ctrl+Z; to go back, restore that backup (File → Backups …)."
            )
        )
        self.ok_button.setText(_("&Bring home"))
        self.cancel_button.setText(_("Cancel"))
        self.table.blockSignals(True)
        for row, conflict in enumerate(self.conflicts):
            record = self.cell(row, RECORD)
            record.setText(record_text(conflict))
            record.setToolTip(record.text())
            field = self.cell(row, FIELD)
            field.setText(conflict.field_label.render())
            field.setToolTip(field.text())
            for column in (BASE, OFFICE_COLUMN, TRAVEL_COLUMN):
                value = (conflict.base, conflict.office, conflict.travel)[column - BASE]
                self.cell(row, column).setText(shown_value(value))
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()

    # --- the conflict table ------------------------------------------------------------
    def cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None
        return item

    def _fill(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            self.table.setItem(row, RECORD, _item(""))
            self.table.setItem(row, FIELD, _item(""))
            for column, value in (
                (BASE, conflict.base),
                (OFFICE_COLUMN, conflict.office),
                (TRAVEL_COLUMN, conflict.travel),
            ):
                item = _item("", value)
                if column != BASE:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                else:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        for row in range(len(self.conflicts)):
            self._show_choice(row)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(RECORD, 200)
        self.table.setColumnWidth(FIELD, 140)
        for column in (BASE, OFFICE_COLUMN, TRAVEL_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _show_choice(self, row: int) -> None:
        """Tick the kept value of ``row`` and write it bold; the other is unticked."""
        chosen = self.choices[self.conflicts[row].key]
        self.table.blockSignals(True)
        for side, column in _SIDE_COLUMNS.items():
            item = self.cell(row, column)
            kept = side == chosen
            item.setCheckState(Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)
            font = QFont(item.font())
            font.setBold(kept)
            item.setFont(font)
        self.table.blockSignals(False)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        column = item.column()
        if column not in _SIDE_COLUMNS.values():
            return
        side = OFFICE if column == OFFICE_COLUMN else TRAVEL
        if item.checkState() == Qt.CheckState.Unchecked:  # unticking picks the other side
            side = TRAVEL if side == OFFICE else OFFICE
        self.choose(item.row(), side)

    def choose(self, row: int, side: Side) -> None:
        self.choices[self.conflicts[row].key] = side
        self._show_choice(row)

    def choose_all(self, side: Side) -> None:
        for row in range(len(self.conflicts)):
            self.choose(row, side)

    # --- bringing home -----------------------------------------------------------------
    def show_problem(self, text: str) -> None:
        """Tell the user why the bring-home did not happen (tests replace this)."""
        problem(self, text, title=_("Bring travel copy home"))

    def accept(self) -> None:
        from stad_desktop.services.travel import TravelRefused
        from stad_desktop.ui.crash import known_message

        try:
            with busy():
                self.result_summary = self.travel.bring_home(self.trip, choices=dict(self.choices))
        except TravelRefused as exc:
            self.show_problem(exc.message.render())
            super().reject()
            return
        except Exception as exc:
            message = known_message(exc)
            if message is None:
                raise
            self.show_problem(message)
            super().reject()
            return
        super().accept()

    def done(self, result: int) -> None:
        save_geometry(self, "bring_home")
        super().done(result)


class MergesDialog(QDialog):
    """File → Merges …: the travel copies brought home (newest first) and, for the
    selected one, every value that lost a conflict."""

    selection_changed = Signal()

    COLUMNS = (
        N_("Brought home"),
        N_("Travel copy"),
        N_("New"),
        N_("Changed"),
        N_("Merged"),
        N_("Conflicts"),
    )
    LOSER_COLUMNS = (N_("Record"), N_("Field"), N_("Kept value"), N_("Lost value"), N_("Kept from"))

    def __init__(self, travel: TravelService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: tuple[MergeRecordView, ...] = tuple(
            sorted(travel.merges(), key=lambda record: record.merged_at, reverse=True)
        )
        self.table = _table(len(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_label = buddy_label("", self.table)
        self.empty = plain_label()
        self.losers = _table(len(self.LOSER_COLUMNS))
        self.losers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.losers_label = buddy_label("", self.losers)
        self.no_losers = plain_label()
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.table_label, self.table, self.empty):
            layout.addWidget(widget)
        for widget in (self.losers_label, self.losers, self.no_losers):
            layout.addWidget(widget)
        layout.setStretchFactor(self.table, 1)
        layout.setStretchFactor(self.losers, 2)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._show_losers)
        self.resize(980, 600)
        restore_geometry(self, "merges")
        self.retranslate()
        if self.records:
            self.table.selectRow(0)
        self.table.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Merges"))
        self.table_label.setText(_("&Travel copies brought home:"))
        self.empty.setText(_("No travel copy has been brought home to this database."))
        self.losers_label.setText(_("&Values that lost a conflict, kept here:"))
        self.no_losers.setText(_("This merge had no conflicts."))
        self.close_button.setText(_("&Close"))
        self.table.setHorizontalHeaderLabels([_(title) for title in self.COLUMNS])
        self.losers.setHorizontalHeaderLabels([_(title) for title in self.LOSER_COLUMNS])
        self._fill()

    def _fill(self) -> None:
        selected = self.selected_row()
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            s = record.summary
            self.table.setItem(row, 0, _item(when(record.merged_at)))
            self.table.setItem(row, 1, _item(record.copy_id[:8], record.copy_id))
            for column, count in enumerate((s.added, s.changed, s.merged, s.conflicts), start=2):
                item = _item(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.records)
        self.table.setVisible(bool(self.records))
        if selected is not None:
            self.table.selectRow(selected)
        self._show_losers()

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _show_losers(self) -> None:
        row = self.selected_row()
        losers = self.records[row].losers if row is not None else ()
        self.losers.setRowCount(len(losers))
        sides = {OFFICE: _("Office"), TRAVEL: _("Travel copy")}
        for number, loser in enumerate(losers):
            conflict = loser.conflict
            kept = conflict.office if loser.chosen == OFFICE else conflict.travel
            for column, text in enumerate(
                (
                    record_text(conflict),
                    conflict.field_label.render(),
                    shown_value(kept),
                    shown_value(loser.lost),
                    sides.get(loser.chosen, loser.chosen),
                )
            ):
                self.losers.setItem(number, column, _item(text))
        header = self.losers.horizontalHeader()
        self.losers.resizeColumnsToContents()
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        has_record = row is not None
        for widget in (self.losers_label, self.losers):
            widget.setVisible(has_record and bool(losers))
        self.no_losers.setVisible(has_record and not losers)
        self.selection_changed.emit()

    def done(self, result: int) -> None:
        save_geometry(self, "merges")
        super().done(result)


# A label for the window's travel-copy banner: calm colours, plain text.
