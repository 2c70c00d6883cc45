"""Show history: every change of one record (when, by whom, what), read from the
change history the services record (``services.history``)."""

from __future__ import annotations

from enum import StrEnum
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
from stad_desktop.model.enums import (
    Beneficiary,
    EntryKind,
    InputStatus,
    LegalBasis,
    MeetingKind,
    Phase,
    Sector,
    label,
)
from stad_desktop.services.person_dossier import HistoryRecord

ACTIONS = {"insert": N_("Created"), "update": N_("Changed"), "delete": N_("Removed")}

# The fields as the forms name them (a field not listed shows its stored name).
FIELDS = {
    "name": N_("Name"),
    "sector": N_("Sector"),
    "org_number": N_("Organisation number"),
    "village": N_("Village"),
    "wishes_to_contribute": N_("Wishes to contribute"),
    "hours_per_month": N_("Hours per month"),
    "notes": N_("Notes"),
    "archived": N_("Archived"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "legal_basis": N_("Legal basis"),
    "consent_date": N_("Consent date"),
    "consent_how": N_("How consent was given"),
    "review_date": N_("Review date"),
    "phase": N_("Phase"),
    "area": N_("Area"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "budget_nok": N_("Budget (NOK)"),
    "summary": N_("Summary"),
    "goal": N_("Goal"),
    "target_group": N_("Target group"),
    "text": N_("Text"),
    "topic": N_("Topic"),
    "status": N_("Status"),
    "answer": N_("Answer"),
    "title": N_("Title"),
    "place": N_("Place"),
    "minutes": N_("Minutes"),
    "value": N_("Value"),
    "source": N_("Source"),
    "beneficiary": N_("Beneficiary"),
    "recorded_by": N_("Recorded by"),
    "from_name": N_("From"),
    "entry_date": N_("Date"),
    "meeting_date": N_("Date"),
}
# Fields holding a choice, shown by its label (``kind`` by the table it is in).
CHOICES: dict[str, type[StrEnum]] = {
    "sector": Sector,
    "phase": Phase,
    "legal_basis": LegalBasis,
    "status": InputStatus,
    "beneficiary": Beneficiary,
}
KINDS: dict[str, type[StrEnum]] = {"effect_entries": EntryKind, "meetings": MeetingKind}


def _value(value: Any, choice: type[StrEnum] | None = None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if choice is not None:
        try:
            return _(label(choice(value)))
        except (ValueError, KeyError):
            pass
    return str(value)


def change_text(record: HistoryRecord) -> str:
    """The fields changed, by their labels, with old → new values where they are kept."""
    parts = []
    for field, value in sorted(record.changes.items()):
        name = _(FIELDS[field]) if field in FIELDS else field
        choice = KINDS.get(record.table) if field == "kind" else CHOICES.get(field)
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{name}: {_value(value[0], choice)} → {_value(value[1], choice)}")
        elif value is None:
            parts.append(name)
        else:
            parts.append(f"{name}: {_value(value, choice)}")
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
