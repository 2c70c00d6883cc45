"""What an upgrade of the database changed is told once in the window."""

from __future__ import annotations

from pathlib import Path

from old_databases import make_old_database

from stad_desktop.services import Services
from stad_desktop.storage import open_database


def test_the_report_is_shown_once_in_the_window_and_kept(tmp_path: Path, make_window) -> None:  # type: ignore[no-untyped-def]
    old_path = tmp_path / "old.sqlite3"
    make_old_database(old_path)
    from stad_desktop.ui.app import tell_upgrade_report

    db = open_database(old_path)
    services = Services(db)
    window = make_window(services)
    text = tell_upgrade_report(window, services, dialog=False)
    assert text is not None and "Kulturskule 3.0: Selje grendalag" in text
    assert "3" in window.statusBar().currentMessage()
    assert tell_upgrade_report(window, services, dialog=False) is None  # once
    assert services.upgrade_reports.reports()[0].shown  # but kept
    # ... and found again under Help.
    assert window.help.upgrade_report_action.isEnabled()
    assert window.help.upgrade_report_text() == text
    db.close()
