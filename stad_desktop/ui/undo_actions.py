"""Edit → Undo and Redo over the window's QUndoStack, named in the current language.

``QUndoStack.createUndoAction`` fixes its "Undo" prefix when the action is made;
these actions are renamed by :meth:`UndoActions.retranslate` after a language
switch, together with the steps on the stack that keep their description as a
Message (see ``ChangeCommand``)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoStack

from stad_desktop.language import _


class UndoActions(QObject):
    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.stack = stack
        self.undo = QAction(parent)
        self.redo = QAction(parent)
        self.undo.triggered.connect(stack.undo)
        self.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        # The texts come with the signals: the stack also sends them while it is
        # being deleted, when it can no longer be asked.
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        self._set_texts()

    def retranslate(self) -> None:
        """The steps on the stack and the two actions in the current language."""
        for index in range(self.stack.count()):
            retranslate = getattr(self.stack.command(index), "retranslate", None)
            if retranslate is not None:
                retranslate()
        self._set_texts()

    def _set_texts(self) -> None:
        self._undo_text(self.stack.undoText())
        self._redo_text(self.stack.redoText())

    def _undo_text(self, step: str) -> None:
        """E.g. "Undo Archive Eid idrettslag"; just "Undo" when there is nothing to undo."""
        self.undo.setText(f"{_('Undo')} {step}" if step else _("Undo"))

    def _redo_text(self, step: str) -> None:
        self.redo.setText(f"{_('Redo')} {step}" if step else _("Redo"))
