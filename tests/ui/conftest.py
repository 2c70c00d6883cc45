"""Fixtures for the user interface tests: QSettings in the test's folder, and a
main window over a test database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from stad_desktop.services import Services


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """Remembered window state goes to the test's own folder."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    """``make_window(services)``: a shown, active main window over ``services``."""
    from stad_desktop.ui.main_window import MainWindow

    def make(services: Services) -> MainWindow:
        window = MainWindow(services.db.name)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.attach(services)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


WindowFactory = Callable[[Services], object]
