"""Effect log (indicators, measurements, qualitative entries) and meetings with input."""

from __future__ import annotations

import datetime as dt

import pytest

from stad_desktop.services import (
    ActorInput,
    EntryInput,
    IndicatorInput,
    InputData,
    MeetingInput,
    ProjectInput,
    Services,
    ValidationError,
)


@pytest.fixture
def project(services: Services) -> str:
    return services.projects.create(ProjectInput(name="Folkehelse")).value.id


def test_indicator_latest_value_and_progress(services: Services, project: str) -> None:
    indicator = services.effects.add_indicator(
        project, IndicatorInput("Deltakarar", "personar", "40", "01.03.2025", "140", "31.12.2027")
    ).value
    assert indicator.latest_value is None and indicator.progress is None
    for when, value in [("2025-06-01", 60), ("2026-01-01", "90,0"), ("2025-09-01", 70)]:
        services.effects.add_entry(project, EntryInput(when, indicator.id, value))
    updated = services.effects.indicator(indicator.id)
    assert updated.latest_value == 90.0
    assert updated.latest_date == dt.date(2026, 1, 1)
    assert updated.progress == pytest.approx(0.5)
    assert updated.measurement_count == 3
    assert [p.value for p in services.effects.measurements(indicator.id)] == [60, 70, 90]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (IndicatorInput(""), "name"),
        (IndicatorInput("I", baseline_value="mange"), "baseline_value"),
        (IndicatorInput("I", target_value="ti"), "target_value"),
        (IndicatorInput("I", baseline_date="2026-02-01", target_date="2026-01-01"), "target_date"),
        (IndicatorInput("I", owner_id="nobody"), "owner_id"),
    ],
)
def test_bad_indicator_refused(
    services: Services, project: str, data: IndicatorInput, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        services.effects.add_indicator(project, data)
    assert info.value.field == field
    assert services.effects.indicators(project) == ()


def test_entries_qualitative_and_quantitative_rules(services: Services, project: str) -> None:
    indicator = services.effects.add_indicator(
        project, IndicatorInput("Lag", "lag", 0, None, 10)
    ).value
    with pytest.raises(ValidationError) as info:
        services.effects.add_entry(project, EntryInput("2026-01-01", indicator.id, "nokre"))
    assert info.value.field == "value"
    with pytest.raises(ValidationError) as info:
        services.effects.add_entry(project, EntryInput("2026-01-01", indicator.id, None))
    assert info.value.field == "value"
    with pytest.raises(ValidationError) as info:
        services.effects.add_entry(project, EntryInput("2026-01-01", text=""))
    assert info.value.field == "text"
    with pytest.raises(ValidationError) as info:
        services.effects.add_entry(project, EntryInput("i går", text="Noko skjedde"))
    assert info.value.field == "entry_date"
    with pytest.raises(ValidationError) as info:
        services.effects.add_entry(project, EntryInput("2026-01-01", text="x", beneficiary="kings"))
    assert info.value.field == "beneficiary"
    assert services.effects.entries(project) == ()
    entry = services.effects.add_entry(
        project,
        EntryInput(
            "12.03.2026", text="Fleire møtte opp", beneficiary="local_community", source="Referat"
        ),
    ).value
    assert entry.kind == "qualitative"
    assert services.effects.entries(project) == (entry,)


def test_delete_and_restore_entry_and_indicator(services: Services, project: str) -> None:
    indicator = services.effects.add_indicator(
        project, IndicatorInput("Lag", "lag", 0, None, 10)
    ).value
    entry = services.effects.add_entry(project, EntryInput("2026-01-01", indicator.id, 4)).value
    removed = services.effects.delete_entry(entry.id).value
    assert services.effects.entries(project) == ()
    services.effects.restore_entry(removed)
    assert services.effects.entries(project) == (entry,)
    view, entries = services.effects.delete_indicator(indicator.id).value
    assert services.effects.indicators(project) == ()
    assert services.effects.entries(project) == ()
    services.effects.restore_indicator(view, entries)
    assert services.effects.indicator(indicator.id).latest_value == 4


def test_meeting_with_participants_and_input(services: Services, project: str) -> None:
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value.id
    meeting = services.meetings.create(
        MeetingInput(
            "Bygdemøte i Selje",
            "12.03.2026",
            kind="village_meeting",
            place="Selje skule",
            project_id=project,
            participant_ids=[actor, actor],
        )
    ).value
    assert [p.name for p in meeting.participants] == ["Selje grendalag"]
    item = services.meetings.add_input(
        meeting.id, InputData("Møteplass ved kaia", from_actor_id=actor, project_ids=(project,))
    ).value
    assert item.status == "new"
    answered = services.meetings.update_input(
        item.id,
        InputData(
            "Møteplass ved kaia",
            from_actor_id=actor,
            project_ids=(project,),
            status="included",
            answer="Med i planen",
        ),
    ).value
    assert answered.status == "included"
    assert services.meetings.get(meeting.id).input_count == 1
    assert services.meetings.inputs(project_id=project) == (answered,)
    with pytest.raises(ValidationError) as info:
        services.meetings.create(MeetingInput("", "2026-01-01"))
    assert info.value.field == "title"
    with pytest.raises(ValidationError) as info:
        services.meetings.add_input(meeting.id, InputData("x", status="maybe"))
    assert info.value.field == "status"
    with pytest.raises(ValidationError) as info:
        services.meetings.create(MeetingInput("M", "2026-01-01", participant_ids=["ghost"]))
    assert info.value.field == "participant_ids"
    assert len(services.meetings.list()) == 1


def test_restored_indicator_keeps_its_place(services: Services, project: str) -> None:
    names = ["Først", "Midten", "Sist"]
    ids = [services.effects.add_indicator(project, IndicatorInput(n)).value.id for n in names]
    view, entries = services.effects.delete_indicator(ids[1]).value
    services.effects.restore_indicator(view, entries)
    assert [i.name for i in services.effects.indicators(project)] == names
