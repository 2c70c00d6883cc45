"""For ``stad-desktop selftest``: open the main window and show every view once.

Runs offscreen unless a Qt platform is chosen. The user's remembered window state
(QSettings) is put back afterwards. An exception inside a view (Qt hands those to
``sys.excepthook``) or a critical Qt message fails the step.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stad_desktop.language import Translator
    from stad_desktop.services import Services

# Harmless under the offscreen platform; not worth a line in the self-test output.
_QUIET = ("propagateSizeHints",)


class ViewFailed(RuntimeError):
    pass


@contextmanager
def _kept_settings(folder: Path) -> Iterator[None]:
    """Keep the self-test's window state out of the user's settings."""
    from PySide6.QtCore import QSettings

    from stad_desktop.ui.settings import app_settings

    # On Linux the settings are INI files: send them to the temporary folder.
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    # Elsewhere (registry, plist) put the user's values back afterwards.
    settings = app_settings()
    saved = {key: settings.value(key) for key in settings.allKeys()}
    try:
        yield
    finally:
        settings = app_settings()
        settings.clear()
        for key, value in saved.items():
            settings.setValue(key, value)
        settings.sync()


@contextmanager
def _caught_errors(errors: list[str]) -> Iterator[None]:
    """Collect exceptions raised inside Qt callbacks and critical Qt messages."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        errors.append(f"{kind.__name__}: {' '.join(str(exc).split())[:300]}")

    def messages(kind: QtMsgType, _context: Any, text: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            errors.append(f"Qt: {text}")
        elif kind == QtMsgType.QtWarningMsg and not any(q in text for q in _QUIET):
            print(f"Qt: {text}", file=sys.stderr)

    old_hook = sys.excepthook
    sys.excepthook = excepthook
    old_handler = qInstallMessageHandler(messages)
    try:
        yield
    finally:
        qInstallMessageHandler(old_handler)
        sys.excepthook = old_hook


def show_every_view(
    services: Services, tr: Translator, folder: Path, project_id: str | None = None
) -> list[str]:
    """Open the main window over ``services``, show each view once; return their keys.

    With ``project_id`` the per-project views (role matrix, effect log) show that
    project, as when the user has picked it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from stad_desktop.ui.main_window import MainWindow
    from stad_desktop.ui.settings import APPLICATION, ORGANISATION

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings_folder = folder / "settings"
    settings_folder.mkdir(exist_ok=True)
    errors: list[str] = []
    shown: list[str] = []
    with _kept_settings(settings_folder), _caught_errors(errors):
        window = MainWindow(services.db.name)
        try:
            window.show()
            window.attach(services)
            QCoreApplication.processEvents()
            if project_id is not None:
                window.select_project(project_id)
            _raise_if(errors, tr._("opening the main window"))
            for spec in window.specs:
                window.show_view(spec.key)
                QCoreApplication.processEvents()
                view = window.views[spec.key]
                if window.stack.currentWidget() is not view or not view.isVisible():
                    errors.append(tr._("the view is not shown"))
                view.grab()
                _raise_if(errors, tr._(spec.title))
                shown.append(spec.key)
        finally:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
    return shown


def missing_qt_catalogs(languages: tuple[str, ...] = ("nn", "nb")) -> list[str]:
    """Qt's own catalogs (standard buttons, dialogs) that do not load, as paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from stad_desktop.ui.qt_i18n import qt_catalogs

    _app = QApplication.instance() or QApplication([sys.argv[0]])
    missing = []
    for lang in languages:
        for path in qt_catalogs(lang):
            if not path.is_file() or not QTranslator().load(str(path)):
                missing.append(str(path))
    return missing


def _raise_if(errors: list[str], where: str) -> None:
    if errors:
        message = f"{where}: {'; '.join(errors)}"
        errors.clear()
        raise ViewFailed(message)
