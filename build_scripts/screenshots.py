"""Screenshots of the views with the Stad example data (``make screenshots``).

Runs offscreen on a temporary database and temporary settings; writes PNG files
to ``docs/screenshots/``. Add a view by appending ``(filename, callable)`` to
``SHOTS``: the callable gets a :class:`Shot` context and returns the widget to grab.

Usage: python build_scripts/screenshots.py [--lang nn|nb|en] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from stad_desktop.services import Services
    from stad_desktop.ui.main_window import MainWindow

WINDOW_SIZE = (1280, 760)
LAPTOP_SIZE = (1366, 768)
MEETINGS_SIZE = (
    int(os.environ.get("STAD_SHOT_WIDTH", 1366)),
    int(os.environ.get("STAD_SHOT_HEIGHT", 768)),
)


@dataclass
class Shot:
    app: QApplication
    window: MainWindow
    services: Services
    folder: Path  # a temporary folder for files the shots make

    def settle(self) -> None:
        """Let the window paint, and a view reading on a worker thread show its data."""
        for _ in range(3):
            self.app.processEvents()
        view = self.window.current_view()
        deadline = time.monotonic() + 30
        while view is not None and view.is_loading() and time.monotonic() < deadline:
            time.sleep(0.01)
            self.app.processEvents()

    def view(self, key: str) -> QWidget:
        self.window.show_view(key)
        self.settle()
        return self.window


def actors(shot: Shot) -> QWidget:
    shot.window.resize(*WINDOW_SIZE)
    return shot.view("actors")


def projects(shot: Shot) -> QWidget:
    window = shot.view("projects")
    view = shot.window.views["projects"]
    view.table.selectRow(0)  # type: ignore[attr-defined]
    shot.settle()
    return window


def project_checklist(shot: Shot) -> QWidget:
    from stad_desktop.ui.dialogs.project_dialog import CHECKLIST_TAB
    from stad_desktop.ui.views.projects import ProjectsView

    shot.view("projects")
    view = shot.window.views["projects"]
    assert isinstance(view, ProjectsView)
    view.table.selectRow(0)
    view.edit_item()
    dialog = view.dialog
    assert dialog is not None
    dialog.tabs.setCurrentIndex(CHECKLIST_TAB)
    dialog.resize(980, 820)
    shot.settle()
    return dialog


def project_details(shot: Shot) -> QWidget:
    from stad_desktop.ui.dialogs.project_dialog import DETAILS_TAB, ProjectDialog

    dialog = shot.window.views["projects"].dialog
    assert isinstance(dialog, ProjectDialog)
    dialog.tabs.setCurrentIndex(DETAILS_TAB)
    shot.settle()
    return dialog


def actor_dialog(shot: Shot) -> QWidget:
    project_dialog = shot.window.views["projects"].dialog
    if project_dialog is not None:
        project_dialog.reject()
    shot.view("actors")
    view = shot.window.views["actors"]
    view.table.selectRow(5)  # type: ignore[attr-defined]
    view.edit_item()
    shot.settle()
    assert view.dialog is not None
    return view.dialog


def _wide(shot: Shot) -> None:
    shot.window.resize(*MEETINGS_SIZE)
    shot.settle()


def home(shot: Shot) -> QWidget:
    import datetime as dt

    from stad_desktop.ui.views.home import HomeView

    HomeView.today = dt.date(2026, 11, 15)  # the example data's "now"
    _wide(shot)
    window = shot.view("home")
    shot.window.views["home"].refresh()
    shot.settle()
    return window


def actor_profile(shot: Shot) -> QWidget:
    from stad_desktop.ui.views.actors import ActorsView

    dialog = shot.window.views["actors"].dialog
    if dialog is not None:
        dialog.reject()
    _wide(shot)
    shot.view("actors")
    view = shot.window.views["actors"]
    assert isinstance(view, ActorsView)
    row = next(
        r for r in range(view.model.rowCount()) if view.model.row_at(r).name == "Eid idrettslag"
    )
    view.table.selectRow(row)
    view.show_profile()
    shot.settle()
    assert view.dialog is not None
    return view.dialog


def people(shot: Shot) -> QWidget:
    dialog = shot.window.views["actors"].dialog
    if dialog is not None:
        dialog.reject()
    _wide(shot)
    window = shot.view("people")
    shot.window.views["people"].table.selectRow(0)  # type: ignore[attr-defined]
    shot.settle()
    return window


def _project_id(shot: Shot, name: str) -> str:
    return next(p.id for p in shot.services.projects.refs() if p.name == name)


def role_matrix(shot: Shot) -> QWidget:
    from stad_desktop.ui.views.role_matrix import RoleMatrixView

    actor_view_dialog = shot.window.views["actors"].dialog  # type: ignore[attr-defined]
    if actor_view_dialog is not None:
        actor_view_dialog.reject()
    shot.window.resize(*LAPTOP_SIZE)  # a 1366 x 768 laptop: the role matrix fits
    shot.window.open_project("role_matrix", _project_id(shot, "Folkehelse i bygdene"))
    view = shot.window.views["role_matrix"]
    assert isinstance(view, RoleMatrixView) and view.model.matrix is not None
    view.tabs.setCurrentIndex(0)
    # Select the cell a warning is about, so the side panel shows its expectation.
    warning = next(w for w in view.model.matrix.warnings if w.actor_id and w.role_id)
    view.table.setCurrentIndex(
        view.model.index(
            view.model.actor_row(warning.actor_id or ""),
            view.model.role_column(warning.role_id or ""),
        )
    )
    view.table.selectionModel().clearSelection()  # keep the amber "!" visible
    view.table.setFocus()
    shot.settle()
    return shot.window


def portfolio(shot: Shot) -> QWidget:
    from stad_desktop.ui.views.role_matrix import RoleMatrixView

    view = shot.window.views["role_matrix"]
    assert isinstance(view, RoleMatrixView)
    shot.view("role_matrix")
    view.tabs.setCurrentIndex(1)
    shot.settle()
    return shot.window


def effect_log(shot: Shot) -> QWidget:
    shot.window.open_project("effect_log", _project_id(shot, "Folkehelse i bygdene"))
    shot.settle()
    return shot.window


def meetings(shot: Shot) -> QWidget:
    from stad_desktop.ui.views.meetings import MeetingsView

    shot.window.resize(*MEETINGS_SIZE)
    window = shot.view("meetings")
    view = shot.window.views["meetings"]
    assert isinstance(view, MeetingsView)
    # The meeting with the most input collected on the road, with the next item
    # being typed in the input line; beside it, the input waiting for an answer.
    busiest = max(view.meetings(), key=lambda m: m.input_count)
    view.select_meeting(busiest.id)
    view.inputs_table.selectRow(0)
    view.quick.text.setText("Fleire benkar langs fjorden")
    view.quick.topic.setText("Møteplassar")
    view.quick.text.setFocus()
    shot.settle()
    return window


def travel_conflicts(shot: Shot) -> QWidget:
    """The bring-home dialog with conflicts: a travel copy of the example data, and
    the same fields changed differently in it and at the office meanwhile."""
    from dataclasses import replace

    from stad_desktop.services import ActorInput, ContactInput, Services
    from stad_desktop.storage import open_database
    from stad_desktop.ui.dialogs.travel_dialogs import BringHomeDialog

    shot.window.resize(1366, 768)
    trip = shot.folder / "stad-eksempel-2026-05-04.stadtrip"
    shot.services.travel.take(trip)
    edits = {  # actor: (field, office's value, travel copy's value)
        "Selje grendalag": ("phone", "900 11 333", "41 22 33 44"),
        "Lote bygdelag": ("village", "Lote sentrum", "Nordfjordeid"),
        "Eid idrettslag": ("notes", "Nytt styre frå mars.", "Vil ha trenarkurs i haust."),
    }

    def edit(services: Services, side: int) -> None:
        for actor in services.actors.refs():
            if actor.name not in edits:
                continue
            field, *values = edits[actor.name]
            data = ActorInput.from_detail(services.actors.get(actor.id))
            if field == "phone":
                first = data.contacts[0] if data.contacts else ContactInput("Kontaktperson")
                data = replace(
                    data, contacts=(replace(first, phone=values[side]), *data.contacts[1:])
                )
            elif field == "village":
                data = replace(data, village=values[side])
            else:
                data = replace(data, notes=values[side])
            services.actors.update(actor.id, data)

    road = open_database(trip, startup_backup=False)
    try:
        edit(Services(road), 1)
    finally:
        road.close()
    edit(shot.services, 0)
    plan = shot.services.travel.plan(trip)
    dialog = BringHomeDialog(shot.services.travel, trip, plan, shot.window)
    dialog.resize(1100, 600)
    dialog.show()
    dialog.choose(1, "travel")
    shot.settle()
    return dialog


def help_window(shot: Shot) -> QWidget:
    from stad_desktop.ui import help_content

    _wide(shot)
    dialog = shot.window.help.show_help(help_content.ADVICE)
    shot.settle()
    return dialog


def personal_data_review(shot: Shot) -> QWidget:
    """Settings → Personal data due for review, with three persons whose review
    date has passed (it changes their legal basis: after the views' shots)."""
    import datetime as dt

    personal = shot.services.personal_data
    for name in ("Gunnar Mogren", "Ingrid Hjelmeland", "Sigurd Eide"):
        personal.set_basis(
            personal.find(name).id,
            "consent",
            consent_date=dt.date(2024, 3, 1),
            consent_how="Signert skjema",
            review_date=dt.date.today() - dt.timedelta(days=3),
        )
    shot.window.resize(*LAPTOP_SIZE)
    dialog = shot.window.privacy.open_persons(due_only=True, show=False)
    dialog.show()
    shot.settle()
    return dialog


# (file name, what to grab) in order; later entries may rely on earlier ones.
SHOTS: list[tuple[str, Callable[[Shot], QWidget]]] = [
    ("home.png", home),
    ("actors.png", actors),
    ("projects.png", projects),
    ("project-checklist.png", project_checklist),
    ("project-details.png", project_details),
    ("actor-dialog.png", actor_dialog),
    ("actor-profile.png", actor_profile),
    ("people.png", people),
    ("role-matrix.png", role_matrix),
    ("portfolio.png", portfolio),
    ("effect-log.png", effect_log),
    ("meetings.png", meetings),
    ("help.png", help_window),
    ("personal-data-review.png", personal_data_review),
    ("travel-conflicts.png", travel_conflicts),  # changes the data: keep it last
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="nn", choices=("nn", "nb", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from stad_desktop.demo import load_demo
    from stad_desktop.language import set_language
    from stad_desktop.services import Services
    from stad_desktop.storage import open_database
    from stad_desktop.ui.main_window import MainWindow
    from stad_desktop.ui.settings import APPLICATION, ORGANISATION

    set_language(args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "settings"))
        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        app.setOrganizationName(ORGANISATION)
        app.setApplicationName(APPLICATION)
        db = open_database(folder / "stad-eksempel.sqlite3")
        try:
            services = Services(db)
            load_demo(services)
            window = MainWindow(db.name)
            window.resize(*WINDOW_SIZE)
            window.show()
            window.attach(services)
            shot = Shot(app, window, services, folder)
            shot.settle()
            for filename, grab in SHOTS:
                widget = grab(shot)
                target = args.out / filename
                if not widget.grab().save(str(target)):
                    print(f"could not write {target}", file=sys.stderr)
                    return 1
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            window.close()
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
