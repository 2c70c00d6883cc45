"""Starting the program: timings, a refused database, and the frame shown before
the heavy imports."""

from __future__ import annotations

import gc
import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stad_desktop.services import Services
from stad_desktop.storage import open_database

if TYPE_CHECKING:
    from stad_desktop.ui.main_window import MainWindow


@pytest.fixture
def unfreeze() -> Iterator[None]:
    yield
    gc.unfreeze()  # run_gui freezes what start-up made; give it back to the collector


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "stad_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def main_window() -> MainWindow | None:
    """The main window ``run_gui`` made, once it is there."""
    from stad_desktop.ui.main_window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def close_main_windows() -> None:
    """No window left for the next test."""
    from PySide6.QtCore import QEvent

    from stad_desktop.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def actors_found(path: Path, query: str) -> list[str]:
    """The actors the services find for ``query`` in the database at ``path``."""
    db = open_database(path)
    try:
        return [actor.name for actor in Services(db).actors.list(query=query)]
    finally:
        db.close()


def test_exit_after_startup_prints_timings(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    result = run("--db", str(db), "--no-crash-dialog", "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    values = dict(line.split("=", 1) for line in result.stdout.split())
    frame, startup = int(values["frame_ms"]), int(values["startup_ms"])
    assert 0 < frame <= startup < 60_000
    assert db.exists()


@pytest.mark.parametrize(
    ("content", "status"),
    [
        (b"this is no database" * 100, 2),  # not a database: bad input
        (b"SQLite format 3\x00junk", 1),  # a database cut short: damaged
    ],
)
def test_bad_database_is_refused_and_untouched(tmp_path: Path, content: bytes, status: int) -> None:
    db = tmp_path / "bad.sqlite3"
    db.write_bytes(content)
    result = run("--db", str(db), "--no-crash-dialog", "--exit-after-startup")
    assert result.returncode == status
    lines = [line for line in result.stderr.splitlines() if line.startswith("stad-desktop:")]
    assert len(lines) == 1 and str(db) in lines[0]
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == content
    assert "startup_ms" not in result.stdout


def test_frame_needs_no_database_libraries() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from stad_desktop.ui.main_window import MainWindow\n"
        "w = MainWindow('x.sqlite3'); w.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_server_address_is_checked_before_the_frame_without_database_libraries() -> None:
    """A shared database's address is looked at before the window opens (a bad one
    is refused at once); that must not load SQLAlchemy ahead of the frame."""
    code = (
        "import sys\n"
        "from stad_desktop.paths import ServerDatabase\n"
        "from stad_desktop.services.opening import plainly_unusable\n"
        "print(plainly_unusable(ServerDatabase('postgresql://stad@host/stad')),"
        " plainly_unusable(ServerDatabase('mysql://stad@host/stad')) is not None)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'psycopg')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["None True", "[]"]


def test_the_first_view_takes_typing_as_soon_as_it_is_shown(
    qtbot: QtBot, demo_path: Path, unfreeze: None
) -> None:
    """Keys typed into the actor search the moment the first view is on screen are
    kept and search: the view is shown over the real services, with nothing held back.
    The actors were the last view, so start-up shows them (and builds no home page)."""
    from stad_desktop.ui import app as gui
    from stad_desktop.ui.settings import app_settings
    from stad_desktop.ui.views.actors import ActorsView

    app_settings().setValue("main_window/view", "actors")

    seen: dict[str, object] = {}
    deadline = time.monotonic() + 30

    def type_at_once() -> None:
        window = main_window()
        view = window.stack.currentWidget() if window is not None else None
        if not isinstance(view, ActorsView) or not view.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(1, type_at_once)
            elif window is not None:
                window.close()
            return
        assert window is not None
        seen["all"] = view.model.rowCount()
        seen["built"] = sorted(type(v).__name__ for v in window.views.built())
        QTest.keyClicks(view.search, "selje")
        seen["typed"] = view.search.text()
        QTimer.singleShot(200, lambda: finish(window, view))

    def finish(window: MainWindow, view: ActorsView) -> None:
        seen["found"] = [view.model.index(row, 0).data() for row in range(view.model.rowCount())]
        window.close()

    QTimer.singleShot(0, type_at_once)
    status = gui.run_gui(demo_path, "en", crash_dialog=False)
    close_main_windows()

    assert status == 0
    assert seen["all"] == 27
    assert seen["built"] == ["ActorsView"]
    assert seen["typed"] == "selje"
    expected = actors_found(demo_path, "selje")
    assert 0 < len(expected) < 27
    assert seen["found"] == expected


def test_keys_typed_before_the_database_is_open_reach_the_first_view(
    qtbot: QtBot, demo_path: Path, unfreeze: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window takes input from its frame on: Actors (Ctrl+1), Find (Ctrl+F) and a
    word typed while the database layer still loads are kept, and search the actors."""
    from PySide6.QtCore import Qt

    from stad_desktop.services import opening
    from stad_desktop.ui import app as gui
    from stad_desktop.ui.views.actors import ActorsView

    slow_open = opening.open_services

    def open_slowly(*args: object, **kwargs: object) -> Services:
        time.sleep(0.4)  # as long as loading the database layer takes at start-up
        return slow_open(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opening, "open_services", open_slowly)
    ctrl = Qt.KeyboardModifier.ControlModifier
    seen: dict[str, object] = {}
    deadline = time.monotonic() + 30

    def type_early() -> None:
        window = main_window()
        if window is None or not window.isActiveWindow():
            if window is not None:
                window.activateWindow()  # as the desktop does: keys go to the active one
            QTimer.singleShot(1, type_early)
            return
        seen["typed while opening"] = window.services is None
        QTest.keyClick(window, Qt.Key.Key_1, ctrl)
        QTest.keyClick(window, Qt.Key.Key_F, ctrl)
        QTest.keyClicks(window.focusWidget() or window, "selje")
        wait_for_search(window)

    def wait_for_search(window: MainWindow) -> None:
        view = window.current_view()
        if isinstance(view, ActorsView) and view.search.text() == "selje":
            rows = [view.model.index(row, 0).data() for row in range(view.model.rowCount())]
            if len(rows) < 27 or time.monotonic() > deadline:
                seen["found"] = rows
                window.close()
                return
        if time.monotonic() > deadline:
            window.close()
            return
        QTimer.singleShot(10, lambda: wait_for_search(window))

    QTimer.singleShot(0, type_early)
    status = gui.run_gui(demo_path, "en", crash_dialog=False)
    close_main_windows()

    assert status == 0
    assert seen["typed while opening"] is True
    expected = actors_found(demo_path, "selje")
    assert 0 < len(expected) < 27
    assert seen["found"] == expected


def test_no_second_reader_of_the_schema_at_start_up() -> None:
    """Start-up reads the first view through the services only: no hand-written SQL
    beside them, and no stand-in services."""
    from stad_desktop.ui import app as gui

    assert importlib.util.find_spec("stad_desktop.services.startup") is None
    assert not hasattr(gui, "_FirstRows") and not hasattr(gui, "_show_first_rows")


def test_exit_after_startup_on_data_reports_ready_time(demo_path: Path) -> None:
    result = run("--db", str(demo_path), "--no-crash-dialog", "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    values = {k: int(v) for k, v in (line.split("=", 1) for line in result.stdout.split())}
    # The window takes input after the first view's first paint; the home page's
    # data (read on a worker thread) may be painted before or after that.
    assert 0 < values["frame_ms"] <= values["ready_ms"] < 60_000
    # It takes input (kept for the first view) as soon as the frame is painted.
    assert values["frame_ms"] <= values["input_ms"] <= values["ready_ms"]
    assert values["frame_ms"] <= values["startup_ms"] < 60_000


def test_a_failed_start_up_backup_is_told(make_window, demo_services, capsys) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop.storage.errors import StorageError, StorageProblem
    from stad_desktop.ui.app import warn_backup_problem

    window = make_window(demo_services)
    assert warn_backup_problem(window, demo_services, dialog=False) is None
    demo_services.db.backup_error = StorageError(StorageProblem.DISK_FULL, "x")
    text = warn_backup_problem(window, demo_services, dialog=False)
    assert text is not None
    assert demo_services.db.backup_error.message.render() in text
    assert window.statusBar().currentMessage() == text
    assert text in capsys.readouterr().err


def test_a_too_new_database_without_a_display_exits_instead_of_waiting(tmp_path: Path) -> None:
    """Offscreen there is nobody to click a message box away: report and exit."""
    import sqlite3

    from stad_desktop.storage import open_database

    db = tmp_path / "new.sqlite3"
    open_database(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    result = run("--db", str(db), "--exit-after-startup", timeout=60)
    assert result.returncode == 2
    assert "9999" in result.stderr
