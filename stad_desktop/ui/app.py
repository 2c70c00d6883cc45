"""Starting the GUI: application object, database, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from stad_desktop.language import Translator, current, set_language


def run_gui(
    db_path: Path | None,
    lang: str | None,
    crash_dialog: bool = True,
    exit_after_startup: bool = False,
) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    from stad_desktop import paths
    from stad_desktop.services import Services
    from stad_desktop.storage import StorageError, open_database

    tr: Translator = set_language(lang) if lang else current()
    app = QApplication.instance() or QApplication(sys.argv)
    explicit = db_path is not None
    path = db_path or paths.default_db_path()
    if not explicit:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        services = Services(open_database(path))
    except StorageError as exc:
        message = tr.render(exc.message)
        print(f"stad-desktop: {message}", file=sys.stderr)
        if crash_dialog:
            QMessageBox.critical(None, "Stad Desktop", message)
        return 2
    window = QMainWindow()
    window.setWindowTitle(f"Stad Desktop – {services.db.name}")
    window.resize(1000, 700)
    window.show()
    if exit_after_startup:
        return 0
    return int(app.exec())
