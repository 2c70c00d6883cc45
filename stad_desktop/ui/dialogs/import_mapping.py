"""The mapping dialog for a spreadsheet whose layout the program does not know: each
column of the file to a field of the actor, or "ignore", above a preview of the
first rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _, current
from stad_desktop.services.actor_import.layout import Target, mappable_targets


class MappingDialog(QDialog):
    """``header`` and ``preview`` (the first rows) of the file; ``mapping``: the
    column → field choices to start from. ``mapping()`` gives the user's choices."""

    def __init__(
        self,
        file_name: str,
        header: Sequence[str],
        preview: Sequence[Sequence[object]],
        mapping: dict[int, Target | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_mapping_dialog")
        self.setWindowTitle(_("Import actors – columns"))
        self.targets = mappable_targets()
        tr = current()
        intro = QLabel(
            _(
                "The program does not know the columns of {file}. Choose for each column "
                "what it holds, or “Ignore”. One column must hold the name."
            ).format(file=file_name)
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(preview) + 1, len(header))
        self.table.setAccessibleName(_("Columns and the first rows"))
        self.table.setHorizontalHeaderLabels([str(h) for h in header])
        self.table.setVerticalHeaderLabels(
            [_("Holds")] + [str(n) for n in range(2, len(preview) + 2)]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []
        for column, name in enumerate(header):
            combo = QComboBox()
            combo.setAccessibleName(_("What the column {column} holds").format(column=name))
            combo.addItem(_("Ignore"), None)
            for target in self.targets:
                combo.addItem(target.label(tr), target)
            chosen = mapping.get(column)
            if chosen is not None and chosen in self.targets:
                combo.setCurrentIndex(self.targets.index(chosen) + 1)
            combo.currentIndexChanged.connect(self._update)
            self.table.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for row, values in enumerate(preview, start=1):
            for column, value in enumerate(values[: len(header)]):
                self.table.setItem(
                    row, column, QTableWidgetItem("" if value is None else str(value))
                )
        self.table.resizeColumnsToContents()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            _("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self._update()

    def mapping(self) -> dict[int, Target | None]:
        return {column: combo.currentData() for column, combo in enumerate(self.combos)}

    def _update(self) -> None:
        has_name = any(
            target is not None and target.field == "name" for target in self.mapping().values()
        )
        self.ok_button.setEnabled(has_name)
        self.problem.setText("" if has_name else _("Choose the column that holds the name."))
