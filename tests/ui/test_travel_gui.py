"""Travel copies in the window: File → Take travel copy …, Bring travel copy home …
(conflicts side by side, a choice per conflict) and Merges …, and the banner and
title of a travel copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from pytestqt.qtbot import QtBot
from travel_helpers import edit_actor, opened

from stad_desktop.language import Message, set_language
from stad_desktop.services import ActorInput, Services
from stad_desktop.services.travel import (
    FieldConflict,
    MergePlan,
    MergeRecordView,
    MergeSummary,
    TravelInfo,
    TravelRefused,
)
from stad_desktop.ui import travel_menu
from stad_desktop.ui.dialogs.travel_dialogs import (
    BASE,
    OFFICE_COLUMN,
    TRAVEL_COLUMN,
    BringHomeDialog,
    MergesDialog,
)

INFO = TravelInfo(
    copy_id="5f0c7d2e-1111-4b7e-9a55-0123456789ab",
    office_id="office-1",
    office_name="stad.sqlite3",
    taken_at=dt.datetime(2026, 5, 4, 8, 30),
    program_version="1.0",
)
CONFLICTS = (
    FieldConflict(
        "actor-1:phone",
        "actors",
        "actor-1",
        "Selje grendalag",
        "phone",
        Message("Phone"),
        "900 11 222",
        "900 11 333",
        "41 22 33 44",
        table_label=Message("Contact person"),
    ),
    FieldConflict(
        "actor-2:email",
        "actors",
        "actor-2",
        "Stad kulturskule",
        "email",
        Message("Email"),
        "",
        "post@kulturskule.no",
        "kontakt@kulturskule.no",
        table_label=Message("Actor"),
    ),
)
PLAN = MergePlan(INFO, MergeSummary(12, 7, 2, 2, 0, 0), CONFLICTS)


class FakeTravel:
    """A travel service that answers with fixed data and records the calls."""

    def __init__(self, info: TravelInfo | None = None, plan: MergePlan = PLAN) -> None:
        self._info = info
        self._plan = plan
        self.brought: list[tuple[Path, dict[str, str]]] = []
        self.taken: list[Path] = []
        self.refusal: TravelRefused | None = None

    def info(self) -> TravelInfo | None:
        return self._info

    def take(self, output: Path) -> TravelInfo:
        self.taken.append(output)
        return INFO

    def plan(self, trip: Path) -> MergePlan:
        if self.refusal is not None:
            raise self.refusal
        return self._plan

    def bring_home(
        self,
        trip: Path,
        choices: Mapping[str, str] | None = None,
        prefer: str | None = None,
    ) -> MergeSummary:
        self.brought.append((trip, dict(choices or {})))
        travel = sum(1 for side in (choices or {}).values() if side == "travel")
        return MergeSummary(12, 7, 2, 2, 2 - travel, travel)

    def merges(self) -> tuple[MergeRecordView, ...]:
        return ()


def texts(dialog: BringHomeDialog, column: int) -> list[str]:
    return [dialog.cell(row, column).text() for row in range(dialog.table.rowCount())]


def checked(dialog: BringHomeDialog, column: int) -> list[bool]:
    return [
        dialog.cell(row, column).checkState() == Qt.CheckState.Checked
        for row in range(dialog.table.rowCount())
    ]


@pytest.fixture
def dialog(qtbot: QtBot) -> tuple[BringHomeDialog, FakeTravel]:
    set_language("en")
    travel = FakeTravel()
    dialog = BringHomeDialog(travel, Path("stad-2026-05-04.stadtrip"), PLAN)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, travel


def test_conflicts_are_listed_side_by_side(dialog: tuple[BringHomeDialog, FakeTravel]) -> None:
    window, _travel = dialog
    assert texts(window, 0) == ["Contact person: Selje grendalag", "Actor: Stad kulturskule"]
    assert texts(window, 1) == ["Phone", "Email"]
    assert texts(window, BASE) == ["900 11 222", "(empty)"]
    assert texts(window, OFFICE_COLUMN) == ["900 11 333", "post@kulturskule.no"]
    assert texts(window, TRAVEL_COLUMN) == ["41 22 33 44", "kontakt@kulturskule.no"]
    assert "New records: 12" in window.summary.text()
    assert "Conflicts: 2" in window.summary.text()
    assert "cannot be undone with Ctrl+Z" in window.note.text()
    # Until the user chooses, the office keeps its values.
    assert checked(window, OFFICE_COLUMN) == [True, True]
    assert checked(window, TRAVEL_COLUMN) == [False, False]


def test_travel_for_all_and_ok_pass_the_choices(
    qtbot: QtBot, dialog: tuple[BringHomeDialog, FakeTravel]
) -> None:
    window, travel = dialog
    qtbot.mouseClick(window.travel_all, Qt.MouseButton.LeftButton)
    assert checked(window, TRAVEL_COLUMN) == [True, True]
    assert checked(window, OFFICE_COLUMN) == [False, False]
    qtbot.mouseClick(window.office_all, Qt.MouseButton.LeftButton)
    assert checked(window, OFFICE_COLUMN) == [True, True]
    qtbot.mouseClick(window.travel_all, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.ok_button, Qt.MouseButton.LeftButton)
    assert travel.brought == [
        (
            Path("stad-2026-05-04.stadtrip"),
            {"actor-1:phone": "travel", "actor-2:email": "travel"},
        )
    ]
    assert window.result() == BringHomeDialog.DialogCode.Accepted
    assert window.result_summary == MergeSummary(12, 7, 2, 2, 0, 2)


def test_one_choice_by_keyboard(qtbot: QtBot, dialog: tuple[BringHomeDialog, FakeTravel]) -> None:
    window, travel = dialog
    window.activateWindow()
    window.table.setFocus()
    # The first conflict's office value is current: Right, Space picks the travel copy's.
    assert window.table.currentColumn() == OFFICE_COLUMN
    qtbot.keyClick(window.table, Qt.Key.Key_Right)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert checked(window, TRAVEL_COLUMN) == [True, False]
    assert checked(window, OFFICE_COLUMN) == [False, True]
    # Space on the kept value does not leave the row without a choice.
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert checked(window, OFFICE_COLUMN) == [True, True]
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    window.accept()
    assert travel.brought[0][1] == {"actor-1:phone": "office", "actor-2:email": "travel"}


def test_a_refusal_on_ok_is_shown_and_merges_nothing(
    dialog: tuple[BringHomeDialog, FakeTravel],
) -> None:
    window, travel = dialog
    shown: list[str] = []
    window.show_problem = shown.append  # type: ignore[method-assign]

    def refuse(*args: object, **kwargs: object) -> MergeSummary:
        raise TravelRefused(Message("This travel copy has been brought home already."))

    travel.bring_home = refuse  # type: ignore[method-assign]
    window.accept()
    assert shown == ["This travel copy has been brought home already."]
    assert window.result_summary is None
    assert window.result() == BringHomeDialog.DialogCode.Rejected


def test_bring_home_from_the_menu_refreshes_every_view(  # type: ignore[no-untyped-def]
    qtbot, make_window, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("en")
    travel = FakeTravel()
    services.travel = travel  # type: ignore[assignment]
    window = make_window(services)
    menu = window.travel
    trip = Path("/road/stad-2026-05-04.stadtrip")
    monkeypatch.setattr(menu, "ask_trip", lambda: trip)

    def choose_travel(dialog: BringHomeDialog) -> bool:
        dialog.choose(1, "travel")
        dialog.accept()
        return True

    monkeypatch.setattr(menu, "run_dialog", choose_travel)
    told: list[str] = []
    monkeypatch.setattr(travel_menu, "inform", lambda parent, text, title="": told.append(text))
    window.undo_stack.push(QUndoCommand("an edit before the merge"))
    with qtbot.waitSignal(window.bus.data_changed) as changed:
        assert menu.bring_home()
    assert changed.args == ["all", ()]
    assert travel.brought == [(trip, {"actor-1:phone": "office", "actor-2:email": "travel"})]
    assert window.undo_stack.count() == 0
    assert told and "brought home" in told[0]
    assert "Kept from the office: 1, kept from the travel copy: 1" in told[0]


def test_a_refused_travel_copy_is_told_in_one_line(  # type: ignore[no-untyped-def]
    make_window, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("en")
    travel = FakeTravel()
    travel.refusal = TravelRefused(
        Message("This travel copy was taken from another office database.")
    )
    services.travel = travel  # type: ignore[assignment]
    window = make_window(services)
    monkeypatch.setattr(window.travel, "ask_trip", lambda: Path("other.stadtrip"))
    shown: list[str] = []
    monkeypatch.setattr(travel_menu, "problem", lambda parent, text, title="": shown.append(text))
    assert not window.travel.bring_home()
    assert shown == ["This travel copy was taken from another office database."]
    assert travel.brought == []


def test_take_proposes_a_dated_name_and_says_what_to_do(  # type: ignore[no-untyped-def]
    make_window, services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    set_language("en")
    travel = FakeTravel()
    services.travel = travel  # type: ignore[assignment]
    window = make_window(services)
    asked: list[str] = []

    def ask(suggested: str) -> Path:
        asked.append(suggested)
        return tmp_path / "tour"

    monkeypatch.setattr(window.travel, "ask_output", ask)
    told: list[str] = []
    monkeypatch.setattr(travel_menu, "inform", lambda parent, text, title="": told.append(text))
    assert window.travel.take() == tmp_path / "tour.stadtrip"
    stem = Path(services.db.name).stem
    assert asked == [f"{stem}-{dt.date.today().isoformat()}.stadtrip"]
    assert travel.taken == [tmp_path / "tour.stadtrip"]
    assert "Bring travel copy home" in told[0]
    assert "tour.stadtrip" in window.statusBar().currentMessage()


def test_a_travel_copy_says_so_in_title_and_banner(  # type: ignore[no-untyped-def]
    make_window, services: Services, tmp_path: Path
) -> None:
    set_language("nn")
    trip = tmp_path / "tur.stadtrip"
    info = services.travel.take(trip)
    office = services.db.name
    taken = info.taken_at.astimezone() if info.taken_at.tzinfo else info.taken_at
    with opened(trip) as road:
        window = make_window(road)
        banner = window.travel.banner
        assert banner.isVisible()
        assert banner.text().startswith(
            f"Reisekopi av {office}, teken {taken:%d.%m.%Y %H:%M}. Når du er tilbake"
        )
        assert window.windowTitle() == f"Stad Desktop – tur.stadtrip (reisekopi av {office})"
        # On the road, copies are neither taken nor brought home.
        assert not window.travel.take_action.isEnabled()
        assert not window.travel.bring_home_action.isEnabled()
        window.change_language("en")
        assert banner.text().startswith(f"Travel copy of {office}, taken {taken:%d/%m/%Y %H:%M}.")
        assert window.windowTitle() == f"Stad Desktop – tur.stadtrip (travel copy of {office})"
        window.close()


def test_the_office_database_has_no_banner(make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(services)
    assert not window.travel.banner.isVisible()
    assert "travel" not in window.windowTitle().lower()
    assert window.travel.take_action.isEnabled()


def test_menu_actions_in_nynorsk_and_english(make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    set_language("nn")
    window = make_window(services)
    actions = window.file_menu.actions()
    menu = window.travel
    for action in (menu.take_action, menu.bring_home_action, menu.merges_action):
        assert action in actions
    assert [a.text() for a in (menu.take_action, menu.bring_home_action, menu.merges_action)] == [
        "Ta med &reisekopi …",
        "Ta reisekopien med &heim …",
        "&Samanslåingar …",
    ]
    window.change_language("en")
    assert [a.text() for a in (menu.take_action, menu.bring_home_action, menu.merges_action)] == [
        "&Take travel copy …",
        "Bring travel copy &home …",
        "&Merges …",
    ]


def test_conflicts_chosen_in_the_window_are_merged_and_the_losers_kept(  # type: ignore[no-untyped-def]
    qtbot, make_window, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real travel service: the same fields changed differently at the office
    and on the road; the user keeps the village from the road and the notes from
    the office; Merges … then shows the values that lost."""
    set_language("en")
    actor = services.actors.create(ActorInput(name="Selje grendalag", village="Selje")).value.id
    trip = tmp_path / "tour.stadtrip"
    services.travel.take(trip)
    with opened(trip) as road:
        edit_actor(road, actor, village="Stadlandet", notes="Written on the road")
    edit_actor(services, actor, village="Nordfjordeid", notes="Written at the office")
    window = make_window(services)
    monkeypatch.setattr(window.travel, "ask_trip", lambda: trip)
    monkeypatch.setattr(travel_menu, "inform", lambda parent, text, title="": None)
    seen: list[list[str]] = []

    def choose(dialog: BringHomeDialog) -> bool:
        seen.extend(
            [dialog.cell(row, column).text() for column in range(5)]
            for row in range(dialog.table.rowCount())
        )
        fields = [conflict.field for conflict in dialog.conflicts]
        dialog.choose(fields.index("village"), "travel")
        dialog.accept()
        return True

    monkeypatch.setattr(window.travel, "run_dialog", choose)
    assert window.travel.bring_home()
    assert sorted(seen) == [
        [
            "Actor: Selje grendalag",
            "Notes",
            "(empty)",
            "Written at the office",
            "Written on the road",
        ],
        ["Actor: Selje grendalag", "Village", "Selje", "Nordfjordeid", "Stadlandet"],
    ]
    detail = services.actors.get(actor)
    assert (detail.village, detail.notes) == ("Stadlandet", "Written at the office")
    # A second time is refused, and says why.
    shown: list[str] = []
    monkeypatch.setattr(travel_menu, "problem", lambda parent, text, title="": shown.append(text))
    assert not window.travel.bring_home()
    assert shown and "brought home already" in shown[0]

    dialog = MergesDialog(services.travel)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, column).text() for column in (2, 3, 4, 5)] == ["0", "0", "1", "2"]  # type: ignore[union-attr]
    losers = dialog.losers
    rows = sorted(
        [losers.item(row, column).text() for column in range(5)]  # type: ignore[union-attr]
        for row in range(losers.rowCount())
    )
    assert rows == [
        [
            "Actor: Selje grendalag",
            "Notes",
            "Written at the office",
            "Written on the road",
            "Office",
        ],
        ["Actor: Selje grendalag", "Village", "Stadlandet", "Nordfjordeid", "Travel copy"],
    ]


