"""Undo/redo over service calls: each command is one user action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from stad_desktop.language import Message


class ServiceCommand(QUndoCommand):
    """A user action and its inverse, both service calls.

    The widget performs the action itself first (so a ValidationError can be shown
    next to the field and nothing is pushed), then pushes this command with
    ``done=True``; Qt's first ``redo()`` then only announces the change. Later
    redos and undos call the services again. ``after`` announces the change on the
    app-wide bus. If the service refuses (e.g. the data was changed in between),
    the message is shown and the command is dropped from the stack. A ``text``
    given as a Message follows a language switch (see ``retranslate``)."""

    def __init__(
        self,
        text: str | Message,
        do: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[], object] | None = None,
        *,
        done: bool = True,
    ) -> None:
        super().__init__(str(text))
        self.message = text if isinstance(text, Message) else None
        self._do = do
        self._undo = undo
        self._after = after
        self._skip_next_redo = done

    def retranslate(self) -> None:
        if self.message is not None:
            self.setText(self.message.render())

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
        else:
            self._run(self._do)
        if self._after is not None:
            self._after()

    def undo(self) -> None:
        self._run(self._undo)
        if self._after is not None:
            self._after()

    def _run(self, action: Callable[[], object]) -> None:
        """Run a service call; a known problem (the record changed meanwhile, a full
        disk, a locked file) is shown as its message and the command is dropped from
        the stack, since it can no longer be undone or redone as recorded."""
        try:
            action()
        except Exception as exc:
            from stad_desktop.ui.crash import report_known

            if not report_known(exc):
                raise
            self.setObsolete(True)
