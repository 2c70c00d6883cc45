"""The home page (Ctrl+0, each entry one click from its place), the people list
(filter, e-mails copied for a mailing) and the actor profile."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from stad_desktop.services import Services
from stad_desktop.ui.dialogs.actor_profile import ActorProfileDialog
from stad_desktop.ui.views.effect_log import EffectLogView
from stad_desktop.ui.views.home import HomeView
from stad_desktop.ui.views.meetings import MeetingsView
from stad_desktop.ui.views.people import PeopleView
from stad_desktop.ui.views.projects import ProjectsView
from stad_desktop.ui.views.role_matrix import RoleMatrixView

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HomeView, "today", dt.date(2026, 11, 15))


def home(qtbot, make_window, services: Services):  # type: ignore[no-untyped-def]
    window = make_window(services)
    window.show_view("actors")
    qtbot.keyClick(window.sidebar, Qt.Key.Key_0, CTRL)
    view = window.current_view()
    assert isinstance(view, HomeView)
    if view.is_loading():  # read on a worker thread
        with qtbot.waitSignal(view.loaded, timeout=10000):
            pass
    assert view.overview is not None
    return window, view


def click(qtbot, view: HomeView, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = view.lists[key]
    item = view.item(key, text)
    widget.scrollToItem(item)
    rect = widget.visualItemRect(item)
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_ctrl_0_shows_what_needs_attention(qtbot, make_window, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    _window, view = home(qtbot, make_window, demo_services)
    assert view.entries("warnings")[0].startswith("Heimebasert omsorg 2030: 3 åtvaringar")
    assert len(view.entries("behind")) == 2
    assert "Elevar i kulturskulen (Kulturskule 3.0): 289 elevar" in view.entries("behind")[0]
    assert len(view.entries("backlog")) == 3
    assert view.entries("checklists")[0] == "Ungdom på Stadlandet: 0 av 11 gjort"
    assert "Frivilligheita: 7" in view.entries("sectors")
    assert view.entries("recent")
    # The warnings are in the tooltip of the project's entry.
    tip = view.item("warnings", "Ungdom på Stadlandet").toolTip()
    assert "finansiør" in tip


def test_a_click_goes_to_the_place(qtbot, make_window, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    window, view = home(qtbot, make_window, demo_services)
    project = demo_services.projects.find("Ungdom på Stadlandet")
    click(qtbot, view, "warnings", "Ungdom på Stadlandet")
    matrix = window.current_view()
    assert isinstance(matrix, RoleMatrixView) and matrix.project_id == project.id

    qtbot.keyClick(window.sidebar, Qt.Key.Key_0, CTRL)
    click(qtbot, view, "behind", "Bygder med kulturskuletilbod")
    effects = window.current_view()
    assert isinstance(effects, EffectLogView)
    assert effects.project_id == demo_services.projects.find("Kulturskule 3.0").id
    indicator = effects.current_indicator()
    assert indicator is not None and indicator.name == "Bygder med kulturskuletilbod"

    qtbot.keyClick(window.sidebar, Qt.Key.Key_0, CTRL)
    waiting = demo_services.overview.overview(HomeView.today).backlog.items[0]
    click(qtbot, view, "backlog", " ".join(waiting.item.text.split())[:30])
    meetings = window.current_view()
    assert isinstance(meetings, MeetingsView)
    assert meetings.current_meeting().id == waiting.item.meeting_id  # type: ignore[union-attr]
    assert meetings.current_input().item.id == waiting.item.id  # type: ignore[union-attr]

    qtbot.keyClick(window.sidebar, Qt.Key.Key_0, CTRL)
    click(qtbot, view, "checklists", "Kulturskule 3.0")
    projects = window.current_view()
    assert isinstance(projects, ProjectsView)
    assert projects.table.current_id() == demo_services.projects.find("Kulturskule 3.0").id


def test_the_home_page_is_built_only_when_shown(
    qtbot, make_window, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop.ui.settings import app_settings

    app_settings().setValue("main_window/view", "meetings")
    window = make_window(demo_services)
    assert isinstance(window.current_view(), MeetingsView)
    assert [type(v) for v in window.views.built()] == [MeetingsView]


def people(qtbot, make_window, services: Services) -> PeopleView:  # type: ignore[no-untyped-def]
    window = make_window(services)
    window.show_view("people")
    view = window.current_view()
    assert isinstance(view, PeopleView)
    return view


def test_people_are_searched_and_their_emails_copied(
    qtbot, make_window, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    view = people(qtbot, make_window, demo_services)
    everyone = view.model_rows.rowCount()
    assert everyone == len(demo_services.people.persons())
    qtbot.keyClicks(view.search, "EIDIL")
    qtbot.waitUntil(lambda: view.model_rows.rowCount() == 1)
    person = view.listed()[0]
    assert (person.name, person.actor_name) == ("Hilde Myklebust", "Eid idrettslag")
    assert view.model_rows.data(view.model_rows.index(0, 2)) == "Gjennomførar, Deltakar"

    view.search.clear()
    view.filter.setCurrentIndex(view.filter.findData("research"))
    listed = view.listed()
    assert listed and all(p.sector == "research" for p in listed)
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == "; ".join(p.email for p in listed if p.email)
    assert "; " in copied and "@" in copied


def test_a_person_opens_the_profile_of_its_actor(
    qtbot, make_window, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    view = people(qtbot, make_window, demo_services)
    qtbot.keyClicks(view.search, "Hilde Myklebust")
    qtbot.waitUntil(lambda: view.model_rows.rowCount() == 1)
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(view.dialog, ActorProfileDialog))
    profile = view.dialog
    assert isinstance(profile, ActorProfileDialog)
    model = profile.projects_model
    rows = [[model.data(model.index(r, c)) for c in (0, 3)] for r in range(model.rowCount())]
    assert rows == [["Folkehelse i bygdene", "Gjennomførar"], ["Kulturskule 3.0", "Deltakar"]]
    assert profile.meetings_model.rowCount() == 1
    assert profile.input_panel.model.rowCount() == 1
    assert "Engasjert sidan" in profile.summary.text()
    # A double click on a project goes to its role matrix.
    profile.projects_table.setCurrentIndex(model.index(0, 0))
    profile.projects_table.activated.emit(model.index(0, 0))
    qtbot.waitUntil(lambda: view.dialog is None)
    window = view.window()
    matrix = window.current_view()  # type: ignore[attr-defined]
    assert isinstance(matrix, RoleMatrixView)
    assert matrix.project_id == demo_services.projects.find("Folkehelse i bygdene").id


def test_the_home_page_is_read_while_the_window_takes_input(
    qtbot, make_window, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A county's overview takes a second to read: the window switches views and
    takes typing meanwhile, and the overview shows when it is read."""
    import threading

    release = threading.Event()
    read = demo_services.overview.overview

    def slow(today: dt.date | None = None):  # type: ignore[no-untyped-def]
        release.wait(10)
        return read(today)

    monkeypatch.setattr(demo_services.overview, "overview", slow)
    window = make_window(demo_services)
    window.show_view("home")
    view = window.current_view()
    assert isinstance(view, HomeView)
    assert view.is_loading() and view.overview is None
    assert "…" in view.heading.text()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_1, CTRL)  # the actors view, at once
    assert window.current_view() is window.views["actors"]
    qtbot.keyClick(window.sidebar, Qt.Key.Key_0, CTRL)
    assert window.current_view() is view and view.is_loading()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        release.set()
    assert not view.is_loading() and "…" not in view.heading.text()
    assert view.entries("warnings")[0].startswith("Heimebasert omsorg 2030: 3 åtvaringar")


def test_a_long_list_shows_the_most_urgent_and_counts_them_all(
    qtbot, make_window, services: Services
) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop.services import ActorInput, ProjectInput
    from stad_desktop.ui.views.home import ENTRIES_SHOWN

    owner = services.actors.create(ActorInput(name="Stad kommune", sector="municipality"))
    for n in range(ENTRIES_SHOWN + 5):
        services.projects.create(ProjectInput(name=f"Prosjekt {n:03d}", owner_id=owner.value.id))
    _window, view = home(qtbot, make_window, services)
    assert len(view.entries("warnings")) == ENTRIES_SHOWN
    assert len(view.entries("checklists")) == ENTRIES_SHOWN
    assert view.boxes["warnings"].title().endswith(f"({ENTRIES_SHOWN + 5})")
    assert view.boxes["checklists"].title().endswith(f"({ENTRIES_SHOWN + 5})")
