"""The one way the user interface tells the user something, or asks.

- :func:`notify`: a short confirmation in the window's status bar ("Saved …");
- :func:`inform`: a message that needs reading, with an OK button;
- :func:`problem`: something went wrong (a known problem's message, or a bug with
  its details folded away);
- :func:`confirm`: a question with an explicit yes button and Cancel, Cancel the
  default, so Enter never replaces or deletes anything by accident.

Every box shows its texts as plain text (they quote names and paths as the user
typed them, never as HTML) and has our own translated button texts (Qt has no
Bokmål catalogue for its standard buttons). Without a QApplication nothing is
shown and :func:`confirm` answers no, so that code used from the command line or
a test stays silent. Problems that concern one field are shown beside that field
instead (:class:`stad_desktop.ui.widgets.forms.FieldErrors`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from stad_desktop.language import _

APP_NAME = "Stad Desktop"
STATUS_TIMEOUT_MS = 6000


def notify(widget: QWidget, text: str, timeout_ms: int = STATUS_TIMEOUT_MS) -> None:
    """Show ``text`` for a while in the status bar of ``widget``'s window."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)


@contextmanager
def busy(widget: QWidget | None = None, text: str = "") -> Iterator[None]:
    """A wait cursor while a long call runs in the event loop's thread, and ``text``
    ("Taking the travel copy …") in the status bar of ``widget``'s window."""
    if widget is not None and text:
        notify(widget, text, 0)
    if QApplication.instance() is None:
        yield
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()  # paint the cursor and the status text first
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
        if widget is not None and text:
            notify(widget, "", 1)


def inform(parent: QWidget | None, text: str, *, title: str = APP_NAME) -> None:
    """A message with an OK button."""
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    if box is not None:
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()


def problem(parent: QWidget | None, text: str, *, title: str = APP_NAME, details: str = "") -> None:
    """A problem with an OK button; ``details`` (e.g. a traceback) folded away."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    if box is not None:
        if details:
            box.setDetailedText(details)
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()


def confirm(
    parent: QWidget | None,
    question: str,
    detail: str = "",
    yes_text: str = "",
    *,
    title: str = APP_NAME,
) -> bool:
    """Ask ``question`` (``detail`` below it); True only when the user chooses
    ``yes_text`` (by default "OK"). Cancel is the default and the Escape button."""
    box = _box(parent, QMessageBox.Icon.Warning, title, question)
    if box is None:
        return False
    if detail:
        box.setInformativeText(detail)
    yes = box.addButton(yes_text or _("OK"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox | None:
    if QApplication.instance() is None:
        return None
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # also the informative text
    box.setText(text)
    return box
