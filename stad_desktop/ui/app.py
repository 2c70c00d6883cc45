"""Starting the GUI: the window frame first, then the first view over the database.

SQLAlchemy, the model and the services are imported, and the database checked and
opened, on a worker thread (``services.opening``) while Qt builds the window; the
first view is shown over the real services, so it takes input as soon as it is
shown. Start-up timings (``--exit-after-startup``) come from ``startup_probe``.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.language import Translator, current, set_language

if TYPE_CHECKING:
    from stad_desktop.paths import ServerDatabase
    from stad_desktop.services import Services


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


def _refused_before_start(
    db_path: Path | ServerDatabase, lang: str | None, crash_dialog: bool
) -> bool:
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


def ask_password(parent: object, server: object) -> str | None:
    """The password for a database server, asked for in a dialog (kept only while
    connecting, never saved); None when cancelled or when no one can see the dialog."""
    if not _display_available():
        return None
    from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

    from stad_desktop.language import _

    text, accepted = QInputDialog.getText(
        parent if isinstance(parent, QWidget) else None,
        _("Password"),
        _("Password for {database}:").format(database=server),
        QLineEdit.EchoMode.Password,
    )
    return text if accepted and text else None


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


def tell_upgrade_report(window: object, services: Services, dialog: bool) -> str | None:
    """Tell the user, once, what an upgrade of the database changed in the data (see
    ``services.upgrade_report``): in the status bar and, unless dialogs are off, in a
    message listing every change. Returns the text shown, or None when there was none."""
    from stad_desktop.language import _, ngettext
    from stad_desktop.ui import feedback
    from stad_desktop.ui.main_window import MainWindow

    service = services.upgrade_reports
    reports = service.unshown()
    if not reports:
        return None
    assert isinstance(window, MainWindow)
    count = sum(len(report.lines) for report in reports)
    summary = ngettext(
        "The upgrade of the database changed {count} project; see Help, Upgrade report.",
        "The upgrade of the database changed {count} projects; see Help, Upgrade report.",
        count,
    )
    window.show_message(summary.format(count=count))
    text = "\n\n".join("\n".join(report.render()) for report in reports)
    window.help.update_actions()
    if dialog:
        feedback.inform(window, text, title=_("Upgrade report"))
    service.mark_shown()
    return text


def run_gui(
    db_path: Path | ServerDatabase | None,
    lang: str | None,
    crash_dialog: bool = True,
    exit_after_startup: bool = False,
) -> int:
    if db_path is not None and _refused_before_start(db_path, lang, crash_dialog):
        return 2

    from PySide6.QtCore import QObject, Qt, Signal
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from stad_desktop.ui.feature_scan import skip_feature_scan

    skip_feature_scan()  # before anything else is imported: see its module

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
    from stad_desktop.ui.theme import follow_color_scheme

    follow_color_scheme(app)
    crash.install(crash_dialog)

    from stad_desktop.ui.main_window import MainWindow

    explicit = db_path is not None
    path = db_path or paths.default_database()
    window = MainWindow(path.name)
    probe = None
    if exit_after_startup:
        from stad_desktop.ui.startup_probe import StartupProbe

        probe = StartupProbe(window)
    window.show()
    app.processEvents()
    if probe is not None:
        probe.frame_shown()
    # The database layer loads, checks and opens the file on a worker thread while
    # the window stays responsive. (Started once the frame is on screen: importing
    # on two threads at once only makes them take turns with Python's lock.)
    from stad_desktop.services.opening import BackgroundOpening

    opening = BackgroundOpening(path, create_folder=not explicit)
    # The icon (an SVG, which loads Qt's SVG plugin) meanwhile: Qt's work on it
    # leaves Python's lock to the worker.
    icon = _window_icon()
    if isinstance(icon, QIcon):
        app.setWindowIcon(icon)
    outcome: dict[str, int] = {}
    opened: list[Services] = []

    def database_opened() -> None:
        if not window.isVisible():  # closed before the database was open: just stop
            gc.enable()
            app.exit(outcome.get("status", 0))
            return
        try:
            attach_database(opening.result)
        finally:
            gc.enable()  # switched off during start-up by cli.main; on whatever happened

    def open_again() -> None:  # after a backup was restored over a damaged file
        from stad_desktop.services.opening import open_services

        attach_database(lambda: open_services(path, create_folder=not explicit))

    def attach_database(open_services: Callable[[], Services]) -> None:
        from stad_desktop.services.errors import StorageError, StorageProblem

        try:
            services = open_services()
        except StorageError as exc:
            if exc.problem is StorageProblem.PASSWORD_NEEDED and not exit_after_startup:
                password = ask_password(window, path) if crash_dialog else None
                if password is not None:
                    from stad_desktop.services.opening import open_services as opening

                    attach_database(lambda: opening(path, password=password))
                    return
            failed(exc)
            return
        except OSError as exc:
            failed(exc)
            return
        opened.append(services)
        window.attach(services)
        if probe is not None:
            probe.view_shown(window.stack.currentWidget())
        checks = services.db.start_checks
        if checks is None:
            warn_backup_problem(window, services, crash_dialog and _display_available())
        else:  # the check and the backup go on while the window is used
            checks.when_done(relay.checked.emit)
        tell_upgrade_report(window, services, crash_dialog and _display_available())
        # What start-up made (modules, classes, services, views) lives as long as the
        # program: keep it out of the garbage collector's full passes, which would
        # otherwise pause the window for 30-70 ms now and then on a large database.
        gc.freeze()

    def failed(exc: BaseException) -> None:
        from stad_desktop.services.errors import StorageError, StorageProblem

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
        if damaged and someone_sees and not exit_after_startup and isinstance(path, Path):
            # The window stays, says so and offers the backups; a restore opens it.
            window.show_damaged(path, open_again=open_again)
            return
        failure = isinstance(exc, StorageError) and exc.problem in (
            StorageProblem.UNREACHABLE,
            StorageProblem.CONNECTION_LOST,
        )
        outcome["status"] = 1 if damaged or failure else 2
        if someone_sees:
            problem(window, message)
        window.close()
        app.exit(outcome["status"])

    def start_checks_done() -> None:
        """The check of every page and the start-up backup have ended: a damaged file
        is shown as such (no write was made), a failed backup is told."""
        from stad_desktop.services.errors import StorageError

        for services in opened[-1:]:
            try:
                services.db.wait_for_start_checks()
            except StorageError as exc:
                opened.remove(services)
                services.db.close()  # nothing may write to it; a restore replaces it
                failed(exc)
                return
            warn_backup_problem(window, services, crash_dialog and _display_available())

    class Opened(QObject):
        """Brings the end of the opening (and of the checks after it) from the
        worker thread to the window's."""

        done = Signal()
        checked = Signal()

    relay = Opened(window)
    relay.done.connect(database_opened, Qt.ConnectionType.QueuedConnection)
    relay.checked.connect(start_checks_done, Qt.ConnectionType.QueuedConnection)
    opening.when_done(relay.done.emit)
    try:
        status = app.exec()
        if exit_after_startup and "status" not in outcome:
            # The window took input before the check ended: its outcome still counts.
            from stad_desktop.services.errors import StorageError

            for services in opened:
                try:
                    services.db.wait_for_start_checks()
                except StorageError as exc:
                    failed(exc)
    finally:
        opening.cancel()  # if the window was closed first, this waits for it to end
        for services in opened:
            services.db.close()
        crash.uninstall()
    return outcome.get("status", int(status))
