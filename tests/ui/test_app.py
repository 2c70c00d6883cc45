"""Starting the program: timings, a refused database, and the frame shown before
the heavy imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


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


def test_first_view_shows_its_rows_before_the_database_layer_loads(demo_path: Path) -> None:
    """The actor list is painted with its data before SQLAlchemy is imported; the
    same view then takes the real services and shows the same rows."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from stad_desktop.ui.app import _show_first_rows\n"
        "from stad_desktop.ui.main_window import MainWindow\n"
        "w = MainWindow('demo.sqlite3'); w.show()\n"
        f"_show_first_rows(w, Path({str(demo_path)!r}))\n"
        "app.processEvents()\n"
        "view = w.stack.currentWidget()\n"
        "early = view.model.rowCount()\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')\n"
        "from stad_desktop.services import Services\n"
        "from stad_desktop.storage import open_database\n"
        f"w.attach(Services(open_database(Path({str(demo_path)!r}))))\n"
        "app.processEvents()\n"
        "print(early, len(loaded), w.views['actors'] is view, view.model.rowCount())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["27", "0", "True", "27"]


def test_exit_after_startup_on_data_reports_ready_time(demo_path: Path) -> None:
    result = run("--db", str(demo_path), "--no-crash-dialog", "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    values = {k: int(v) for k, v in (line.split("=", 1) for line in result.stdout.split())}
    assert 0 < values["frame_ms"] <= values["startup_ms"] <= values["ready_ms"] < 60_000


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
