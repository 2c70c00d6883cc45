"""Settings → Personal data settings …: how many months after a person's last
activity they are due for review, and the name the change history records as "by
whom" (empty: the operating-system account). The services check both
(``PersonalDataService.save_settings``); a bad value is shown beside its field and
nothing is saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _
from stad_desktop.services import Services, ValidationError
from stad_desktop.services.personal_data import USER_NAME_MAX
from stad_desktop.ui.widgets.forms import KNOWN_PROBLEMS, FieldErrors, buddy_label, error_label


class PersonalDataSettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(_("Personal data settings"))
        self.setMinimumWidth(640)
        current = services.personal_data.settings()
        self.errors = FieldErrors()
        self.months = QLineEdit(str(current.review_months))
        self.months.setMaximumWidth(100)
        self.user_name = QLineEdit(current.user_name)
        self.user_name.setMaxLength(USER_NAME_MAX)
        if current.os_user_name:
            self.user_name.setPlaceholderText(
                _("Empty: the computer account ({name})").format(name=current.os_user_name)
            )
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        rows = (
            (
                "review_months",
                _("&Review after (months)"),
                self.months,
                _(
                    "A person is due for review this many months after their last "
                    "activity, unless another date is set for them. From 1 to 240."
                ),
            ),
            (
                "user_name",
                _("&Name in the change history"),
                self.user_name,
                _(
                    "Who made a change, as the history of each record shows it. Empty: "
                    "the user name of the computer account."
                ),
            ),
        )
        for index, (field, text, widget, hint) in enumerate(rows):
            grid.addWidget(buddy_label(text, widget), 3 * index, 0)
            grid.addWidget(widget, 3 * index, 1)
            error = error_label()
            grid.addWidget(error, 3 * index + 1, 1)
            self.errors.add(field, widget, error)
            note = QLabel(hint)
            note.setWordWrap(True)
            grid.addWidget(note, 3 * index + 2, 1)
        self.general_error = error_label()
        self.errors.fallback = self.general_error
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Save through the services; a bad value stays in its field with its message."""
        self.errors.clear()
        try:
            self.services.personal_data.save_settings(self.months.text(), self.user_name.text())
        except ValidationError as error:
            self.errors.show_error(error)
            self.adjustSize()  # room for the message: the hints are not squeezed
            return
        except KNOWN_PROBLEMS as problem:
            self.errors.show_problem(problem)
            self.adjustSize()
            return
        super().accept()
