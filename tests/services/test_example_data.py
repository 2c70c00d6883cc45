"""Remove example data: exactly the example records go, nothing of the user's, and
it can be undone. Deleting a role the user made, also where it is given."""

from __future__ import annotations

import pytest
from db_helpers import FOLKEHELSE, UNGDOM, actor_id, project_id, role_id, snapshot

from stad_desktop.services import (
    ActorInput,
    EntryInput,
    MeetingInput,
    ProjectInput,
    Services,
    ValidationError,
)


def test_removing_the_example_leaves_only_the_users_own_records(
    demo_services: Services,
) -> None:
    s = demo_services
    assert s.example_data.summary().projects == 6
    # The user's own records, made after the example was loaded.
    mine = s.actors.create(ActorInput(name="Mitt lag", sector="voluntary")).value
    project = s.projects.create(ProjectInput(name="Mitt prosjekt", owner_id=mine.id)).value
    role = s.roles.create_role("Vertskap", short="V").value
    s.roles.assign(project.id, mine.id, role.id, "Halde lokale")
    s.settings.set_municipality_name("Stad kommune")
    before = snapshot(s)

    change = s.example_data.remove()
    assert (change.value.actors, change.value.projects, change.value.meetings) == (27, 6, 3)
    assert change.value.kept == {}
    assert [a.name for a in s.actors.list()] == ["Mitt lag"]
    assert [p.name for p in s.projects.list()] == ["Mitt prosjekt"]
    assert s.meetings.list() == ()
    assert s.roles.matrix(project.id).assignment(mine.id, role.id) is not None
    assert s.settings.municipality_name() == "Stad kommune"
    assert len(s.roles.roles()) == 9  # the program's eight and the user's own
    assert s.example_data.summary().empty

    redo = change.undo()
    assert snapshot(s) == before  # every record back, with its id and times
    again = redo.undo()
    assert [p.name for p in s.projects.list()] == ["Mitt prosjekt"]
    again.undo()
    assert snapshot(s) == before


def test_example_records_the_users_records_need_stay(demo_services: Services) -> None:
    s = demo_services
    folkehelse = project_id(s, FOLKEHELSE)
    lote = actor_id(s, "Lote bygdelag")
    mine = s.actors.create(ActorInput(name="Mitt lag")).value
    # An effect entry of the user's own in an example project, and a meeting of the
    # user's own with an example actor taking part.
    s.effects.add_entry(folkehelse, EntryInput("12.03.2026", text="Eigen merknad"))
    s.meetings.create(
        MeetingInput("Mitt møte", "20.04.2026", kind="village_meeting", participant_ids=(lote,))
    )
    matrix = s.roles.matrix(folkehelse)
    checklist = s.checklist.items(folkehelse)
    change = s.example_data.remove()
    assert change.value.kept["projects"] == 1
    assert {p.name for p in s.projects.list()} == {FOLKEHELSE}
    # The example project stays whole: its role matrix (and so its actors) and checklist.
    assert s.roles.matrix(folkehelse) == matrix
    assert s.checklist.items(folkehelse) == checklist
    kept_actors = {a.name for a in s.actors.list()}
    assert {"Lote bygdelag", "Mitt lag"} | {a.name for a in matrix.actors} == kept_actors
    assert change.value.kept["actors"] == len(kept_actors) - 1
    assert "Eigen merknad" in [e.text for e in s.effects.entries(folkehelse)]
    assert [m.title for m in s.meetings.list()] == ["Mitt møte"]
    # They stay example records, to be removed once nothing of the user's needs them.
    assert s.example_data.summary().projects == 1
    assert mine.id in {a.id for a in s.actors.list()}


def test_a_database_without_the_example_has_nothing_to_remove(services: Services) -> None:
    services.actors.create(ActorInput(name="Mitt lag"))
    assert services.example_data.summary().empty
    change = services.example_data.remove()
    assert change.value.empty
    assert [a.name for a in services.actors.list()] == ["Mitt lag"]


def test_a_role_in_use_is_deleted_after_being_told_where_and_undone(
    demo_services: Services,
) -> None:
    s = demo_services
    role = s.roles.create_role("Vertskap", short="V").value
    ungdom, lote = project_id(s, UNGDOM), actor_id(s, "Lote bygdelag")
    s.roles.assign(ungdom, lote, role.id, "Halde lokale", "Grendahuset")
    before = snapshot(s)
    assert s.roles.role_uses(role.id) == ((UNGDOM, "Lote bygdelag"),)
    with pytest.raises(ValidationError):
        s.roles.delete_role(role.id)  # not without the user's yes
    change = s.roles.delete_role(role.id, with_uses=True)
    assert role.id not in {r.id for r in s.roles.roles()}
    assert s.roles.matrix(ungdom).assignment(lote, role.id) is None
    assert lote in {a.id for a in s.roles.matrix(ungdom).actors}  # still takes part
    redo = change.undo()
    assert snapshot(s) == before
    cell = s.roles.matrix(ungdom).assignment(lote, role.id)
    assert cell is not None and cell.contribution == "Grendahuset"
    redo.undo()
    assert role.id not in {r.id for r in s.roles.roles()}
    with pytest.raises(ValidationError):
        s.roles.delete_role(role_id(s, "funder"), with_uses=True)


def test_removing_the_example_and_undoing_it_are_in_the_history(
    demo_services: Services,
) -> None:
    s = demo_services
    actor = next(a for a in s.actors.list() if a.name == "Eid idrettslag")
    before = [r.action for r in s.history.of_record("actors", actor.id)]
    change = s.example_data.remove()
    assert [r.action for r in s.history.of_record("actors", actor.id)] == [*before, "delete"]
    change.undo()
    after = s.history.of_record("actors", actor.id)
    assert [r.action for r in after] == [*before, "delete", "insert"]
    assert after[-1].changes["name"] == "Eid idrettslag"
