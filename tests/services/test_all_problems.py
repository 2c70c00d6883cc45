"""A form with several bad fields is told about all of them at once, and nothing
is stored: the actor, project, meeting and indicator checks report every bad field
in one ValidationError (``problems``), the first one first."""

from __future__ import annotations

import pytest

from stad_desktop.services import (
    ActorInput,
    ContactInput,
    IndicatorInput,
    MeetingInput,
    ProjectInput,
    Services,
    ValidationError,
)


def fields(error: ValidationError) -> list[str]:
    return [problem.field for problem in error.problems]


def test_every_bad_field_of_an_actor_at_once(services: Services) -> None:
    data = ActorInput(
        name="  ",
        sector="voluntary",
        org_number="123",
        hours_per_month="-4",
        contacts=[ContactInput("Kari", "kari@", "12")],
    )
    with pytest.raises(ValidationError) as caught:
        services.actors.create(data)
    assert fields(caught.value) == [
        "contacts.0.email",
        "contacts.0.phone",
        "name",
        "org_number",
        "hours_per_month",
    ]
    assert caught.value.field == "contacts.0.email"  # the first is the error itself
    assert services.actors.list(include_archived=True) == ()


def test_every_bad_field_of_a_project_at_once(services: Services) -> None:
    data = ProjectInput(name="", start_date="31.02.2026", end_date="01.01.2026", budget_nok="x")
    with pytest.raises(ValidationError) as caught:
        services.projects.create(data)
    # The order of the dates is not judged while one of them is not a date.
    assert fields(caught.value) == ["name", "start_date", "budget_nok"]
    assert services.projects.list() == ()

    both = ProjectInput(name="", start_date="01.06.2026", end_date="01.01.2026")
    with pytest.raises(ValidationError) as caught:
        services.projects.create(both)
    assert fields(caught.value) == ["name", "end_date"]


def test_every_bad_field_of_a_meeting_and_an_indicator_at_once(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.meetings.create(MeetingInput("", "1.13.2026"))
    assert fields(caught.value) == ["title", "meeting_date"]
    assert services.meetings.list() == ()

    project = services.projects.create(ProjectInput(name="Kulturskule 3.0")).value
    bad = IndicatorInput("", "elevar", "mange", "01.01.2026", "300", "32.12.2026")
    with pytest.raises(ValidationError) as caught:
        services.effects.add_indicator(project.id, bad)
    assert fields(caught.value) == ["name", "baseline_value", "target_date"]
    assert services.effects.indicators(project.id) == ()


def test_one_bad_field_is_one_problem(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.actors.create(ActorInput(name="Lag", sector="voluntary", org_number="123"))
    assert fields(caught.value) == ["org_number"]


def test_every_bad_field_of_an_input_item_and_an_effect_entry_at_once(
    services: Services,
) -> None:
    from stad_desktop.services import EntryInput, InputData

    meeting = services.meetings.create(MeetingInput("Bygdemøte i Selje", "12.03.2026")).value
    with pytest.raises(ValidationError) as caught:
        services.meetings.add_input(meeting.id, InputData("", status="maybe"))
    assert fields(caught.value) == ["text", "status"]
    assert services.meetings.inputs(meeting.id) == ()

    project = services.projects.create(ProjectInput(name="Folkehelse i bygdene")).value
    indicator = services.effects.add_indicator(project.id, IndicatorInput("Deltakarar")).value
    bad = EntryInput(entry_date="31.02.2026", indicator_id=indicator.id, value="mange")
    with pytest.raises(ValidationError) as caught:
        services.effects.add_entry(project.id, bad)
    assert fields(caught.value) == ["entry_date", "value"]
    assert services.effects.entries(project.id) == ()
