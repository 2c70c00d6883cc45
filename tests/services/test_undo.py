"""Undo and redo through the services, without Qt: every writing call returns a
Change whose undo puts the data back as it was, and whose redo (the undo of the
undo) makes the same change again, as often as the user goes back and forth."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from db_helpers import FOLKEHELSE, UNGDOM, actor_id, project_id, role_id, snapshot

from stad_desktop.language import Translator
from stad_desktop.services import (
    ActorInput,
    ContactInput,
    EntryInput,
    IndicatorInput,
    InputData,
    MeetingInput,
    ProjectInput,
    Services,
)
from stad_desktop.services.changes import Change


def _actor_update(s: Services) -> Change[Any]:
    actor = s.actors.get(actor_id(s, "Selje grendalag"))
    data = replace(
        ActorInput.from_detail(actor),
        name="Selje grendalag og ungdomslag",
        hours_per_month="12,5",
        contacts=(ContactInput("Kari Selje", "kari@example.no"),),
    )
    return s.actors.update(actor.id, data)


def _project_edit(s: Services) -> Change[Any]:
    project = s.projects.get(project_id(s, FOLKEHELSE))
    data = replace(ProjectInput.from_detail(project), phase="completed", budget_nok="99 000")
    return s.projects.save(project.id, data, {3: ("done", "Forankra i kommunestyret")})


def _owner_change(s: Services) -> Change[Any]:
    project = s.projects.get(project_id(s, UNGDOM))
    data = replace(ProjectInput.from_detail(project), owner_id=actor_id(s, "Lote bygdelag"))
    return s.projects.save(project.id, data)


def _new_custom_role(s: Services) -> str:
    return s.roles.create_role("Vertskap", "Vertskap", "Host", "V").value.id


def _first_input(s: Services) -> str:
    return s.meetings.inputs()[0].id


def _indicator_with_entries(s: Services) -> str:
    return next(i.id for i in s.effects.indicators(project_id(s, FOLKEHELSE)) if i.latest_value)


def _qualitative_entry(s: Services) -> str:
    entries = s.effects.entries(project_id(s, FOLKEHELSE))
    return next(e.id for e in entries if e.indicator_id is None)


# Each case makes one change on the example data; undo must bring back exactly
# the data before it, and redo exactly the data after it.
CASES: dict[str, Callable[[Services], Change[Any]]] = {
    "actor edit": _actor_update,
    "actor archive": lambda s: s.actors.set_archived(actor_id(s, "Lote bygdelag"), True),
    "project edit with checklist": _project_edit,
    "project owner change": _owner_change,
    "project archive": lambda s: s.projects.set_archived(project_id(s, UNGDOM), True),
    "checklist item": lambda s: s.checklist.set_item(
        project_id(s, UNGDOM), 5, "in_progress", "Ungdomsrådet held på"
    ),
    "new role": lambda s: s.roles.create_role("Vertskap", "Vertskap", "Host", "V"),
    "add actor": lambda s: s.roles.add_actor(project_id(s, UNGDOM), actor_id(s, "Lote bygdelag")),
    "remove actor with roles": lambda s: s.roles.remove_actor(
        project_id(s, FOLKEHELSE), s.roles.matrix(project_id(s, FOLKEHELSE)).actors[0].id
    ),
    "give a role": lambda s: s.roles.assign(
        project_id(s, UNGDOM),
        s.roles.matrix(project_id(s, UNGDOM)).actors[0].id,
        role_id(s, "funder"),
        "Søkje midlar",
    ),
    "give a role to an actor outside the project": lambda s: s.roles.assign(
        project_id(s, UNGDOM), actor_id(s, "Lote bygdelag"), role_id(s, "funder")
    ),
    "take a role": lambda s: s.roles.unassign(
        *next(
            (a.project_id, a.actor_id, a.role_id)
            for a in s.roles.matrix(project_id(s, FOLKEHELSE)).assignments.values()
            if a.expectation
        )
    ),
    "edit a cell": lambda s: s.roles.update_assignment(
        *next(
            (a.project_id, a.actor_id, a.role_id)
            for a in s.roles.matrix(project_id(s, FOLKEHELSE)).assignments.values()
        ),
        "Ny forventning",
        "Nytt bidrag",
    ),
    "add indicator": lambda s: s.effects.add_indicator(
        project_id(s, UNGDOM), IndicatorInput("Deltakarar", "personar", 0, "01.01.2026", 40)
    ),
    "edit indicator": lambda s: s.effects.update_indicator(
        _indicator_with_entries(s), IndicatorInput("Nytt namn", "stk", 1, None, 2)
    ),
    "delete indicator with measurements": lambda s: s.effects.delete_indicator(
        _indicator_with_entries(s)
    ),
    "add entry": lambda s: s.effects.add_entry(
        project_id(s, FOLKEHELSE), EntryInput("12.03.2026", text="Fleire kom på turen")
    ),
    "edit entry": lambda s: s.effects.update_entry(
        _qualitative_entry(s), EntryInput("13.03.2026", text="Endra tekst")
    ),
    "delete entry": lambda s: s.effects.delete_entry(_qualitative_entry(s)),
    "add meeting": lambda s: s.meetings.create(
        MeetingInput(
            "Bygdemøte på Lote",
            "20.04.2026",
            kind="village_meeting",
            participant_ids=(actor_id(s, "Lote bygdelag"),),
        )
    ),
    "edit meeting": lambda s: s.meetings.update(
        s.meetings.list()[0].id,
        replace(
            MeetingInput.from_view(s.meetings.list()[0]), title="Nytt namn", participant_ids=()
        ),
    ),
    "delete meeting with input": lambda s: s.meetings.delete(
        next(m.id for m in s.meetings.list() if m.input_count)
    ),
    "add input": lambda s: s.meetings.add_input(
        s.meetings.list()[0].id, InputData("Benkar ved kaia", from_name="Kari")
    ),
    "edit input": lambda s: s.meetings.update_input(
        _first_input(s), InputData("Endra innspel", topic="Friluft")
    ),
    "input status": lambda s: s.meetings.set_input_status(_first_input(s), "rejected"),
    "delete input": lambda s: s.meetings.delete_input(_first_input(s)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_undo_restores_the_data_before_and_redo_the_data_after(
    demo_services: Services, case: str
) -> None:
    s = demo_services
    before = snapshot(s)
    change = CASES[case](s)
    after = snapshot(s)
    assert after != before
    assert change.description.render(Translator("nn"))
    for _round in range(2):
        redo = change.undo()
        assert snapshot(s) == before
        change = redo.undo()
        assert snapshot(s) == after


def test_deleting_a_new_role_is_undone_and_redone(demo_services: Services) -> None:
    s = demo_services
    role = _new_custom_role(s)
    before = snapshot(s)
    change = s.roles.delete_role(role)
    assert role not in {r.id for r in s.roles.roles()}
    redo = change.undo()
    assert snapshot(s) == before
    redo.undo()
    assert role not in {r.id for r in s.roles.roles()}


@pytest.mark.parametrize("kind", ["actor", "project"])
def test_undoing_a_creation_archives_and_redo_restores(services: Services, kind: str) -> None:
    if kind == "actor":
        change: Change[Any] = services.actors.create(ActorInput(name="Lote bygdelag"))
        listed = lambda: [a.id for a in services.actors.list()]  # noqa: E731
    else:
        change = services.projects.save(None, ProjectInput(name="Ny"), {3: ("done", "Forankra")})
        listed = lambda: [p.id for p in services.projects.list()]  # noqa: E731
    created = change.value.id
    assert listed() == [created]
    assert change.description.render(Translator("nn")) in (
        "Ny aktør Lote bygdelag",
        "Nytt prosjekt Ny",
    )
    redo = change.undo()
    assert listed() == []  # archived: kept, but no longer in the list
    redo.undo()
    assert listed() == [created]


def test_undoing_an_owner_change_takes_the_new_owner_out_of_the_project(
    services: Services,
) -> None:
    first = services.actors.create(ActorInput(name="Stad kommune")).value
    second = services.actors.create(ActorInput(name="Selje grendalag")).value
    project = services.projects.create(ProjectInput(name="Folkehelse", owner_id=first.id)).value

    def members() -> set[str]:
        return {a.name for a in services.roles.matrix(project.id).actors}

    assert members() == {"Stad kommune"}
    data = replace(ProjectInput.from_detail(project), owner_id=second.id)
    change = services.projects.save(project.id, data)
    assert members() == {"Stad kommune", "Selje grendalag"}
    assert change.description.render(Translator("en")) == "Edit Folkehelse"

    redo = change.undo()
    assert services.projects.get(project.id).owner_name == "Stad kommune"
    assert members() == {"Stad kommune"}

    change = redo.undo()
    assert services.projects.get(project.id).owner_name == "Selje grendalag"
    assert members() == {"Stad kommune", "Selje grendalag"}

    # Given a role since, the new owner stays in the project when the owner
    # change is undone: only the owner goes back.
    funder = role_id(services, "funder")
    services.roles.assign(project.id, second.id, funder, "Søkje midlar")
    change.undo()
    assert services.projects.get(project.id).owner_name == "Stad kommune"
    assert members() == {"Stad kommune", "Selje grendalag"}
    assert services.roles.matrix(project.id).assignment(second.id, funder) is not None


def test_undo_of_a_change_made_elsewhere_meanwhile_is_refused_and_changes_nothing(
    demo_services: Services,
) -> None:
    s = demo_services
    change = s.meetings.add_input(s.meetings.list()[0].id, InputData("Benkar ved kaia"))
    s.meetings.delete(change.value.meeting_id)  # e.g. by another undo, or elsewhere
    before = snapshot(s)
    from stad_desktop.services.errors import NotFoundError

    with pytest.raises(NotFoundError):
        change.undo()
    assert snapshot(s) == before


def test_adding_an_actor_already_in_the_project_is_undone_as_nothing(
    demo_services: Services,
) -> None:
    s = demo_services
    project = project_id(s, FOLKEHELSE)
    member = s.roles.matrix(project).actors[0].id
    before = snapshot(s)
    change = s.roles.add_actor(project, member)
    change.undo().undo()
    assert snapshot(s) == before
    assert member in {a.id for a in s.roles.matrix(project).actors}


def test_undoing_a_deletion_puts_input_and_entries_back_in_their_place(
    demo_services: Services,
) -> None:
    """The first of a meeting's input items, deleted and put back by undo, is the
    first again; an effect entry keeps its place among those of the same date."""
    meetings = demo_services.meetings
    meeting = next(m for m in meetings.list() if len(meetings.inputs(m.id)) >= 2)
    order = [item.id for item in meetings.inputs(meeting.id)]
    meetings.delete_input(order[0]).undo()
    assert [item.id for item in meetings.inputs(meeting.id)] == order

    effects = demo_services.effects
    project = project_id(demo_services, FOLKEHELSE)
    entries = effects.entries(project)
    first = entries[-1]
    effects.add_entry(project, replace(EntryInput.from_view(first), text="Same dag"))
    order = [entry.id for entry in effects.entries(project)]
    effects.delete_entry(first.id).undo()
    assert [entry.id for entry in effects.entries(project)] == order
