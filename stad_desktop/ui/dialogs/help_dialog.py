"""The help window (F1): its parts on the left, the chosen part on the right. It
stays open beside the main window (not modal), fits a 1366×768 screen, and follows
a language switch."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _
from stad_desktop.ui import help_content as content

Shortcuts = Callable[[], Sequence[tuple[str, Sequence[tuple[str, str]]]]]

KEY_ROLE = Qt.ItemDataRole.UserRole


class HelpDialog(QDialog):
    def __init__(self, shortcuts: Shortcuts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self._shortcuts = shortcuts
        self.sections = QListWidget(self)
        self.sections.setMaximumWidth(260)
        self.sections.setMinimumWidth(180)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.close)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.sections.currentRowChanged.connect(self._show_row)
        self.resize(980, 640)
        self.retranslate()

    def retranslate(self) -> None:
        """The texts in the current language; the part shown stays."""
        shown = self.current_key()
        self.setWindowTitle(_("Stad Desktop – help"))
        self.close_button.setText(_("Close"))
        self.sections.setAccessibleName(_("Parts of the help"))
        self.text.setAccessibleName(_("Help text"))
        self.sections.blockSignals(True)
        self.sections.clear()
        for key, title in content.section_titles():
            item = QListWidgetItem(title)
            item.setData(KEY_ROLE, key)
            self.sections.addItem(item)
        self.sections.blockSignals(False)
        self.show_section(shown or content.OVERVIEW)

    def current_key(self) -> str | None:
        item = self.sections.currentItem()
        return None if item is None else str(item.data(KEY_ROLE))

    def show_section(self, key: str) -> None:
        """Show the part ``key`` (a view's key, or one of help_content's sections);
        an unknown key shows the overview."""
        keys = [self.sections.item(row).data(KEY_ROLE) for row in range(self.sections.count())]
        row = keys.index(key) if key in keys else keys.index(content.OVERVIEW)
        if self.sections.currentRow() == row:
            self._show_row(row)
        else:
            self.sections.setCurrentRow(row)

    def html(self, key: str) -> str:
        if key in content.VIEW_HELP:
            return content.view_html(key)
        return {
            content.ROLES: content.roles_html,
            content.ADVICE: content.advice_html,
            content.WARNINGS: content.warnings_html,
            content.SHORTCUTS: lambda: content.shortcuts_html(self._shortcuts()),
        }.get(key, content.overview_html)()

    def _show_row(self, row: int) -> None:
        item = self.sections.item(row)
        if item is not None:
            self.text.setHtml(self.html(str(item.data(KEY_ROLE))))
