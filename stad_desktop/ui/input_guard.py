"""Input held back from a view shown before the database layer is attached."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class InputGuard(QObject):
    """Drops mouse and keyboard input aimed at a view shown before the database layer
    is attached (see MainWindow.show_startup_view): it has nothing to act on yet."""

    BLOCKED = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.Shortcut,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.Wheel,
            QEvent.Type.ContextMenu,
        }
    )

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.BLOCKED and isinstance(watched, QWidget):
            return watched is self.view or self.view.isAncestorOf(watched)
        return False
