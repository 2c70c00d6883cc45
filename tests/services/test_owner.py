"""One source of truth for the project owner: the owner chosen in the project dialog
and the owner role ("Prosjekteigar") in the role matrix always agree, and every
change of either is one undoable step."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from db_helpers import role_id, snapshot

from stad_desktop.services import ActorInput, AssignmentRow, ProjectInput, Services
from stad_desktop.services.changes import Change


@dataclass
class Setup:
    s: Services
    project: str
    kommune: str
    grendalag: str
    bank: str
    owner_role: str
    funder: str

    def owner(self) -> str | None:
        return self.s.projects.get(self.project).owner_id

    def holders(self) -> set[str]:
        matrix = self.s.roles.matrix(self.project)
        return {a.actor_id for a in matrix.assignments.values() if a.role_id == self.owner_role}

    def members(self) -> set[str]:
        return {a.id for a in self.s.roles.matrix(self.project).actors}

    def texts(self, actor: str) -> tuple[str, str] | None:
        a = self.s.roles.matrix(self.project).assignment(actor, self.owner_role)
        return None if a is None else (a.expectation, a.contribution)

    def set_owner(self, actor: str | None) -> Change[object]:
        data = replace(ProjectInput.from_detail(self.s.projects.get(self.project)), owner_id=actor)
        return self.s.projects.save(self.project, data)  # type: ignore[return-value]


@pytest.fixture
def setup(services: Services) -> Setup:
    def actor(name: str, sector: str) -> str:
        return services.actors.create(ActorInput(name=name, sector=sector)).value.id

    kommune = actor("Stad kommune", "municipality")
    grendalag = actor("Selje grendalag", "voluntary")
    bank = actor("Sparebanken", "business")
    project = services.projects.create(ProjectInput(name="Folkehelse", owner_id=kommune)).value
    return Setup(
        services,
        project.id,
        kommune,
        grendalag,
        bank,
        role_id(services, "owner"),
        role_id(services, "funder"),
    )


def check_undo_redo(t: Setup, change: Change[object]) -> None:
    """Undo brings back exactly the data before the change, redo exactly the data after
    it, twice over."""
    done = snapshot(t.s)
    redo = change.undo()
    before = snapshot(t.s)
    again = redo.undo()
    assert snapshot(t.s) == done
    again.undo()
    assert snapshot(t.s) == before


def test_choosing_an_owner_gives_it_the_owner_role(setup: Setup) -> None:
    t = setup
    assert t.owner() == t.kommune
    assert t.holders() == {t.kommune}
    assert t.members() == {t.kommune}


def test_creating_a_project_with_an_owner_is_undone_in_one_step(services: Services) -> None:
    owner = services.actors.create(ActorInput(name="Stad kommune")).value.id
    change = services.projects.create(ProjectInput(name="Folkehelse", owner_id=owner))
    project = change.value.id
    owner_role = role_id(services, "owner")
    assert services.roles.matrix(project).assignment(owner, owner_role) is not None
    redo = change.undo()
    assert services.projects.refs() == ()
    redo.undo()
    assert services.projects.get(project).owner_id == owner
    assert services.roles.matrix(project).assignment(owner, owner_role) is not None


def test_changing_the_owner_moves_the_role_in_one_undoable_step(setup: Setup) -> None:
    t = setup
    # The former owner has other roles and texts on its owner role: both matter.
    t.s.roles.assign(t.project, t.kommune, t.owner_role, "Leie prosjektet", "Prosjektleiar")
    t.s.roles.assign(t.project, t.kommune, t.funder, "Søkje midlar")
    before = snapshot(t.s)

    change = t.set_owner(t.grendalag)
    assert t.owner() == t.grendalag
    assert t.holders() == {t.grendalag}
    # The former owner keeps its place in the project and its other roles.
    assert t.members() == {t.kommune, t.grendalag}
    assert t.s.roles.matrix(t.project).assignment(t.kommune, t.funder) is not None

    redo = change.undo()
    assert snapshot(t.s) == before
    assert t.owner() == t.kommune
    assert t.holders() == {t.kommune}
    assert t.texts(t.kommune) == ("Leie prosjektet", "Prosjektleiar")
    assert t.members() == {t.kommune}  # the new owner came in as owner: it leaves

    again = redo.undo()
    assert t.owner() == t.grendalag and t.holders() == {t.grendalag}
    check_undo_redo(t, again)


def test_clearing_the_owner_takes_the_role_away(setup: Setup) -> None:
    t = setup
    t.s.roles.assign(t.project, t.kommune, t.owner_role, "Leie prosjektet", "")
    before = snapshot(t.s)
    change = t.set_owner(None)
    assert t.owner() is None
    assert t.holders() == set()
    assert t.members() == {t.kommune}  # still takes part, without the role
    redo = change.undo()
    assert snapshot(t.s) == before
    assert t.texts(t.kommune) == ("Leie prosjektet", "")
    check_undo_redo(t, redo.undo())


def test_giving_the_owner_role_in_the_matrix_makes_the_owner(setup: Setup) -> None:
    t = setup
    t.set_owner(None)
    t.s.roles.add_actor(t.project, t.grendalag)
    change = t.s.roles.assign(t.project, t.grendalag, t.owner_role, "Eige ideen")
    assert t.owner() == t.grendalag
    assert t.holders() == {t.grendalag}
    assert t.s.projects.list()[0].owner_name == "Selje grendalag"
    check_undo_redo(t, change)
    change.undo()
    assert t.owner() is None and t.holders() == set()


def test_a_second_actor_given_the_owner_role_takes_over_the_ownership(setup: Setup) -> None:
    """One owner per project: the role and the ownership move to the second actor,
    which joins the project if it was not in it; undo gives them back."""
    t = setup
    before = snapshot(t.s)
    change = t.s.roles.assign(t.project, t.bank, t.owner_role, "Eige", "Styreleiar")
    assert t.owner() == t.bank
    assert t.holders() == {t.bank}
    assert t.members() == {t.kommune, t.bank}
    redo = change.undo()
    assert snapshot(t.s) == before
    assert t.owner() == t.kommune and t.holders() == {t.kommune}
    assert t.members() == {t.kommune}
    redo.undo()
    assert t.owner() == t.bank and t.texts(t.bank) == ("Eige", "Styreleiar")


def test_editing_the_owner_cell_keeps_the_owner(setup: Setup) -> None:
    t = setup
    change = t.s.roles.update_assignment(t.project, t.kommune, t.owner_role, "Leie", "Ja")
    assert t.owner() == t.kommune and t.texts(t.kommune) == ("Leie", "Ja")
    change.undo()
    assert t.owner() == t.kommune and t.texts(t.kommune) == ("", "")


def test_taking_the_owner_role_away_in_the_matrix_clears_the_owner(setup: Setup) -> None:
    t = setup
    before = snapshot(t.s)
    change = t.s.roles.unassign(t.project, t.kommune, t.owner_role)
    assert t.owner() is None
    assert t.holders() == set()
    assert t.s.projects.list()[0].owner_name == ""
    redo = change.undo()
    assert snapshot(t.s) == before
    assert t.owner() == t.kommune
    check_undo_redo(t, redo.undo())


def test_the_owner_taken_out_of_the_project_is_no_longer_its_owner(setup: Setup) -> None:
    t = setup
    before = snapshot(t.s)
    change = t.s.roles.remove_actor(t.project, t.kommune)
    assert t.owner() is None
    assert t.members() == set()
    redo = change.undo()
    assert snapshot(t.s) == before
    assert t.owner() == t.kommune and t.holders() == {t.kommune}
    redo.undo()
    assert t.owner() is None


def test_bulk_rows_keep_one_owner_per_project(services: Services) -> None:
    actors = services.bulk.actors([ActorInput(name="A"), ActorInput(name="B")])
    [project] = services.bulk.projects([ProjectInput(name="P", owner_id=actors[0])])
    owner_role = role_id(services, "owner")
    services.bulk.assignments(
        [
            AssignmentRow(project, actors[0], owner_role, "Eige"),
            AssignmentRow(project, actors[1], owner_role, "Eige no"),
        ]
    )
    matrix = services.roles.matrix(project)
    holders = [a for a in matrix.assignments.values() if a.role_id == owner_role]
    assert [(a.actor_id, a.expectation) for a in holders] == [(actors[1], "Eige no")]
    assert services.projects.get(project).owner_id == actors[1]
