"""Undo and redo over the services' Changes: each command is one user action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from stad_desktop.services.changes import Change


class ChangeCommand(QUndoCommand):
    """One user action, already made by a service call that returned ``change``.

    The widget makes the call itself first (so a ValidationError can be shown next
    to the field and nothing is pushed), then pushes this command; Qt's first
    ``redo()`` then only announces the change. Undo runs ``change.undo()`` (one
    service call, one transaction) and keeps the Change it returns, whose
    ``undo()`` is the redo. ``after`` announces the change on the app-wide bus. If
    the service refuses (e.g. the data was changed in between), the message is
    shown and the command is dropped from the stack. The text follows a language
    switch (``retranslate``)."""

    def __init__(self, change: Change[Any], after: Callable[[], object] | None = None) -> None:
        super().__init__(change.description.render())
        self._description = change.description  # the action's name, whatever was undone
        self._change = change  # undoing it reverts the action
        self._undone: Change[Any] | None = None  # undoing it redoes the action
        self._after = after

    def retranslate(self) -> None:
        """The undo menu's text in the language now chosen."""
        self.setText(self._description.render())

    def redo(self) -> None:
        if self._undone is not None:
            self._step(self._undone, redo=True)
        if self._after is not None:
            self._after()

    def undo(self) -> None:
        self._step(self._change, redo=False)
        if self._after is not None:
            self._after()

    def _step(self, change: Change[Any], redo: bool) -> None:
        """Undo ``change``; a known problem (the record changed meanwhile, a full
        disk, a locked file) is shown as its message and the command is dropped
        from the stack, since it can no longer be undone or redone as recorded."""
        try:
            inverse = change.undo()
        except Exception as exc:
            from stad_desktop.ui.crash import report_known

            if not report_known(exc):
                raise
            self.setObsolete(True)
            return
        if redo:
            self._change, self._undone = inverse, None
        else:
            self._undone = inverse
