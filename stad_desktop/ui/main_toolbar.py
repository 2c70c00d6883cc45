"""The main window's toolbar and the sidebar's icons: the window's own actions (new,
edit, archive, find, undo, redo, print, help) with the program's icons, and each
view's icon beside its name. Both are drawn again when the system switches between
light and dark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QToolBar

from stad_desktop.language import _
from stad_desktop.ui.icons import icon, view_icon
from stad_desktop.ui.views.base import ARCHIVE, EDIT, NEW, SEARCH

if TYPE_CHECKING:
    from stad_desktop.ui.main_window import MainWindow


class MainToolbar(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bar = QToolBar(window)
        self.bar.setObjectName("main_toolbar")
        self.bar.setMovable(False)
        self.bar.setIconSize(QSize(20, 20))
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        commands = window.command_actions
        self.icons: list[tuple[QAction, str]] = [
            (commands[NEW], "new"),
            (commands[EDIT], "edit"),
            (commands[ARCHIVE], "archive"),
            (commands[SEARCH], "search"),
            (window.undo_action, "undo"),
            (window.redo_action, "redo"),
            (window.print_action, "print"),
            (window.about_action, "help"),
        ]
        for number, (action, _name) in enumerate(self.icons):
            if number in (4, 6):
                self.bar.addSeparator()
            self.bar.addAction(action)
        self.window.sidebar.setIconSize(QSize(20, 20))
        self.set_icons()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.set_icons)

    def set_icons(self, *_scheme: object) -> None:
        """The icons for the current light or dark scheme."""
        for action, name in self.icons:
            action.setIcon(icon(name))
        for row, spec in enumerate(self.window.specs):
            self.window.sidebar.item(row).setIcon(view_icon(spec.key))

    def retranslate(self) -> None:
        self.bar.setWindowTitle(_("Toolbar"))
        self.bar.setAccessibleName(_("Toolbar"))
