"""Starting the GUI: the window frame first, then the database and the first view.

SQLAlchemy and the services are imported only after the frame is on screen, so
the user sees the window quickly; the database is opened from the event loop.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.language import Translator, current, set_language

if TYPE_CHECKING:
    from stad_desktop.services import Services

# Fallback start time where /proc is not available (set when this module loads).
_MODULE_T0 = time.perf_counter()
# Give up waiting for the first paint (exit-after-startup) after this long.
_PAINT_TIMEOUT_MS = 30000


def process_start() -> float:
    """The ``time.perf_counter()`` value at which this process started."""
    now = time.perf_counter()
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22: start time in clock ticks after boot
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        age = uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        if 0 <= age < 600:
            return now - age
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return _MODULE_T0


def _window_icon() -> object | None:
    from PySide6.QtGui import QIcon

    from stad_desktop import paths

    folder = paths.icons_dir()
    for pattern in ("stad-desktop.*", "*.svg", "*.png"):
        for candidate in sorted(folder.glob(pattern)):
            icon = QIcon(str(candidate))
            if not icon.isNull():
                return icon
    return None


def _display_available() -> bool:
    """Whether a message box can be seen (not offscreen, and a display on X11/Wayland)."""
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _refused_before_start(db_path: Path, lang: str | None, crash_dialog: bool) -> bool:
    """Check an explicitly given file read-only before any window opens.

    A file that is not a Stad database, is damaged, too new or in a missing folder is
    reported as one line on stderr (and in a message box when one can be seen) and
    left untouched. Returns True when the file was refused."""
    from stad_desktop.storage.errors import StorageError
    from stad_desktop.storage.sqlite_file import inspect_file

    try:
        inspect_file(db_path)
    except StorageError as exc:
        from stad_desktop.ui.settings import saved_language

        tr = set_language(lang or saved_language() or current().lang)
        message = tr.render(exc.message)
        print(f"stad-desktop: {message}", file=sys.stderr)
        if crash_dialog and _display_available():
            from PySide6.QtWidgets import QApplication, QMessageBox

            app = QApplication.instance() or QApplication(sys.argv)
            QMessageBox.critical(None, "Stad Desktop", message)
            del app
        return True
    return False


def run_gui(
    db_path: Path | None,
    lang: str | None,
    crash_dialog: bool = True,
    exit_after_startup: bool = False,
) -> int:
    t0 = process_start()

    def ms() -> int:
        return round((time.perf_counter() - t0) * 1000)

    if db_path is not None and _refused_before_start(db_path, lang, crash_dialog):
        return 2

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from stad_desktop import paths
    from stad_desktop.ui import crash
    from stad_desktop.ui.settings import APPLICATION, ORGANISATION

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    from stad_desktop.ui.qt_i18n import install_qt_translators
    from stad_desktop.ui.settings import saved_language

    tr: Translator = set_language(lang or saved_language() or current().lang)
    install_qt_translators(tr.lang)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Stad Desktop")
    icon = _window_icon()
    if isinstance(icon, QIcon):
        app.setWindowIcon(icon)
    crash.install(crash_dialog)

    explicit = db_path is not None
    path = db_path or paths.default_db_path()

    from stad_desktop.ui.main_window import MainWindow

    window = MainWindow(path.name)
    window.show()
    app.processEvents()
    frame_ms = ms()
    outcome: dict[str, int] = {}
    opened: list[Services] = []

    def report_startup() -> None:
        if "status" in outcome:
            return
        outcome["status"] = 0
        print(f"frame_ms={frame_ms}", flush=True)
        print(f"startup_ms={ms()}", flush=True)
        window.close()
        app.exit(0)

    def open_database() -> None:
        from stad_desktop.services import Services
        from stad_desktop.storage import StorageError, open_database

        if not explicit:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            services = Services(open_database(path))
        except StorageError as exc:
            message = tr.render(exc.message)
            print(f"stad-desktop: {message}", file=sys.stderr)
            outcome["status"] = 2
            if crash_dialog:
                QMessageBox.critical(window, "Stad Desktop", message)
            window.close()
            app.exit(2)
            return
        opened.append(services)
        if exit_after_startup:
            window.first_view_painted.connect(report_startup)
            QTimer.singleShot(_PAINT_TIMEOUT_MS, report_startup)
        window.attach(services)

    QTimer.singleShot(0, open_database)
    try:
        status = app.exec()
    finally:
        for services in opened:
            services.db.close()
        crash.uninstall()
    return outcome.get("status", int(status))
