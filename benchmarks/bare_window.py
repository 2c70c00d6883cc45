"""The start-up reference: a bare PySide6 program that shows an empty QMainWindow.

Prints ``frame_ms=<n>``: milliseconds from process start (the same /proc clock as
``stad-desktop --exit-after-startup``, :mod:`stad_desktop.proctime`) until the
window has painted, then exits.

    QT_QPA_PLATFORM=offscreen python benchmarks/bare_window.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _load_proctime() -> object:
    """Load ``stad_desktop/proctime.py`` on its own: not the package, whose
    ``__init__`` the bare program should not pay for."""
    path = Path(__file__).resolve().parent.parent / "stad_desktop" / "proctime.py"
    spec = importlib.util.spec_from_file_location("_stad_proctime", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    proctime = _load_proctime()
    t0: float = proctime.process_start()  # type: ignore[attr-defined]

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1180, 740)
    result: dict[str, int] = {}

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "frame" not in result:
                result["frame"] = proctime.ms_since(t0)  # type: ignore[attr-defined]
                QTimer.singleShot(0, app.quit)
            return False

    watch = PaintWatch()
    window.installEventFilter(watch)
    window.show()
    QTimer.singleShot(30000, app.quit)
    app.exec()
    print(f"frame_ms={result.get('frame', -1)}", flush=True)
    return 0 if "frame" in result else 1


if __name__ == "__main__":
    sys.exit(main())
