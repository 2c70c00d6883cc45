"""Form helpers: labels with buddies and accessible names, and validation
messages shown next to the field they concern."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from stad_desktop.language import current
from stad_desktop.services.errors import NotFoundError, StorageError
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.theme import error_style

# Known problems that are not about one field (a full disk, a locked file, a record
# deleted meanwhile): a dialog shows their message in its message line and stays
# open with what the user typed.
KNOWN_PROBLEMS = (StorageError, NotFoundError)


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label (``text`` already translated, may hold a ``&`` mnemonic) for ``widget``,
    which also gets the label text as its accessible name."""
    label = QLabel()
    # A compound field (a date with its calendar button) is named by its input.
    label.setBuddy(widget.focusProxy() or widget)
    set_buddy_text(label, text)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as typed: a name such as "<b>Lag</b>" from the
    database appears with its angle brackets, never as HTML."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def set_buddy_text(label: QLabel, text: str) -> None:
    """Give a label (see :func:`buddy_label`) its text, e.g. again after a language
    switch; its buddy's accessible name follows."""
    label.setText(text)
    buddy = label.buddy()
    if buddy is not None:
        buddy.setAccessibleName(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))


def error_label() -> QLabel:
    """The message line under a field: plain text, as messages quote the user's data."""
    label = plain_label()
    label.setStyleSheet(error_style())
    label.setWordWrap(True)
    label.setVisible(False)
    label.setObjectName("error")
    return label


class FieldErrors:
    """Maps service field names (``org_number``, ``contacts.0.email``) to the
    input widget and the label that shows its message."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.fallback: QLabel | None = None

    def add(self, field: str, widget: QWidget, label: QLabel) -> None:
        self._fields[field] = (widget, label)
        # A message goes as soon as the field is changed: the user is fixing it.
        for name in ("textChanged", "currentIndexChanged", "valueChanged", "dateChanged"):
            signal = getattr(widget, name, None)
            if signal is not None:
                signal.connect(lambda *_args, field=field: self.hide(field))
                break

    def hide(self, field: str) -> None:
        """Take away the message beside ``field`` (when the user changes the field)."""
        entry = self._fields.get(field)
        if entry is not None and entry[1].isVisible():
            entry[1].clear()
            entry[1].setVisible(False)
            entry[0].setAccessibleDescription("")

    def remove_prefix(self, prefix: str) -> None:
        for name in [n for n in self._fields if n.startswith(prefix)]:
            del self._fields[name]

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.setVisible(False)
            widget.setAccessibleDescription("")
        if self.fallback is not None:
            self.fallback.clear()
            self.fallback.setVisible(False)

    def show(self, field: str, text: str) -> QLabel | None:
        """Show ``text`` beside ``field`` (or in the fallback label) and focus the field."""
        self.clear()
        return self._show(field, text, focus=True)

    def _show(self, field: str, text: str, focus: bool) -> QLabel | None:
        widget, label = self._fields.get(field, (None, self.fallback))
        if label is None:
            return None
        if label.isVisible() and label.text():  # a label shared by several fields
            text = f"{label.text()}\n{text}"
        label.setText(text)
        label.setVisible(True)
        if widget is not None:
            widget.setAccessibleDescription(text)
            if focus:
                widget.setFocus()
        return label

    def show_error(self, error: object) -> QLabel | None:
        """Show a services ValidationError in the user's language: every bad field
        it names (``ValidationError.problems``) at once, the first one focused.
        Returns the first field's label."""
        self.clear()
        first: QLabel | None = None
        for index, problem in enumerate(getattr(error, "problems", (error,))):
            field = str(getattr(problem, "field", ""))
            message = getattr(problem, "message", None)
            text = message.render(current()) if message is not None else str(problem)
            label = self._show(field, text, focus=index == 0)
            first = first or label
        return first

    def show_problem(self, error: object) -> QLabel | None:
        """Show a known problem that is not about one field (a full disk, a locked
        file, a record deleted meanwhile: StorageError, NotFoundError) in the
        general message line; the inputs keep what the user typed."""
        message = getattr(error, "message", None)
        text = message.render(current()) if message is not None else str(error)
        return self.show("", text)

    def message(self, field: str) -> str:
        entry = self._fields.get(field)
        if entry is None or not entry[1].isVisible():
            return ""
        return entry[1].text()


def restore_geometry(dialog: QDialog, key: str) -> None:
    geometry = app_settings().value(f"dialogs/{key}/geometry")
    if geometry is not None:
        dialog.restoreGeometry(geometry)  # type: ignore[arg-type]


def save_geometry(dialog: QDialog, key: str) -> None:
    app_settings().setValue(f"dialogs/{key}/geometry", dialog.saveGeometry())
