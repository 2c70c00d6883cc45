"""The eleven-point co-creation checklist: status and comment per item, with the
program's suggestions (items 2, 6 and 11) shown beside the item."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from stad_desktop.language import _, current
from stad_desktop.model.catalogue import CHECKLIST_ITEMS
from stad_desktop.model.enums import ChecklistStatus, label
from stad_desktop.services.readmodels import ChecklistItemView
from stad_desktop.ui.widgets.forms import FieldErrors, error_label

HINT_STYLE = "color: palette(placeholder-text); font-style: italic;"


def number_mnemonic(number: int) -> str:
    """``&1.`` … ``&9.``, ``1&0.``: the last digit is the mnemonic; from 11 on there
    is none (Alt+1 would be item 1's too: no two fields share a letter)."""
    text = str(number)
    if number > 10:
        return f"{text}."
    return f"{text[:-1]}&{text[-1]}."


def default_items(project_id: str = "") -> tuple[ChecklistItemView, ...]:
    return tuple(
        ChecklistItemView(project_id, number, name, ChecklistStatus.NOT_STARTED.value, "")
        for number, name in enumerate(CHECKLIST_ITEMS, start=1)
    )


class ChecklistPanel(QScrollArea):
    def __init__(
        self,
        items: Sequence[ChecklistItemView],
        errors: FieldErrors,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.items = tuple(items)
        self.status: dict[int, QComboBox] = {}
        self.comment: dict[int, QLineEdit] = {}
        self.hints: dict[int, QLabel] = {}
        lang = current().lang
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 4)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        heads = (_("Advice"), _("Status"), _("Comment"))
        for column, text in zip((1, 2, 3), heads, strict=True):
            head = QLabel(f"<b>{text}</b>")
            grid.addWidget(head, 0, column)
        row = 1
        for item in self.items:
            name = item.name.get(lang)
            status = QComboBox()
            for value in ChecklistStatus:
                status.addItem(_(label(value)), value.value)
            status.setCurrentIndex(max(0, status.findData(item.status)))
            status.setAccessibleName(
                _("Status of item {number}: {name}").format(number=item.number, name=name)
            )
            comment = QLineEdit(item.comment)
            comment.setAccessibleName(
                _("Comment on item {number}: {name}").format(number=item.number, name=name)
            )
            comment.setCursorPosition(0)  # a long comment shows its beginning
            # The whole comment as a tooltip: the field shows only a line of it.
            comment.setToolTip(item.comment)
            comment.textChanged.connect(comment.setToolTip)
            # The item's number labels its comment: Alt+number goes to it.
            number = QLabel(number_mnemonic(item.number))
            number.setBuddy(comment)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            title = QLabel(name)
            title.setWordWrap(True)
            title.setBuddy(status)
            grid.addWidget(number, row, 0)
            grid.addWidget(title, row, 1)
            grid.addWidget(status, row, 2)
            grid.addWidget(comment, row, 3)
            row += 1
            if item.hint is not None:
                hint = QLabel(
                    _("Suggested status: {status}. {hint}").format(
                        hint=item.hint.message.render(current()),
                        status=_(label(ChecklistStatus(item.hint.suggested_status))),
                    )
                )
                hint.setWordWrap(True)
                hint.setStyleSheet(HINT_STYLE)
                hint.setObjectName(f"hint_{item.number}")
                status.setAccessibleDescription(hint.text())
                grid.addWidget(hint, row, 1, 1, 3)
                self.hints[item.number] = hint
                row += 1
            error = error_label()
            grid.addWidget(error, row, 1, 1, 3)
            row += 1
            errors.add(f"checklist.{item.number}.status", status, error)
            errors.add(f"checklist.{item.number}.comment", comment, error)
            self.status[item.number] = status
            self.comment[item.number] = comment
        grid.setRowStretch(row, 1)
        self.setWidget(body)

    def changes(self) -> dict[int, tuple[str, str]]:
        """Items whose status or comment the user changed: number -> (status, comment)."""
        result = {}
        for item in self.items:
            status = str(self.status[item.number].currentData())
            comment = self.comment[item.number].text()
            if status != item.status or comment.strip() != item.comment:
                result[item.number] = (status, comment)
        return result

    def first_input(self) -> QWidget:
        return self.status[self.items[0].number]

    def last_input(self) -> QWidget:
        return self.comment[self.items[-1].number]
