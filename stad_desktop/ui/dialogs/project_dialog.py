"""Create or edit a project: details on one tab, the co-creation checklist on the other."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.format import format_date, format_money, parse_number
from stad_desktop.language import N_, _, current
from stad_desktop.model.enums import Phase, label
from stad_desktop.services import ProjectInput, ValidationError
from stad_desktop.services.readmodels import ActorRef, ChecklistItemView, ProjectDetail
from stad_desktop.ui.dialogs.checklist_panel import ChecklistPanel, default_items
from stad_desktop.ui.widgets.date_field import DateField
from stad_desktop.ui.widgets.forms import (
    KNOWN_PROBLEMS,
    FieldErrors,
    buddy_label,
    error_label,
    restore_geometry,
    save_geometry,
)

ChecklistChanges = Mapping[int, tuple[str, str]]
SaveProject = Callable[[ProjectInput, ChecklistChanges], object]

DETAILS_TAB = 0
CHECKLIST_TAB = 1


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class ProjectDialog(QDialog):
    """``save(data, checklist_changes)`` is called on Save; a ValidationError it
    raises is shown next to its field (switching tab if needed)."""

    def __init__(
        self,
        save: SaveProject,
        owners: Sequence[ActorRef],
        project: ProjectDetail | None = None,
        checklist: Sequence[ChecklistItemView] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.project = project
        self.setObjectName("project_dialog")
        self.setWindowTitle(
            _("Project: {name}").format(name=project.name) if project else _("New project")
        )
        self.errors = FieldErrors()

        self.name = QLineEdit()
        self.phase = QComboBox()
        for phase in Phase:
            self.phase.addItem(_(label(phase)), phase.value)
        self.area = QLineEdit()
        self.owner = QComboBox()
        self.owner.addItem(_("(none)"), "")
        for actor in owners:
            self.owner.addItem(actor.name, actor.id)
        self.start_date = DateField()
        self.end_date = DateField()
        for edit in (self.start_date, self.end_date):
            edit.setMaximumWidth(180)
        self.budget = QLineEdit()
        # A hint, not an amount that looks filled in.
        self.budget.setPlaceholderText(
            _("e.g. {example}").format(example=format_money(250000, current()))
        )
        self.budget.setMaximumWidth(220)
        self.budget.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.goal = _text_box(3)
        self.target_group = QLineEdit()
        self.summary = _text_box(4)
        self.notes = _text_box(3)

        details = QWidget()
        grid = QGridLayout(details)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._row = 0

        def add(field: str, text: str, widget: QWidget, column: int = 0, span: int = 3) -> None:
            align = (
                Qt.AlignmentFlag.AlignTop
                if isinstance(widget, QPlainTextEdit)
                else Qt.AlignmentFlag.AlignVCenter
            )
            grid.addWidget(buddy_label(text, widget), self._row, column, align)
            grid.addWidget(widget, self._row, column + 1, 1, span)
            error = error_label()
            grid.addWidget(error, self._row + 1, column + 1, 1, span)
            self.errors.add(field, widget, error)
            if column + 1 + span >= 4:
                self._row += 2

        add("name", _("&Name"), self.name)
        add("phase", _("P&hase"), self.phase, 0, 1)
        add("area", _("&Area"), self.area, 2, 1)
        add("owner_id", _("Project &owner"), self.owner)
        add("start_date", _("S&tart date"), self.start_date, 0, 1)
        add("end_date", _("&End date"), self.end_date, 2, 1)
        add("budget_nok", _("&Budget (NOK)"), self.budget)
        add("goal", _("Common &goal"), self.goal)
        add("target_group", _("Target g&roup"), self.target_group)
        add("summary", _("S&ummary"), self.summary)
        add("notes", _("Note&s"), self.notes)
        grid.setRowStretch(self._row, 1)

        self.checklist = ChecklistPanel(
            checklist if checklist is not None else default_items(), self.errors
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(details, _("&Details"))
        self.tabs.addTab(self.checklist, _("&Checklist"))

        self.general_error = error_label()
        self.errors.fallback = self.general_error
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            _("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        order: list[QWidget] = [
            self.name,
            self.phase,
            self.area,
            self.owner,
            self.start_date,
            self.end_date,
            self.budget,
            self.goal,
            self.target_group,
            self.summary,
            self.notes,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self._fill(project, owners)
        self.resize(860, 620)
        restore_geometry(self, "project")

    def _fill(self, project: ProjectDetail | None, owners: Sequence[ActorRef]) -> None:
        if project is None:
            return
        tr = current()
        self.name.setText(project.name)
        self.phase.setCurrentIndex(max(0, self.phase.findData(project.phase)))
        self.area.setText(project.area)
        if project.owner_id and self.owner.findData(project.owner_id) < 0:
            self.owner.addItem(project.owner_name, project.owner_id)  # archived owner
        self.owner.setCurrentIndex(max(0, self.owner.findData(project.owner_id or "")))
        self.start_date.setText(format_date(project.start_date, tr))
        self.end_date.setText(format_date(project.end_date, tr))
        if project.budget_nok is not None:
            self.budget.setText(format_money(project.budget_nok, tr))
        self.goal.setPlainText(project.goal)
        self.target_group.setText(project.target_group)
        self.summary.setPlainText(project.summary)
        self.notes.setPlainText(project.notes)

    def budget_value(self) -> Decimal | None:
        text = self.budget.text().strip()
        if not text:
            return None
        try:
            return parse_number(text, current())
        except ValueError:
            raise ValidationError(
                "budget_nok", N_("Write a number, for example 1 234,5.")
            ) from None

    def value(self) -> ProjectInput:
        owner = self.owner.currentData()
        return ProjectInput(
            name=self.name.text(),
            phase=str(self.phase.currentData()),
            summary=self.summary.toPlainText(),
            goal=self.goal.toPlainText(),
            target_group=self.target_group.text(),
            area=self.area.text(),
            start_date=self.start_date.text(),
            end_date=self.end_date.text(),
            owner_id=str(owner) if owner else None,
            budget_nok=self.budget_value(),
            notes=self.notes.toPlainText(),
            version=self.project.version if self.project is not None else None,
        )

    def submit(self) -> None:
        self.errors.clear()
        try:
            self._save(self.value(), self.checklist.changes())
        except ValidationError as error:
            label = self.errors.show_error(error)
            if label is not None:
                for index in range(self.tabs.count()):
                    page = self.tabs.widget(index)
                    if page is not None and page.isAncestorOf(label):
                        self.tabs.setCurrentIndex(index)
                        break
                self.errors.show_error(error)  # focus the field now that it is visible
            return
        except KNOWN_PROBLEMS as problem:
            self.errors.show_problem(problem)
            return
        self.accept()

    def done(self, result: int) -> None:
        save_geometry(self, "project")
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, "project")
        super().closeEvent(event)
