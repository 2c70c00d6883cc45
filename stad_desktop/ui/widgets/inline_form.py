"""A form whose inputs each have a label buddy, an accessible name and an error line
below them, and a dialog that shows a service's ValidationError next to the field it
names and stays open with what the user typed. Built on ``widgets.forms``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _
from stad_desktop.services.errors import ValidationError
from stad_desktop.ui.widgets.forms import (
    KNOWN_PROBLEMS,
    FieldErrors,
    buddy_label,
    error_label,
    restore_geometry,
    save_geometry,
    set_buddy_text,
)


def plain(text: str) -> str:
    """A label text without its mnemonic ampersand, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class InlineForm(QWidget):
    """``add_row(field, label, widget)``; ``show_error(error)`` puts the message under
    the widget registered for ``error.field`` (or at the top if none is)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.errors = FieldErrors()
        self.errors.fallback = error_label()
        self.layout_.addRow(self.errors.fallback)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def add_row(self, field: str, text: str, widget: QWidget) -> QWidget:
        label = buddy_label(text, widget)
        error = error_label()
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.layout_.addRow(label, box)
        self.errors.add(field, widget, error)
        self.widgets[field] = widget
        self.labels[field] = label
        return widget

    def set_label(self, field: str, text: str) -> None:
        """The label of ``field`` (and its input's accessible name) anew."""
        set_buddy_text(self.labels[field], text)

    def clear_errors(self) -> None:
        self.errors.clear()

    def show_error(self, error: ValidationError) -> None:
        self.errors.show_error(error)

    def error_text(self, field: str) -> str:
        """The message shown beside ``field`` (empty if none)."""
        return self.errors.message(field)

    def general_error_text(self) -> str:
        fallback = self.errors.fallback
        return fallback.text() if fallback is not None and not fallback.isHidden() else ""


class FormDialog(QDialog):
    """A dialog around an InlineForm. ``submit`` performs the action with the
    current values and returns a result; a ValidationError it raises is shown
    beside its field, a StorageError or NotFoundError in the message line at the
    top, and the dialog stays open. Its geometry is remembered under ``key``."""

    def __init__(self, title: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = InlineForm(self)
        self.submit: Callable[[], Any] | None = None
        self.result_value: Any = None
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            _("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def restore(self) -> None:
        """Call at the end of a subclass's constructor."""
        restore_geometry(self, self._key)

    def _try_accept(self) -> None:
        if self.submit is not None:
            try:
                self.result_value = self.submit()
            except ValidationError as error:
                self.form.show_error(error)
                return
            except KNOWN_PROBLEMS as problem:
                self.form.errors.show_problem(problem)
                return
        self.form.clear_errors()
        self.accept()

    def done(self, result: int) -> None:
        save_geometry(self, self._key)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, self._key)
        super().closeEvent(event)
