"""A damaged database in the window: one short paragraph says so, nothing is written,
and *Restore from a backup* works with no database open."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from file_helpers import snapshot
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.services.backups import BackupService
from stad_desktop.storage import open_database
from stad_desktop.storage.backups import list_backups
from stad_desktop.ui.dialogs.backups import BackupsDialog
from stad_desktop.ui.main_window import MainWindow


@pytest.fixture
def unfreeze() -> Iterator[None]:
    yield
    gc.unfreeze()  # run_gui freezes what start-up made; give it back to the collector


def test_the_window_says_so_and_restores_a_backup(
    qtbot: QtBot, damaged_path: Path, monkeypatch: pytest.MonkeyPatch, unfreeze: None
) -> None:
    from stad_desktop.ui import app as gui

    monkeypatch.setattr(gui, "_display_available", lambda: True)  # someone sees the window
    folder = damaged_path.parent
    before = snapshot(folder)
    damaged = damaged_path.read_bytes()
    seen: dict[str, object] = {}

    def restore_newest(dialog: BackupsDialog) -> int:
        seen["dialog_backups"] = len(dialog.backups)
        dialog.confirm_restore = lambda _info: True  # type: ignore[method-assign]
        assert dialog.restore_selected()
        return 1

    deadline = time.monotonic() + 30

    def look() -> None:
        window = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None
        )
        page = getattr(window, "damaged", None)
        if window is None or page is None or not page.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(20, look)
            else:
                seen["error"] = AssertionError("no word of the damage in the window")
                if window is not None:
                    window.close()
            return
        try:
            seen["text"] = window.damaged.text.text()
            seen["button"] = window.damaged.restore_button.text()
            seen["files"] = snapshot(folder)
            window.file_menu.aboutToShow.emit()
            seen["backups_menu"] = window.backups_action.isEnabled()
            # No view to choose until a backup is restored.
            seen["sidebar"] = [window.sidebar.isEnabled()]
            monkeypatch.setattr(BackupsDialog, "exec", restore_newest)
            window.damaged.restore_button.click()
            assert window.services is not None
            view = window.views["actors"]
            window.show_view("actors")
            seen["actors"] = view.model.rowCount()
            seen["message"] = window.statusBar().currentMessage()
            seen["page_gone"] = window.damaged is None
            seen["sidebar"] = [*seen["sidebar"], window.sidebar.isEnabled()]  # type: ignore[misc]
        except Exception as exc:  # shown by the assertions below, not the crash hook
            seen["error"] = exc
        finally:
            window.close()

    QTimer.singleShot(0, look)
    status = gui.run_gui(damaged_path, "en", crash_dialog=True)

    assert "error" not in seen, seen.get("error")
    assert seen["text"] == (
        "The database stad.sqlite3 is damaged: parts of its contents can no longer be "
        "read. It has not been opened, and nothing in the file has been changed. "
        "Restore a backup to go on working."
    )
    assert seen["button"] == "&Restore from a backup …"
    # While it was shown, the file and its folder were as before: no -wal, -shm,
    # .lock or backup file, and the damaged file unchanged byte for byte.
    assert seen["files"] == before
    assert seen["backups_menu"] is True
    assert seen["sidebar"] == [False, True]
    assert seen["dialog_backups"] == 1
    assert seen["actors"] == 27 and seen["page_gone"] is True
    assert seen["message"] == "The backup is restored."
    assert status == 0
    kept = [info for info in list_backups(damaged_path) if info.reason.endswith("-damaged")]
    assert [info.path.read_bytes() == damaged for info in kept] == [True]


def test_backups_dialog_without_an_open_database(qtbot: QtBot, damaged_path: Path) -> None:
    set_language("nn")
    damaged = damaged_path.read_bytes()
    dialog = BackupsDialog(BackupService.of_closed_file(damaged_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Ved oppstart"
    assert dialog.restore_button.isEnabled()
    dialog.confirm_restore = lambda _info: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.restored):
        assert dialog.restore_selected()
    db = open_database(damaged_path)
    try:
        assert Services(db).counts().actors == 27
    finally:
        db.close()
    # The damaged file is kept beside the copies as it was, marked as damaged.
    dialog.refresh()
    reasons = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert "Før ei gjenoppretting (skadd fil)" in reasons
    kept = [info for info in list_backups(damaged_path) if info.reason.endswith("-damaged")]
    assert [info.path.read_bytes() == damaged for info in kept] == [True]
