"""Start-up timings for ``--exit-after-startup`` (the benchmark's view of start-up).

Attached only with that option; an ordinary start carries none of this. Prints,
in milliseconds from process start (the clock ``benchmarks/bare_window.py`` uses):

- ``frame_ms``: the window frame's first paint;
- ``input_ms``: the event loop free again after it: the window takes input from
  here on, and what is given before the first view is there is kept for it
  (``ui.type_ahead``);
- ``ready_ms``: the event loop free again after the first view's first paint over
  the services, which acts on input at once;
- ``startup_ms``: the first view's first paint with its data (the same paint,
  unless the view reads its data on a worker thread: see ``View.is_loading``);

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
        self._view: QWidget | None = None
        self._loading = False  # the first view's data is being read
        self._ready_seen = False
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
        QTimer.singleShot(0, self._input_taken)

    def _input_taken(self) -> None:
        self.timings.setdefault("input_ms", ms_since(self.t0))

    def view_shown(self, view: QWidget | None) -> None:
        """The first view, over the services, is in the window: time its first paint,
        and the first paint with its data."""
        if view is None:
            self._report(timed_out=True)
            return
        self._view = view
        # A view reading its data on a worker thread (View.is_loading; the views'
        # module is not imported here: the probe is loaded before the frame).
        if getattr(view, "is_loading", lambda: False)():
            view.loaded.connect(self._data_shown)  # type: ignore[attr-defined]
            self._loading = True
        self._watch(view)

    def _data_shown(self) -> None:
        self._loading = False
        if self._view is not None and self._ready_seen:
            self._watch(self._view)  # its next paint shows the data

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._watched:
            now = ms_since(self.t0)
            self._unwatch()
            if "frame_ms" not in self.timings:
                self.timings["frame_ms"] = now
            elif not self._ready_seen:
                self._ready_seen = True
                if not self._loading:
                    self.timings["startup_ms"] = now
                QTimer.singleShot(0, self._ready)
            elif not self._loading:
                self.timings.setdefault("startup_ms", now)
                self._report_when_done()
        return False

    def _ready(self) -> None:
        self.timings.setdefault("ready_ms", ms_since(self.t0))
        self._report_when_done()

    def _report_when_done(self) -> None:
        if "ready_ms" in self.timings and "startup_ms" in self.timings:
            self._report()

    def _report(self, timed_out: bool = False) -> None:
        if "status" in self.timings:
            return
        self.timings["status"] = 1 if timed_out else 0
        for key in ("frame_ms", "input_ms", "startup_ms", "ready_ms"):
            value = (
                -1
                if timed_out and key.startswith(("startup", "ready"))
                else self.timings.get(key, -1)
            )
            print(f"{key}={value}", flush=True)
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(self.timings["status"])
