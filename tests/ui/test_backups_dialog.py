"""File → Backups…: listing and restoring with confirmation."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from stad_desktop.language import set_language
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.storage import open_database
from stad_desktop.storage.backups import BackupInfo, list_backups, make_startup_backup
from stad_desktop.ui.dialogs.backups import BackupsDialog


def prepare(path: Path) -> Path:
    """A database with one backup (2 actors, 1 project) and a later change."""
    db = open_database(path)
    services = Services(db)
    services.actors.create(ActorInput(name="Selje grendalag"))
    services.actors.create(ActorInput(name="Stad kulturskule"))
    services.projects.create(ProjectInput(name="Kulturskule 3.0"))
    db.close()
    copy = make_startup_backup(path)
    assert copy is not None
    db = open_database(path)
    Services(db).actors.create(ActorInput(name="Lagt til etterpå"))
    db.close()
    return copy


def test_lists_backups_newest_first(qtbot: QtBot, db_path: Path) -> None:
    set_language("en")
    prepare(db_path)
    db = open_database(db_path)  # makes a second copy, with 3 actors
    dialog = BackupsDialog(Services(db).backups)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    cells = [dialog.table.item(0, column).text() for column in range(5)]
    assert cells[1] == "At start-up"
    assert cells[2].endswith("kB")
    assert cells[3:] == ["3", "1"]
    assert [dialog.table.item(1, c).text() for c in (3, 4)] == ["2", "1"]
    assert dialog.restore_button.isEnabled()
    assert not dialog.empty.isVisible()
    db.close()


def test_empty_list(qtbot: QtBot, db_path: Path) -> None:
    db = open_database(db_path, startup_backup=False)
    dialog = BackupsDialog(Services(db).backups)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0
    assert dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()
    db.close()


def test_restore_after_confirmation_reopens_the_database(qtbot: QtBot, db_path: Path) -> None:
    copy = prepare(db_path)
    db = open_database(db_path, startup_backup=False)
    services = Services(db)
    dialog = BackupsDialog(Services(db).backups)
    qtbot.addWidget(dialog)
    asked: list[BackupInfo] = []

    def confirm(info: BackupInfo) -> bool:
        asked.append(info)
        assert not dialog.restore_button.isHidden()
        return True

    dialog.confirm_restore = confirm  # type: ignore[method-assign]
    row = [info.path for info in dialog.backups].index(copy)
    dialog.table.selectRow(row)
    with qtbot.waitSignal(dialog.restored) as signal:
        assert dialog.restore_selected()
    assert signal.args == [db_path]
    assert [info.path for info in asked] == [copy]
    # The same services go on working, now on the restored file.
    assert sorted(a.name for a in services.actors.list()) == [
        "Selje grendalag",
        "Stad kulturskule",
    ]
    services.actors.create(ActorInput(name="Etter gjenoppretting"))
    db.close()
    reasons = sorted(info.reason for info in list_backups(db_path))
    assert reasons == ["before-restore", "startup"]


def test_no_restore_without_confirmation(qtbot: QtBot, db_path: Path) -> None:
    prepare(db_path)
    db = open_database(db_path, startup_backup=False)
    services = Services(db)
    dialog = BackupsDialog(services.backups)
    qtbot.addWidget(dialog)
    dialog.confirm_restore = lambda _info: False  # type: ignore[method-assign]
    assert not dialog.restore_selected()
    assert len(services.actors.list()) == 3
    assert [info.reason for info in services.backups.list()] == ["startup"]
    db.close()


def test_failed_restore_is_shown_and_the_database_reopened(qtbot: QtBot, db_path: Path) -> None:
    set_language("en")
    copy = prepare(db_path)
    copy.write_bytes(copy.read_bytes()[:5000])  # the backup got damaged
    db = open_database(db_path, startup_backup=False)
    dialog = BackupsDialog(Services(db).backups)
    qtbot.addWidget(dialog)
    listed = dialog.selected()
    assert listed is not None and listed.problem is not None  # shown as damaged ...
    assert dialog.table.item(0, 3).text() == "damaged"
    assert not dialog.restore_button.isEnabled()  # ... and cannot be chosen
    # Had it looked whole when listed, restoring it fails cleanly:
    dialog.backups = [BackupInfo(copy, listed.created, "startup", 5000, 2, 1, "0001", None)]
    dialog.confirm_restore = lambda _info: True  # type: ignore[method-assign]
    shown: list[str] = []
    dialog.show_problem = shown.append  # type: ignore[method-assign]
    assert not dialog.restore_selected()
    assert len(shown) == 1 and "damaged" in shown[0]
    assert len(Services(db).actors.list()) == 3  # reopened, unchanged
    db.close()


def test_confirmation_has_explicit_buttons_and_defaults_to_cancel(
    qtbot: QtBot, db_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    set_language("en")
    prepare(db_path)
    db = open_database(db_path, startup_backup=False)
    dialog = BackupsDialog(Services(db).backups)
    qtbot.addWidget(dialog)
    seen: list[list[str]] = []

    def answer(click: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(sorted(button.text() for button in box.buttons()))
        assert box.defaultButton().text() == "Cancel"
        assert "(Actors: 2, projects: 1.)" in box.text()
        next(b for b in box.buttons() if b.text() == click).click()

    info = dialog.selected()
    assert info is not None
    QTimer.singleShot(0, lambda: answer("Cancel"))
    assert dialog.confirm_restore(info) is False
    QTimer.singleShot(0, lambda: answer("Restore"))
    assert dialog.confirm_restore(info) is True
    assert seen == [["Cancel", "Restore"], ["Cancel", "Restore"]]
    db.close()


def test_file_menu_restore_refreshes_the_window(
    qtbot: QtBot, make_window, db_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    set_language("en")
    copy = prepare(db_path)
    db = open_database(db_path, startup_backup=False)
    services = Services(db)
    window = make_window(services)
    window.show_view("actors")
    model = window.views["actors"].model
    assert model.rowCount() == 3
    window._update_file_menu()
    assert window.backups_action.isEnabled()
    assert "Backups" in window.backups_action.text()

    def run(dialog: BackupsDialog) -> int:
        dialog.confirm_restore = lambda _info: True  # type: ignore[method-assign]
        dialog.table.selectRow([info.path for info in dialog.backups].index(copy))
        assert dialog.restore_selected()
        return 1

    monkeypatch.setattr(BackupsDialog, "exec", run)
    window.backups_action.trigger()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert window.undo_stack.count() == 0
    assert len(services.actors.list()) == 2
    db.close()