def test_one_organisation_number_on_two_actors_is_a_problem_message_not_a_crash(  # type: ignore[no-untyped-def]
    make_window, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real travel service: the office and the road give the same organisation
    number to two different actors; OK tells it in one line and merges nothing."""
    set_language("en")
    first = services.actors.create(ActorInput(name="Selje grendalag")).value.id
    second = services.actors.create(ActorInput(name="Ervik sanitetslag")).value.id
    trip = tmp_path / "tour.stadtrip"
    services.travel.take(trip)
    with opened(trip) as road:
        edit_actor(road, second, org_number="964965226")
    edit_actor(services, first, org_number="964965226")
    window = make_window(services)
    monkeypatch.setattr(window.travel, "ask_trip", lambda: trip)
    shown: list[str] = []

    def press_ok(dialog: BringHomeDialog) -> bool:
        dialog.show_problem = shown.append  # type: ignore[method-assign]
        dialog.accept()
        return dialog.result() == BringHomeDialog.DialogCode.Accepted

    monkeypatch.setattr(window.travel, "run_dialog", press_ok)
    assert not window.travel.bring_home()
    assert len(shown) == 1
    assert "the same value in the field “Organisation number” (964965226)" in shown[0]
    assert "“Ervik sanitetslag” and “Selje grendalag”" in shown[0]
    assert services.actors.get(second).org_number == ""
    assert services.travel.merges() == ()
