"""Input tied to projects, actors and villages, and the answer backlog."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

import pytest

from stad_desktop.services import (
    ActorInput,
    InputData,
    MeetingInput,
    ProjectInput,
    Services,
    ValidationError,
)
from tests.services.db_helpers import snapshot


@pytest.fixture
def world(services: Services) -> dict[str, str]:
    ids = {
        "helse": services.projects.create(ProjectInput(name="Folkehelse")).value.id,
        "kultur": services.projects.create(ProjectInput(name="Kulturskule")).value.id,
        "grendalag": services.actors.create(
            ActorInput(name="Selje grendalag", village="Selje")
        ).value.id,
        "idrettslag": services.actors.create(
            ActorInput(name="Eid IL", village="Nordfjordeid")
        ).value.id,
    }
    ids["selje"] = services.meetings.create(
        MeetingInput(
            "Bygdemøte i Selje",
            "12.03.2026",
            place="Selje",
            participant_ids=[ids["grendalag"], ids["idrettslag"]],
        )
    ).value.id
    ids["eid"] = services.meetings.create(
        MeetingInput("Folkemøte på Eid", "07.05.2026", place="Kulturhuset, Nordfjordeid")
    ).value.id
    return ids


def test_an_item_links_to_several_projects_and_its_actor(
    services: Services, world: dict[str, str]
) -> None:
    item = services.meetings.add_input(
        world["selje"],
        InputData(
            "Gatelys langs stien",
            from_actor_id=world["grendalag"],
            project_ids=(world["kultur"], world["helse"], world["helse"]),
            village="Selje",
        ),
    ).value
    # Each project once, in alphabetical order of the projects.
    assert item.project_ids == (world["helse"], world["kultur"])
    assert item.village == "Selje"
    for project in ("helse", "kultur"):
        (entry,) = services.meetings.input_for_project(world[project])
        assert entry.item == item
        assert (entry.meeting_title, entry.meeting_place) == ("Bygdemøte i Selje", "Selje")
        assert entry.meeting_date == dt.date(2026, 3, 12)
        assert [p.name for p in entry.projects] == ["Folkehelse", "Kulturskule"]
    (given,) = services.meetings.input_from_actor(world["grendalag"])
    assert given.item == item and given.source == "Selje grendalag"
    assert services.meetings.input_from_actor(world["idrettslag"]) == ()
    # Unlinking one project leaves the other.
    services.meetings.update_input(
        item.id, replace(InputData.from_view(item), project_ids=(world["kultur"],))
    )
    assert services.meetings.input_for_project(world["helse"]) == ()
    assert len(services.meetings.input_for_project(world["kultur"])) == 1


def test_an_unknown_project_is_refused_beside_the_field(
    services: Services, world: dict[str, str]
) -> None:
    before = snapshot(services)
    with pytest.raises(ValidationError) as info:
        services.meetings.add_input(
            world["selje"], InputData("Benkar", project_ids=(world["helse"], "ghost"))
        )
    assert info.value.field == "project_ids"
    assert snapshot(services) == before


def test_village_input_across_meetings(services: Services, world: dict[str, str]) -> None:
    add = services.meetings.add_input
    add(world["selje"], InputData("Møteplass ved kaia"))  # no village: the place, Selje
    add(world["eid"], InputData("Buss til Selje", village="SELJE"))
    add(world["eid"], InputData("Ny hall", village="Nordfjordeid"))
    add(world["selje"], InputData("Turveg i Ervik", village="Ervik"))
    texts = [e.item.text for e in services.meetings.input_for_village("selje")]
    assert texts == ["Møteplass ved kaia", "Buss til Selje"]
    assert services.meetings.input_for_village("  ") == ()
    # Villages of input (own, else the place) and of actors, each once.
    assert services.meetings.villages() == ("Ervik", "Nordfjordeid", "Selje")


def test_answer_backlog_counts_unanswered_items_older_than_n_weeks(
    services: Services, world: dict[str, str]
) -> None:
    add = services.meetings.add_input
    add(world["selje"], InputData("Gatelys"))  # 12.03, Selje
    add(world["selje"], InputData("Benkar", village="Ervik"))
    add(world["selje"], InputData("Buss", answer="Sendt til fylket", status="considered"))
    add(world["eid"], InputData("Hall", village="Nordfjordeid"))  # 07.05
    add(world["eid"], InputData("Lys", village="selje"))
    today = dt.date(2026, 6, 1)  # 11.6 weeks after Selje, 3.6 after Eid
    backlog = services.meetings.answer_backlog(today=today)
    assert backlog.weeks == 6
    assert [e.item.text for e in backlog.items] == ["Gatelys", "Benkar"]
    assert [(v.village, v.count) for v in backlog.per_village] == [("Ervik", 1), ("Selje", 1)]
    backlog = services.meetings.answer_backlog(weeks=3, today=today)
    assert [e.item.text for e in backlog.items] == ["Gatelys", "Benkar", "Hall", "Lys"]
    assert [(v.village, v.count) for v in backlog.per_village] == [
        ("Selje", 2),
        ("Ervik", 1),
        ("Nordfjordeid", 1),
    ]
    assert backlog.total == 4
    # An answer takes an item off the list.
    gatelys = backlog.items[0].item
    services.meetings.update_input(gatelys.id, replace(InputData.from_view(gatelys), answer="Ja"))
    assert services.meetings.answer_backlog(weeks=3, today=today).total == 3


def test_answer_backlog_counted_per_project(services: Services, world: dict[str, str]) -> None:
    add = services.meetings.add_input
    helse, kultur = world["helse"], world["kultur"]
    add(world["selje"], InputData("Gatelys", project_ids=(helse, kultur)))  # 12.03
    add(world["selje"], InputData("Benkar", project_ids=(helse,)))
    add(world["selje"], InputData("Buss", answer="Sendt til fylket", project_ids=(kultur,)))
    add(world["selje"], InputData("Ingen prosjekt"))
    add(world["eid"], InputData("Hall", project_ids=(kultur,)))  # 07.05
    today = dt.date(2026, 6, 1)  # 11.6 weeks after Selje, 3.6 after Eid
    for weeks in (6, 3, 20):
        items = services.meetings.answer_backlog(weeks, today).items
        listed = Counter(project.id for entry in items for project in entry.projects)
        assert services.meetings.backlog_per_project(weeks, today) == dict(listed)
    assert services.meetings.backlog_per_project(6, today) == {helse: 2, kultur: 1}
    assert services.meetings.backlog_per_project(3, today) == {helse: 2, kultur: 2}
    assert services.meetings.backlog_per_project(20, today) == {}


def test_delete_meeting_undo_redo_keeps_ids_links_and_participants(
    services: Services, world: dict[str, str]
) -> None:
    for text in ("Ein", "To"):
        services.meetings.add_input(
            world["selje"],
            InputData(text, from_actor_id=world["grendalag"], project_ids=(world["helse"],)),
        )
    before = snapshot(services)
    items = services.meetings.inputs(meeting_id=world["selje"])
    deleted = services.meetings.delete(world["selje"])
    assert services.meetings.inputs(meeting_id=world["selje"]) == ()
    assert services.meetings.input_for_project(world["helse"]) == ()
    redo = deleted.undo()
    assert snapshot(services) == before
    assert services.meetings.inputs(meeting_id=world["selje"]) == items
    meeting = services.meetings.get(world["selje"])
    assert [p.name for p in meeting.participants] == ["Eid IL", "Selje grendalag"]
    again = redo.undo()
    assert [m.title for m in services.meetings.list()] == ["Folkemøte på Eid"]
    again.undo()
    assert snapshot(services) == before


def test_delete_input_undo_redo_keeps_its_links(services: Services, world: dict[str, str]) -> None:
    item = services.meetings.add_input(
        world["selje"],
        InputData("Ein", village="Ervik", project_ids=(world["helse"], world["kultur"])),
    ).value
    before = snapshot(services)
    redo = services.meetings.delete_input(item.id).undo()
    assert snapshot(services) == before
    assert services.meetings.inputs(project_id=world["kultur"]) == (item,)
    redo.undo()
    assert services.meetings.inputs() == ()
