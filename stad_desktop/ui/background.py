"""Reading a read model on a worker thread, for a view whose reading grows with the
data (the home page reads every active project): the window goes on painting and
taking input meanwhile, and the result is shown in the window's thread.

Only reading is done this way (the services' writes and undo stay in the window's
thread). A read started again before the last one ended replaces it: the older
result is dropped when it arrives.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundRead(QObject):
    """``start(job, done)`` runs ``job()`` on a worker thread and calls ``done(result)``
    in the window's thread; an error the job raised is raised there instead (shown
    as any error of a view), unless ``quiet()`` says the view no longer cares."""

    _arrived = Signal(int, object, object)  # generation, result, error

    def __init__(self, parent: QObject, quiet: Callable[[], bool] = lambda: False) -> None:
        super().__init__(parent)
        self._quiet = quiet
        self._generation = 0
        self._pending: dict[int, Callable[[Any], None]] = {}
        self._arrived.connect(self._deliver)

    def start(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._generation += 1
        generation = self._generation
        self._pending = {generation: done}
        threading.Thread(
            target=self._run, args=(job, generation), name="stad-read", daemon=True
        ).start()

    def busy(self) -> bool:
        """A read has been started and its result not shown yet."""
        return bool(self._pending)

    def _run(self, job: Callable[[], Any], generation: int) -> None:
        try:
            result, error = job(), None
        except BaseException as exc:  # handed to the window's thread
            result, error = None, exc
        # RuntimeError: the view has been deleted meanwhile, nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._arrived.emit(generation, result, error)

    def _deliver(self, generation: int, result: object, error: object) -> None:
        done = self._pending.pop(generation, None)
        if done is None:
            return  # a newer read was started
        if isinstance(error, BaseException):
            if self._quiet():
                return
            raise error
        done(result)
