"""Start-up timings for ``--exit-after-startup`` (the benchmark's view of start-up).

Attached only with that option; an ordinary start carries none of this. Prints,
in milliseconds from process start (the clock ``benchmarks/bare_window.py`` uses):

- ``frame_ms``: the window frame's first paint;
- ``startup_ms``: the first view's first paint with its data;
- ``ready_ms``: the event loop free again after that paint, so the view takes input;

then closes the window and ends the program.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from stad_desktop.proctime import ms_since, process_start

# Give up waiting for the first view (and exit with status 1) after this long.
TIMEOUT_MS = 30000


class StartupProbe(QObject):
    """Watches ``window`` from before it is shown until its first view takes input."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.t0 = process_start()
        self.timings: dict[str, int] = {}
        self._watched: list[QWidget] = [window]
        window.installEventFilter(self)
        QTimer.singleShot(TIMEOUT_MS, lambda: self._report(timed_out=True))

    def _watch(self, widget: QWidget) -> None:
        self._unwatch()
        self._watched = [widget, *widget.findChildren(QWidget)]
        for child in self._watched:
            child.installEventFilter(self)

    def _unwatch(self) -> None:
        for child in self._watched:
            child.removeEventFilter(self)
        self._watched = []

    def frame_shown(self) -> None:
        """The frame has been shown (and its events processed)."""
        self._unwatch()
        self.timings.setdefault("frame_ms", ms_since(self.t0))

    def view_shown(self, view: QWidget | None) -> None:
        """The first view, over the services, is in the window: time its first paint."""
        if view is None:
            self._report(timed_out=True)
            return
        self._watch(view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._watched:
            key = "frame_ms" if "frame_ms" not in self.timings else "startup_ms"
            self.timings.setdefault(key, ms_since(self.t0))
            self._unwatch()
            if key == "startup_ms":
                QTimer.singleShot(0, self._ready)
        return False

    def _ready(self) -> None:
        self.timings.setdefault("ready_ms", ms_since(self.t0))
        self._report()

    def _report(self, timed_out: bool = False) -> None:
        if "status" in self.timings:
            return
        self.timings["status"] = 1 if timed_out else 0
        for key in ("frame_ms", "startup_ms", "ready_ms"):
            value = -1 if timed_out and key != "frame_ms" else self.timings.get(key, -1)
            print(f"{key}={value}", flush=True)
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(self.timings["status"])
