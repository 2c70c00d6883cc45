"""Starting the GUI: the window frame first, then the database and the first view.

SQLAlchemy and the services are imported only after the frame is on screen, so
the user sees the window quickly; the database is opened from the event loop.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.language import Translator, current, set_language
from stad_desktop.proctime import ms_since, process_start

if TYPE_CHECKING:
    from stad_desktop.services import Services

# Give up waiting for the first paint (exit-after-startup) after this long.
_PAINT_TIMEOUT_MS = 30000


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
    """Look at an explicitly given file before any window opens (cheaply: the frame
    must not wait). A file that is plainly not a database, or one in a missing folder,
    is reported as one line on stderr (and in a message box when one can be seen) and
    left untouched. Returns True when the file was refused. Damaged, too new or
    foreign databases are found by the full check when the database is opened."""
    from stad_desktop.services.opening import plainly_unusable

    exc = plainly_unusable(db_path)
    if exc is not None:
        from stad_desktop.ui.settings import saved_language

        tr = set_language(lang or saved_language() or current().lang)
        message = tr.render(exc.message)
        print(f"stad-desktop: {message}", file=sys.stderr)
        if crash_dialog and _display_available():
            from PySide6.QtWidgets import QApplication

            from stad_desktop.ui.feedback import problem

            app = QApplication.instance() or QApplication(sys.argv)
            problem(None, message)
            del app
        return True
    return False


def warn_backup_problem(window: object, services: Services, dialog: bool) -> str | None:
    """Tell the user when the automatic start-up backup could not be made (a full
    disk, a damaged file): in the status bar, on stderr and, unless dialogs are off,
    in a message box. Returns the text shown, or None when all went well."""
    from stad_desktop.language import _
    from stad_desktop.ui import feedback
    from stad_desktop.ui.main_window import MainWindow

    problem = services.db.backup_error
    if problem is None:
        return None
    assert isinstance(window, MainWindow)
    text = _("The automatic backup at start-up could not be made. {reason}").format(
        reason=problem.message.render()
    )
    window.show_message(text)
    print(f"stad-desktop: {text}", file=sys.stderr)
    if dialog:
        feedback.problem(window, text)
    return text


class _FirstActors:
    """Stands in for ActorService at start-up: gives the first rows, nothing else."""

    def __init__(self, rows: tuple[object, ...]) -> None:
        self._rows = rows

    def list(
        self,
        query: str = "",
        sector: str | None = None,
        include_archived: bool = False,
        order_by: str = "name",
        descending: bool = False,
    ) -> tuple[object, ...]:
        if query or sector or include_archived or order_by != "name" or descending:
            return ()  # not reached: input waits until the real services are attached
        return self._rows


class _FirstRows:
    def __init__(self, rows: tuple[object, ...]) -> None:
        self.actors = _FirstActors(rows)


def _show_first_rows(window: object, path: Path) -> None:
    """When the first view is the actor list, show it at once with rows read
    straight from the file (before SQLAlchemy loads; see services/startup.py)."""
    from stad_desktop.services.startup import first_actor_rows
    from stad_desktop.ui.main_window import MainWindow
    from stad_desktop.ui.settings import app_settings

    assert isinstance(window, MainWindow)
    last = app_settings().value("main_window/view")
    first = window.specs[0].key
    if first != "actors" or (isinstance(last, str) and last not in ("", first)):
        return
    rows = first_actor_rows(path)
    if rows:
        window.show_startup_view(first, _FirstRows(rows))


def run_gui(
    db_path: Path | None,
    lang: str | None,
    crash_dialog: bool = True,
    exit_after_startup: bool = False,
) -> int:
    t0 = process_start()

    def ms() -> int:
        return ms_since(t0)

    if db_path is not None and _refused_before_start(db_path, lang, crash_dialog):
        return 2

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from stad_desktop import paths
    from stad_desktop.ui import crash
    from stad_desktop.ui.feedback import problem
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
    crash.install(crash_dialog)

    explicit = db_path is not None
    path = db_path or paths.default_db_path()

    from stad_desktop.ui.main_window import MainWindow

    window = MainWindow(path.name)
    painted: list[int] = []

    class FramePainted(QObject):
        """Notes when the window frame gets its first paint event (the same moment
        benchmarks/bare_window.py measures for an empty window)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(ms())
            return False

    frame_watch = FramePainted(window)
    window.installEventFilter(frame_watch)
    window.show()
    app.processEvents()
    window.removeEventFilter(frame_watch)
    frame_ms = painted[0] if painted else ms()
    # The icon (an SVG, which loads Qt's SVG plugin) once the frame is on screen.
    icon = _window_icon()
    if isinstance(icon, QIcon):
        app.setWindowIcon(icon)
    outcome: dict[str, int] = {}
    timings: dict[str, int] = {}
    opened: list[Services] = []

    def report_startup(timed_out: bool = False) -> None:
        if "status" in outcome:
            return
        outcome["status"] = 1 if timed_out else 0
        print(f"frame_ms={frame_ms}", flush=True)
        print(f"startup_ms={-1 if timed_out else timings['startup_ms']}", flush=True)
        print(f"ready_ms={-1 if timed_out else timings['ready_ms']}", flush=True)
        window.close()
        app.exit(outcome["status"])

    def note(name: str) -> None:
        """startup_ms: the first view painted with its data; ready_ms: the database
        layer attached, so the view takes input."""
        timings.setdefault(name, ms())
        if exit_after_startup and {"startup_ms", "ready_ms"} <= set(timings):
            report_startup()

    window.first_view_painted.connect(lambda: note("startup_ms"))
    if exit_after_startup:
        QTimer.singleShot(_PAINT_TIMEOUT_MS, lambda: report_startup(timed_out=True))
    _show_first_rows(window, path)
    app.processEvents()
    # Every page of the file is checked on a worker thread while the database layer
    # loads; opening the database (and so any backup, migration or write) waits for
    # it. Started once the first view has painted, so that it cannot slow that down.
    from stad_desktop.services.startup import start_integrity_check

    integrity = start_integrity_check(path)

    def open_database() -> None:
        if not window.isVisible():  # closed before the event loop ran: just stop
            gc.enable()
            app.exit(outcome.get("status", 0))
            return
        try:
            attach_database()
        finally:
            gc.enable()  # switched off during start-up by cli.main; on whatever happened

    def attach_database() -> None:
        from stad_desktop.services.errors import StorageError, StorageProblem
        from stad_desktop.services.opening import open_services

        try:
            if not explicit:
                path.parent.mkdir(parents=True, exist_ok=True)
            services = open_services(path, checked=integrity)
        except (StorageError, OSError) as exc:
            if isinstance(exc, StorageError):
                message = tr.render(exc.message)
            else:
                from stad_desktop.os_errors import os_error_message

                message = tr._("The database {path} could not be used: {detail}").format(
                    path=path, detail=tr.render(os_error_message(exc))
                )
            print(f"stad-desktop: {message}", file=sys.stderr)
            someone_sees = crash_dialog and _display_available()
            damaged = isinstance(exc, StorageError) and exc.problem is StorageProblem.CORRUPT
            if damaged and someone_sees and not exit_after_startup:
                # The window stays, says so and offers the backups; a restore opens it.
                window.show_damaged(path, open_again=attach_database)
                return
            outcome["status"] = 1 if damaged else 2
            if someone_sees:
                problem(window, message)
            window.close()
            app.exit(outcome["status"])
            return
        opened.append(services)
        window.attach(services)
        warn_backup_problem(window, services, crash_dialog and _display_available())
        # What start-up made (modules, classes, services, views) lives as long as the
        # program: keep it out of the garbage collector's full passes, which would
        # otherwise pause the window for 30-70 ms now and then on a large database.
        gc.freeze()
        note("ready_ms")

    QTimer.singleShot(0, open_database)
    try:
        status = app.exec()
    finally:
        if integrity is not None:
            integrity.cancel()  # stops it if the window was closed before it ended
        for services in opened:
            services.db.close()
        crash.uninstall()
    return outcome.get("status", int(status))
