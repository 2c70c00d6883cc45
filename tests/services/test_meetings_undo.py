"""Deleting and restoring meetings and input items (what undo and redo use)."""

from __future__ import annotations

import pytest

from stad_desktop.services import (
    ActorInput,
    InputData,
    MeetingInput,
    ProjectInput,
    Services,
)
from stad_desktop.services.errors import NotFoundError
from stad_desktop.services.meetings import MeetingInput as MeetingInputClass


@pytest.fixture
def meeting(services: Services) -> str:
    project = services.projects.create(ProjectInput(name="Folkehelse")).value.id
    actors = [
        services.actors.create(ActorInput(name=n)).value.id for n in ("Selje grendalag", "Lote IL")
    ]
    return services.meetings.create(
        MeetingInput(
            "Bygdemøte i Selje",
            "12.03.2026",
            kind="village_meeting",
            place="Selje skule",
            project_id=project,
            minutes="Godt oppmøte.",
            participant_ids=actors,
        )
    ).value.id


def test_delete_and_restore_input_keeps_id_and_fields(services: Services, meeting: str) -> None:
    first = services.meetings.add_input(
        meeting, InputData("Benkar ved kaia", from_name="Kari")
    ).value
    item = services.meetings.add_input(
        meeting, InputData("Lys i lysløypa", topic="Friluft", status="included", answer="Ja")
    ).value
    deleted = services.meetings.delete_input(item.id).value
    assert deleted == item
    assert services.meetings.inputs(meeting_id=meeting) == (first,)
    assert services.meetings.get(meeting).input_count == 1
    restored = services.meetings.restore_input(deleted).value
    assert restored == item
    assert services.meetings.inputs(meeting_id=meeting) == (first, item)
    with pytest.raises(NotFoundError):
        services.meetings.delete_input("nothing")


def test_delete_meeting_removes_input_and_participants_and_restore_puts_them_back(
    services: Services, meeting: str
) -> None:
    items = [
        services.meetings.add_input(meeting, InputData(text)).value for text in ("Ein", "To", "Tre")
    ]
    before = services.meetings.get(meeting)
    assert len(before.participants) == 2 and before.input_count == 3
    view, deleted_items = services.meetings.delete(meeting).value
    assert view == before
    assert deleted_items == tuple(items)
    assert services.meetings.list() == ()
    assert services.meetings.inputs() == ()
    with pytest.raises(NotFoundError):
        services.meetings.get(meeting)
    restored = services.meetings.restore(view, deleted_items).value
    assert restored == before
    assert services.meetings.inputs(meeting_id=meeting) == tuple(items)


def test_create_with_a_given_id_and_from_view(services: Services, meeting: str) -> None:
    view = services.meetings.get(meeting)
    copy = services.meetings.create(MeetingInputClass.from_view(view), meeting_id="fixed-id").value
    assert copy.id == "fixed-id"
    assert (copy.title, copy.meeting_date, copy.participants) == (
        view.title,
        view.meeting_date,
        view.participants,
    )
    item = services.meetings.add_input(meeting, InputData("x", from_name="Ola")).value
    assert InputData.from_view(item) == InputData("x", from_name="Ola")
