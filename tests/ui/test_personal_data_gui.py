"""Settings → Personal data due for review (keep, renew, erase, innsyn) and
Show history for an actor, in the window."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stad_desktop.language import set_language
from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.ui.dialogs.personal_data import PersonalDataDialog


def overdue(services: Services) -> str:
    """An actor whose contact person's review date has passed."""
    actor = services.actors.create(
        ActorInput(
            name="Selje grendalag",
            contacts=(ContactInput("Olav Kvalheim", "olav@selje.example", "912 34 501"),),
        )
    ).value
    person = services.personal_data.find("Olav Kvalheim")
    services.personal_data.set_basis(
        person.id, "public_task", review_date=dt.date.today() - dt.timedelta(days=1)
    )
    return actor.id


def test_review_list_keep_and_erase(qtbot: QtBot, services: Services) -> None:
    set_language("en")
    overdue(services)
    services.actors.create(
        ActorInput(name="Eid idrettslag", contacts=(ContactInput("Hilde Myklebust"),))
    )
    dialog = PersonalDataDialog(services, due_only=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Personal data due for review"
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Olav Kvalheim"
    assert dialog.table.item(0, 2).text() == "Public task"
    with qtbot.waitSignal(dialog.changed):
        dialog.keep_selected()
    assert dialog.table.rowCount() == 0  # kept: no longer due
    dialog.due_only.setChecked(False)
    assert dialog.table.rowCount() == 2
    dialog.select_name("Olav Kvalheim")
    dialog.renew_selected("Signert skjema")
    dialog.select_name("Olav Kvalheim")
    assert dialog.selected() is not None and dialog.selected().legal_basis == "consent"
    assert "Consent" in dialog.table.item(dialog.table.currentRow(), 2).text()
    assert dialog.erase_selected(ask=False)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
        "Hilde Myklebust"
    ]
    assert services.actors.search("Olav") == ()


def test_save_all_about_a_person(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    overdue(services)
    dialog = PersonalDataDialog(services)
    qtbot.addWidget(dialog)
    saved = dialog.export_selected(tmp_path / "olav.json")
    assert saved is not None
    assert json.loads(saved.read_text(encoding="utf-8"))["contacts"][0]["phone"] == "91 23 45 01"


def test_show_history_of_the_chosen_actor(qtbot: QtBot, services: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    set_language("en")
    actor_id = overdue(services)
    detail = services.actors.get(actor_id)
    services.actors.update(
        actor_id, dataclasses.replace(ActorInput.from_detail(detail), name="Selje grendalag SA")
    )
    window = make_window(services)
    window.show_view("actors")
    view = window.current_view()
    view.table.selectRow(0)
    dialog = window.privacy.show_history(show=False)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "History: Selje grendalag SA"
    texts = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())] == [
        "Created",
        "Changed",
    ]
    assert "Name: Selje grendalag → Selje grendalag SA" in texts[1]
    # Fields by their labels and choices by theirs; derived keys (which repeat the
    # contact persons' names) are not history.
    assert "Sector: Other" in texts[0] and "Name: Selje grendalag" in texts[0]
    assert "key" not in " ".join(texts) and "Olav" not in " ".join(texts)


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_menu_entries_are_translated(lang: str, services: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    set_language(lang)
    window = make_window(services)
    window.change_language(lang)
    texts = {
        "nn": "Personopplysningar",
        "nb": "Personopplysninger",
        "en": "Personal data",
    }
    assert texts[lang] in window.privacy.persons_action.text().replace("&", "")


def test_settings_dialog_sets_review_months_and_history_name(  # type: ignore[no-untyped-def]
    qtbot: QtBot, services: Services, make_window
) -> None:
    window = make_window(services)
    assert window.privacy.settings_action.text().replace("&", "") == (
        "Innstillingar for personopplysningar …"
    )
    dialog = window.privacy.open_settings(show=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Innstillingar for personopplysningar"
    assert dialog.months.text() == "24" and dialog.user_name.text() == ""
    dialog.months.setText("300")
    dialog.user_name.setText("Kari Saksbehandlar")
    dialog.accept()
    # Refused beside the field, in the window's language; nothing saved.
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.errors.message("review_months") == "Gje eit tal på månader frå 1 til 240."
    assert services.personal_data.settings().user_name == ""
    dialog.months.setText("12")
    assert dialog.errors.message("review_months") == ""  # gone as the field changes
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.personal_data.review_months() == 12
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    assert services.history.of_record("actors", actor.id)[0].changed_by == "Kari Saksbehandlar"
    again = window.privacy.open_settings(show=False)
    qtbot.addWidget(again)
    assert (again.months.text(), again.user_name.text()) == ("12", "Kari Saksbehandlar")


def test_the_erasure_confirmation_counts_in_words(  # type: ignore[no-untyped-def]
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    overdue(services)
    dialog = PersonalDataDialog(services)
    qtbot.addWidget(dialog)
    asked: list[str] = []

    def confirm(parent, question, detail, yes_text):  # type: ignore[no-untyped-def]
        asked.extend([question, detail])
        return False

    monkeypatch.setattr("stad_desktop.ui.dialogs.personal_data.confirm", confirm)
    assert not dialog.erase_selected()
    assert asked == [
        "Slette Olav Kvalheim for godt?",
        "Dette fjernar 1 kontaktoppføring og tek namnet bort frå 0 innspel og "
        "0 effektoppføringar (dei vert verande, utan namnet). Historikken tek vare på at "
        "endringane vart gjorde, ikkje kva dei innehaldt. Ei sletting kan ikkje angrast.",
    ]
    assert services.personal_data.find("Olav Kvalheim")  # nothing erased


def test_show_history_of_a_meeting_an_input_item_an_indicator_an_entry_and_a_person(
    qtbot: QtBot, make_window, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop.services import InputData, MeetingInput

    set_language("en")
    services = demo_services
    window = make_window(services)

    def titles_and_changes(key: str, focus: str | None = None) -> tuple[str, list[str]]:
        view = window.current_view()
        if focus is not None:
            getattr(view, focus).setFocus()
            qtbot.waitUntil(lambda: getattr(view, focus).hasFocus())
        dialog = window.privacy.show_history(show=False)
        assert dialog is not None
        qtbot.addWidget(dialog)
        rows = range(dialog.table.rowCount())
        return dialog.windowTitle(), [dialog.table.item(r, 2).text() for r in rows]

    meeting = services.meetings.list()[0]
    services.meetings.update(meeting.id, replace(MeetingInput.from_view(meeting), place="Ny stad"))
    window.show()
    window.show_view("meetings")
    view = window.current_view()
    assert view.select_meeting(meeting.id)
    assert titles_and_changes("meetings") == (f"History: {meeting.title}", ["Created", "Changed"])

    item = services.meetings.inputs(meeting.id)[0]
    services.meetings.update_input(item.id, replace(InputData.from_view(item), answer="Svar"))
    view.select_meeting(meeting.id)
    view.inputs_table.selectRow(view.input_model.row_of(item.id))
    title, changes = titles_and_changes("input", focus="inputs_table")
    assert title.startswith("History: " + item.text[:20]) and changes == ["Created", "Changed"]

    window.show_view("effect_log")
    log = window.current_view()
    indicator = log.current_indicator()
    assert indicator is not None
    assert titles_and_changes("indicator")[0] == f"History: {indicator.name}"

    window.show_view("people")
    people = window.current_view()
    people.table.selectRow(0)
    person = people.model_rows.row_at(0)
    assert titles_and_changes("person") == (f"History: {person.name}", ["Created"])
