"""The page shown instead of the views when the database file is damaged: what
happened, in one short paragraph, and the way out (restore a backup)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from stad_desktop.language import _
from stad_desktop.ui.widgets.page import centred_column


def damage_text(name: str) -> str:
    return _(
        "The database {name} is damaged: parts of its contents can no longer be read. "
        "It has not been opened, and nothing in the file has been changed. "
        "Restore a backup to go on working."
    ).format(name=name)


class DamagedPage(QWidget):
    """Says that ``db_path`` is damaged and offers its backups; after a restore it
    calls ``open_again`` (which opens the database and attaches it to the window)
    and emits :attr:`restored`."""

    restored = Signal()

    def __init__(
        self, db_path: Path, open_again: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damaged")
        self.db_path = db_path
        self._open_again = open_again
        self.text = QLabel(damage_text(db_path.name))
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # the file name is not markup
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(640)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(_("&Restore from a backup …"))
        self.restore_button.clicked.connect(self.show_backups)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        centred_column(self, self.text, 18, buttons)
        self.setFocusProxy(self.restore_button)

    def show_backups(self) -> None:
        """The backups of the damaged file, with nothing open while one is restored."""
        from stad_desktop.services.backups import BackupService
        from stad_desktop.ui.dialogs.backups import BackupsDialog

        backups = BackupService.of_closed_file(self.db_path)
        if BackupsDialog(backups, self.window()).exec():
            self._open_again()
            self.restored.emit()
