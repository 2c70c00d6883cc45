"""Optimistic concurrency: every record has a version, and saving over a version
someone else saved since is refused, naming both versions, and overwrites nothing."""

from __future__ import annotations

import dataclasses

import pytest

from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.services.errors import ConflictError, StorageError


def test_each_save_gives_the_record_a_new_version(services: Services) -> None:
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    assert actor.version == 1
    edited = services.actors.update(
        actor.id, ActorInput(name="Selje grendalag", village="Selje", version=1)
    ).value
    assert edited.version == 2 and services.actors.get(actor.id).version == 2


def test_saving_over_someone_elses_save_is_refused_and_overwrites_nothing(
    services: Services,
) -> None:
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    mine = ActorInput.from_detail(services.actors.get(actor.id))
    mine = dataclasses.replace(mine, notes="Mitt notat", version=actor.version)
    # Someone else saves the actor after I opened it.
    theirs = dataclasses.replace(mine, village="Leikanger", notes="", version=actor.version)
    services.actors.update(actor.id, theirs)
    with pytest.raises(ConflictError) as refused:
        services.actors.update(actor.id, mine)
    assert (refused.value.theirs, refused.value.yours) == (2, 1)
    assert isinstance(refused.value, StorageError)  # shown where dialogs show those
    text = Translator("en").render(refused.value.message)
    assert "their version 2, yours 1" in text and "Nothing was saved" in text
    assert "versjonen deira 2, din 1" in Translator("nn").render(refused.value.message)
    stored = services.actors.get(actor.id)
    assert (stored.village, stored.notes, stored.version) == ("Leikanger", "", 2)


def test_a_project_saved_meanwhile_is_refused_too(services: Services) -> None:
    project = services.projects.create(ProjectInput(name="Folkehelse")).value
    services.projects.update(project.id, ProjectInput(name="Folkehelse", area="Selje", version=1))
    with pytest.raises(ConflictError) as refused:
        services.projects.update(project.id, ProjectInput(name="Folkehelse 2", version=1))
    assert (refused.value.theirs, refused.value.yours) == (2, 1)
    stored = services.projects.get(project.id)
    assert (stored.name, stored.area) == ("Folkehelse", "Selje")


def test_undo_and_redo_still_work_after_a_versioned_save(services: Services) -> None:
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    change = services.actors.update(actor.id, ActorInput(name="Selje bygdelag", version=1))
    redo = change.undo()
    assert services.actors.get(actor.id).name == "Selje grendalag"
    redo.undo()
    assert services.actors.get(actor.id).name == "Selje bygdelag"


def test_meetings_input_indicators_and_effect_entries_refuse_a_stale_save(
    services: Services,
) -> None:
    import datetime as dt

    from stad_desktop.services.effects import EntryInput, IndicatorInput
    from stad_desktop.services.meetings import InputData, MeetingInput

    project = services.projects.create(ProjectInput(name="Folkehelse")).value
    meeting = services.meetings.create(MeetingInput("Folkemøte", dt.date(2024, 5, 2))).value
    item = services.meetings.add_input(meeting.id, InputData("Meir lys på stien")).value
    indicator = services.effects.add_indicator(project.id, IndicatorInput("Deltakarar")).value
    entry = services.effects.add_entry(
        project.id, EntryInput(dt.date(2024, 5, 2), text="Godt oppmøte")
    ).value
    assert meeting.version == item.version == indicator.version == entry.version == 1

    saves = (
        (
            lambda d: services.meetings.update(meeting.id, d),
            MeetingInput("Folkemøte", dt.date(2024, 5, 2), place="Selje", version=1),
            MeetingInput("Mitt møte", dt.date(2024, 5, 2), version=1),
            lambda: services.meetings.get(meeting.id).title,
            "Folkemøte",
        ),
        (
            lambda d: services.meetings.update_input(item.id, d),
            InputData("Meir lys på stien", topic="Lys", version=1),
            InputData("Min tekst", version=1),
            lambda: services.meetings.inputs(meeting.id)[0].text,
            "Meir lys på stien",
        ),
        (
            lambda d: services.effects.update_indicator(indicator.id, d),
            IndicatorInput("Deltakarar", unit="personar", version=1),
            IndicatorInput("Mitt namn", version=1),
            lambda: services.effects.indicators(project.id)[0].name,
            "Deltakarar",
        ),
        (
            lambda d: services.effects.update_entry(entry.id, d),
            EntryInput(dt.date(2024, 5, 2), text="Godt oppmøte", source="Liste", version=1),
            EntryInput(dt.date(2024, 5, 2), text="Min tekst", version=1),
            lambda: services.effects.entries(project.id)[0].text,
            "Godt oppmøte",
        ),
    )
    for save, theirs, mine, stored, kept in saves:
        assert save(theirs).value.version == 2  # someone else saved after I opened it
        with pytest.raises(ConflictError) as refused:
            save(mine)
        assert (refused.value.theirs, refused.value.yours) == (2, 1)
        assert stored() == kept  # nothing of mine overwrote theirs
