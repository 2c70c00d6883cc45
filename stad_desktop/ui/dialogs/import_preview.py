"""The preview of an import: every row of the file with what will be done with it.
Rows with problems are marked (nothing can be imported until the file is
corrected); the sector can be changed per row; for a name much like an actor
already stored the user decides: leave it out, add it, or take it as that actor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import N_, _, current, ngettext
from stad_desktop.model.enums import Sector, label
from stad_desktop.model.palette import INK
from stad_desktop.services.actor_import.plan import ImportPlan, NearDecision, RowStatus

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("Row"), N_("Name"), N_("Sector"), N_("Organisation number"), N_("Village"),
           N_("Contact person"), N_("What is done"))  # fmt: skip
SECTOR, DECISION = 2, 6
_INVALID = QColor("#f8d7da")
_NEAR = QColor("#fff3cd")
_DECISIONS = {
    NearDecision.SKIP: N_("Leave out"),
    NearDecision.ADD: N_("Add as a new actor"),
    NearDecision.SAME: N_("The same actor: {name}"),
}


class PreviewModel(QAbstractTableModel):
    """The plan's rows; the sector and the decision on a near-identical name can be
    changed (kept in ``sectors`` and ``decisions``, by row number)."""

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.rows = plan.rows
        self.update = False
        self.sectors: dict[int, str] = {}
        self.decisions: dict[int, NearDecision] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def decision_choices(self, row: int) -> list[NearDecision]:
        near = self.rows[row].near
        choices = [NearDecision.SKIP, NearDecision.ADD]
        if near is not None and near.actor_id is not None:
            choices.append(NearDecision.SAME)
        return choices

    def decision_text(self, row: int, decision: NearDecision) -> str:
        near = self.rows[row].near
        return _(_DECISIONS[decision]).format(name=near.name if near else "")

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        status = self.rows[index.row()].status
        if index.column() == SECTOR and status in (RowStatus.NEW, RowStatus.NEAR):
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == DECISION and status is RowStatus.NEAR:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def sector(self, row: int) -> str:
        planned = self.rows[row]
        return self.sectors.get(planned.row.number, planned.row.data.sector)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        planned = self.rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == SECTOR:
                return self.sector(row)
            if column == DECISION:
                return self.decisions.get(planned.row.number, NearDecision.SKIP)
        if role == Qt.ItemDataRole.BackgroundRole:
            if planned.status is RowStatus.INVALID:
                return QBrush(_INVALID)
            if planned.status is RowStatus.NEAR:
                return QBrush(_NEAR)
        if role == Qt.ItemDataRole.ForegroundRole and planned.status in (
            RowStatus.INVALID,
            RowStatus.NEAR,
        ):
            return QBrush(QColor(INK))  # dark text on the light fill, in a dark theme too
        return None

    def _text(self, row: int, column: int) -> str:
        planned = self.rows[row]
        data = planned.row.data
        if column == 0:
            return str(planned.row.number)
        if column == 1:
            return data.name
        if column == SECTOR:
            return _(label(Sector(self.sector(row))))
        if column == 3:
            return data.org_number
        if column == 4:
            return data.village
        if column == 5:
            return data.contacts[0].name if data.contacts else ""
        return self._status(row)

    def _status(self, row: int) -> str:
        planned = self.rows[row]
        status = planned.status
        if status is RowStatus.INVALID:
            return "; ".join(current().render(p.message) for p in planned.row.problems)
        if status is RowStatus.NEW:
            return _("Added")
        if status is RowStatus.REPEATED:
            return _("Left out: the same actor as a row above")
        if status is RowStatus.MATCHED:
            if self.update and planned.update is not None:
                return _("Already stored: updated")
            return _("Already stored: left as it is")
        decision = self.decisions.get(planned.row.number, NearDecision.SKIP)
        near = planned.near
        like = _("Much like {name}").format(name=near.name if near else "")
        return f"{like} – {self.decision_text(row, decision)}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        number = self.rows[index.row()].row.number
        if index.column() == SECTOR:
            self.sectors[number] = Sector(value).value
        elif index.column() == DECISION:
            self.decisions[number] = NearDecision(value)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), DECISION))
        return True

    def set_update(self, update: bool) -> None:
        self.update = update
        if self.rows:
            self.dataChanged.emit(self.index(0, DECISION), self.index(len(self.rows) - 1, DECISION))


class _ChoiceDelegate(QStyledItemDelegate):
    """A list to choose the sector, or what to do with a near-identical name."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, PreviewModel)
        combo = QComboBox(parent)
        if index.column() == SECTOR:
            combo.setAccessibleName(_("Sector"))
            for sector in Sector:
                combo.addItem(_(label(sector)), sector.value)
        else:
            combo.setAccessibleName(_("What is done"))
            for decision in model.decision_choices(index.row()):
                combo.addItem(model.decision_text(index.row(), decision), decision.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(str(value))
        editor.setCurrentIndex(max(0, found))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PreviewDialog(QDialog):
    """Import → the user's choices are ``model.update``, ``model.sectors`` and
    ``model.decisions``."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_preview_dialog")
        self.setWindowTitle(_("Import actors from {file}").format(file=plan.path.name))
        self.plan = plan
        self.model = PreviewModel(plan, self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.update_box = QCheckBox(
            _("&Update the actors already stored with the values in the file")
        )
        self.update_box.toggled.connect(self._on_update)
        self.table = QTableView()
        self.table.setAccessibleName(_("Rows of the file"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(_ChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 220, 130, 130, 120, 150)):
            self.table.setColumnWidth(column, width)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.import_button.setEnabled(plan.valid)
        self.model.dataChanged.connect(self._show_summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.update_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 600)
        self._show_summary()
        first = next((n for n, p in enumerate(plan.rows) if p.status is RowStatus.INVALID), None)
        if first is not None:
            self.table.scrollTo(self.model.index(first, 0))

    def _on_update(self, checked: bool) -> None:
        self.model.set_update(checked)

    def _show_summary(self) -> None:
        plan = self.plan
        if not plan.valid:
            invalid = sum(1 for p in plan.rows if p.status is RowStatus.INVALID)
            self.summary.setText(
                ngettext(
                    "{count} row has a problem (marked in red). Nothing can be imported "
                    "until it is corrected in the file.",
                    "{count} rows have problems (marked in red). Nothing can be imported "
                    "until they are corrected in the file.",
                    invalid,
                ).format(count=invalid)
            )
            return
        counts = plan.counts(self.model.update, self.model.decisions)
        near = sum(1 for p in plan.rows if p.status is RowStatus.NEAR)
        text = _(
            "{added} will be added, {matched} are already stored ({updated} updated), "
            "{skipped} left out."
        ).format(**vars(counts))
        if near:
            text += " " + ngettext(
                "{count} name is much like another (marked in yellow): choose what is done "
                "with it in the last column.",
                "{count} names are much like others (marked in yellow): choose what is done "
                "with each in the last column.",
                near,
            ).format(count=near)
        self.summary.setText(text)
