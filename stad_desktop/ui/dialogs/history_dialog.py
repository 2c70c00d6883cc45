"""Show history: every change of one record (when, by whom, what), read from the
change history the services record (``services.history``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.format import format_datetime
from stad_desktop.language import N_, _, current
from stad_desktop.services.person_dossier import HistoryRecord

ACTIONS = {"insert": N_("Added"), "update": N_("Changed"), "delete": N_("Removed")}


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def change_text(record: HistoryRecord) -> str:
    """The fields changed, with old → new values where they are kept."""
    parts = []
    for field, value in sorted(record.changes.items()):
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{field}: {_value(value[0])} → {_value(value[1])}")
        elif value is None:
            parts.append(field)
        else:
            parts.append(f"{field}: {_value(value)}")
    return "; ".join(parts)


class HistoryDialog(QDialog):
    COLUMNS = (N_("When"), N_("By"), N_("Change"), N_("What"))

    def __init__(
        self, records: tuple[HistoryRecord, ...], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("History: {record}").format(record=title))
        self.resize(820, 420)
        intro = QLabel(
            _("Every change made to this record, oldest first.")
            if records
            else _("No changes are recorded for this record.")
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(records), len(self.COLUMNS))
        self.table.setAccessibleName(_("History"))
        self.table.setHorizontalHeaderLabels([_(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, record in enumerate(records):
            cells = (
                format_datetime(record.changed_at.astimezone(), current()),
                record.changed_by,
                _(ACTIONS.get(record.action, record.action)),
                change_text(record),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        buttons = QDialogButtonBox()
        close = buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
