"""Settings → Language: the open window is retranslated in place at once (the
database, undo stack, views, view and project are kept) and the choice is used at
the next start when no --lang is given."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from stad_desktop.language import current
from stad_desktop.services import Services
from stad_desktop.storage import open_database
from stad_desktop.ui.settings import saved_language


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Services]:
    database = open_database(demo_path)
    yield Services(database)
    database.close()


def _titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for a in window.menuBar().actions()]


def test_switching_retranslates_the_window(qtbot, english_qt_afterwards, demo: Services) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop.ui.main_window import MainWindow

    window = MainWindow(demo.db.name)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(demo)
    assert _titles(window) == ["&Fil", "&Rediger", "&Vis", "&Innstillingar", "&Hjelp"]
    assert window.sidebar.item(0).text() == "Heim"
    assert window.sidebar.item(1).text() == "Aktørar"

    # Something to undo, a chosen project and a view that is not the first.
    project = demo.projects.find("Kulturskule 3.0")
    window.show_view("projects")
    projects = window.views["projects"]
    projects.table.selectRow(projects.model.row_of(project.id))  # type: ignore[attr-defined]
    actors_before = demo.counts().actors
    window.show_view("actors")
    window.views["actors"].table.selectRow(0)  # type: ignore[attr-defined]
    window.views["actors"].archive_item()
    assert window.undo_stack.count() == 1
    window.show_view("role_matrix")
    old_view = window.views["role_matrix"]

    languages = {a.data(): a for a in window.language_actions.actions()}
    assert set(languages) == {"nn", "nb", "en"}
    languages["nb"].trigger()

    assert current().lang == "nb"
    assert saved_language() == "nb"
    assert _titles(window) == ["&Fil", "&Rediger", "&Vis", "&Innstillinger", "&Hjelp"]
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        "Hjem",
        "Aktører",
        "Prosjekter",
        "Rollematrise",
        "Effektlogg",
        "Møter",
        "Personer",
    ]
    assert window.views["role_matrix"] is old_view
    assert window.stack.currentWidget() is window.views["role_matrix"]
    assert window.current_project_id == project.id
    assert window.views["role_matrix"].project_id == project.id  # type: ignore[attr-defined]
    assert window.views["role_matrix"].tabs.tabText(0) == "Rollematrise for prosjektet"  # type: ignore[attr-defined]
    # Role names come from the data in the chosen language.
    matrix = window.views["role_matrix"]
    model = matrix.model  # type: ignore[attr-defined]
    headers = (
        " ".join(
            str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
        )
        .replace("\n", "")
        .replace("\u00ad", "")
    )
    assert "Gjennomfører" in headers and "Gjennomførar" not in headers
    checked = [a.data() for a in window.language_actions.actions() if a.isChecked()]
    assert checked == ["nb"]
    # Qt's own strings follow.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    line = QLineEdit()
    qtbot.addWidget(line)
    assert line.createStandardContextMenu().actions()[0].text().startswith("&Angre")

    # The undo stack survived, and undo still works.
    assert window.undo_stack.count() == 1
    assert window.undo_action.text().startswith("Angre")
    window.undo_action.trigger()
    assert demo.counts().actors == actors_before

    window.change_language("en")
    assert _titles(window) == ["&File", "&Edit", "&View", "&Settings", "&Help"]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    window.change_language("nn")
    assert window.sidebar.item(0).text() == "Heim"
    assert window.sidebar.item(1).text() == "Aktørar"
    assert saved_language() == "nn"


def test_the_welcome_page_is_retranslated(qtbot, english_qt_afterwards, services: Services) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop.ui.main_window import MainWindow

    window = MainWindow(services.db.name)
    qtbot.addWidget(window)
    window.show()
    window.attach(services)
    assert window.welcome is not None
    window.change_language("nb")
    assert window.welcome is not None
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.actor_button.text() == "Ny &aktør…"


def _start(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is no database" * 100)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "stad_desktop", "--db", str(bad), "--no-crash-dialog", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_the_saved_language_is_used_at_the_next_start(tmp_path: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "Stad" / "StadDesktop.conf"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[General]\nlanguage=nb\n", encoding="utf-8")
    # The message about the refused file comes in the remembered language ...
    result = _start(tmp_path)
    assert result.returncode == 2
    assert "er ikke en Stad Desktop-database" in result.stderr
    # ... unless --lang says otherwise.
    result = _start(tmp_path, "--lang", "nn")
    assert "er ikkje ein Stad Desktop-database" in result.stderr
