"""The merge rules of bringing a travel copy home, one by one."""

from __future__ import annotations

from pathlib import Path

import pytest
from travel_helpers import checks_hold, edit_actor, fingerprint, opened

from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.services.travel import TravelRefused

ORGNR = "964965226"


@pytest.fixture
def trip(services: Services, tmp_path: Path) -> Path:
    services.actors.create(ActorInput(name="Selje grendalag", sector="voluntary", village="Selje"))
    services.projects.create(ProjectInput(name="Folkehelse", area="Selje"))
    path = tmp_path / "tour.stadtrip"
    services.travel.take(path)
    return path


def _actor(services: Services, name: str) -> str:
    return next(a.id for a in services.actors.list(include_archived=True) if a.name == name)


def test_the_copy_is_a_database_that_knows_it_is_a_travel_copy(
    services: Services, trip: Path
) -> None:
    assert services.travel.info() is None
    with opened(trip) as road:
        info = road.travel.info()
        assert info is not None
        assert info.office_name == services.db.name
        assert [a.name for a in road.actors.list()] == ["Selje grendalag"]


def test_take_refuses_an_existing_file(services: Services, trip: Path) -> None:
    before = trip.read_bytes()
    with pytest.raises(TravelRefused) as caught:
        services.travel.take(trip)
    assert "exists already" in caught.value.message.msgid
    assert trip.read_bytes() == before


def test_a_change_made_on_one_side_only_is_applied(services: Services, trip: Path) -> None:
    actor = _actor(services, "Selje grendalag")
    with opened(trip) as road:
        edit_actor(road, actor, village="Stadlandet")
    edit_actor(services, actor, notes="Møte i mars")
    summary = services.travel.bring_home(trip)
    detail = services.actors.get(actor)
    assert (detail.village, detail.notes) == ("Stadlandet", "Møte i mars")
    assert summary.merged == 1 and summary.conflicts == 0
    # the search key follows the merged village
    assert [a.name for a in services.actors.search("stadlandet")] == ["Selje grendalag"]


def test_the_same_change_on_both_sides_is_applied_once(services: Services, trip: Path) -> None:
    actor = _actor(services, "Selje grendalag")
    with opened(trip) as road:
        edit_actor(road, actor, village="Leikanger")
    edit_actor(services, actor, village="Leikanger")
    summary = services.travel.bring_home(trip)
    assert summary.conflicts == 0
    assert services.actors.get(actor).village == "Leikanger"


def test_different_changes_to_one_field_are_a_conflict(services: Services, trip: Path) -> None:
    actor = _actor(services, "Selje grendalag")
    with opened(trip) as road:
        edit_actor(road, actor, village="Ervik")
    edit_actor(services, actor, village="Hoddevik")
    plan = services.travel.plan(trip)
    assert [(c.field, c.base, c.office, c.travel) for c in plan.conflicts] == [
        ("village", "Selje", "Hoddevik", "Ervik")
    ]
    assert plan.conflicts[0].record_label == "Selje grendalag"
    before = fingerprint(services.db)
    with pytest.raises(TravelRefused) as caught:
        services.travel.bring_home(trip)
    assert len(caught.value.conflicts) == 1
    assert caught.value.message.render(Translator("en")).startswith("1 conflict needs a choice;")
    assert caught.value.message.render(Translator("nn")).startswith("1 konflikt treng eit val;")
    assert caught.value.message.render(Translator("nb")).startswith("1 konflikt trenger et valg;")
    assert fingerprint(services.db) == before
    summary = services.travel.bring_home(trip, choices={plan.conflicts[0].key: "travel"})
    assert summary.resolved_travel == 1
    assert services.actors.get(actor).village == "Ervik"
    (record,) = services.travel.merges()
    (lost,) = record.losers
    assert (lost.chosen, lost.lost, lost.lost_value) == ("travel", "Hoddevik", "Hoddevik")


def test_new_records_from_both_sides_all_arrive(services: Services, trip: Path) -> None:
    with opened(trip) as road:
        road.actors.create(ActorInput(name="Ervik sanitetslag"))
        road.projects.create(ProjectInput(name="Bygdekino"))
    services.actors.create(ActorInput(name="Borgund kulturlag"))
    summary = services.travel.bring_home(trip)
    names = {a.name for a in services.actors.list()}
    assert names == {"Selje grendalag", "Ervik sanitetslag", "Borgund kulturlag"}
    bygdekino = services.projects.find("Bygdekino")
    assert len(services.checklist.items(bygdekino.id)) == 11
    assert summary.added >= 2
    checks_hold(services.db)


def test_one_organisation_number_created_on_both_sides_is_one_actor(
    services: Services, trip: Path
) -> None:
    with opened(trip) as road:
        road_actor = road.actors.create(
            ActorInput(name="Stad Sparebank", org_number=ORGNR, village="Selje")
        ).value
        project = road.projects.find("Folkehelse")
        road.projects.update(
            project.id, ProjectInput(name="Folkehelse", area="Selje", owner_id=road_actor.id)
        )
    services.actors.create(
        ActorInput(name="Stad Sparebank", org_number=ORGNR, village="Nordfjordeid")
    )
    plan = services.travel.plan(trip)
    assert [(c.field, c.office, c.travel) for c in plan.conflicts] == [
        ("village", "Nordfjordeid", "Selje")
    ]
    services.travel.bring_home(trip, prefer="office")
    banks = [a for a in services.actors.list() if a.name == "Stad Sparebank"]
    assert len(banks) == 1
    project = services.projects.find("Folkehelse")
    assert project.owner_id == banks[0].id  # the road's reference follows the one actor
    assert banks[0].id in {a.id for a in services.roles.matrix(project.id).actors}


def test_edited_on_one_side_and_archived_on_the_other_is_a_conflict(
    services: Services, trip: Path
) -> None:
    actor = _actor(services, "Selje grendalag")
    with opened(trip) as road:
        road.actors.archive(actor)
    edit_actor(services, actor, notes="Ny leiar")
    plan = services.travel.plan(trip)
    assert [c.field for c in plan.conflicts] == ["archived"]
    services.travel.bring_home(trip, prefer="travel")
    detail = services.actors.get(actor)
    assert detail.archived and detail.notes == "Ny leiar"


def test_edited_on_one_side_and_removed_on_the_other_is_a_conflict(
    services: Services, trip: Path
) -> None:
    actor = _actor(services, "Selje grendalag")
    project = services.projects.find("Folkehelse").id
    role = services.roles.roles()[0].id
    services.roles.assign(project, actor, role, expectation="Lokale")
    path2 = trip.with_name("tour2.stadtrip")
    services.travel.take(path2)
    with opened(path2) as road:
        road.roles.unassign(project, actor, role)
    services.roles.update_assignment(project, actor, role, "Lokale og kaffi", "")
    plan = services.travel.plan(path2)
    assert [(c.field, c.travel_removed) for c in plan.conflicts] == [("_record", True)]
    services.travel.bring_home(path2, prefer="office")
    matrix = services.roles.matrix(project)
    assert matrix.assignments[(actor, role)].expectation == "Lokale og kaffi"
    (record,) = services.travel.merges()
    assert record.losers[0].conflict.travel_removed


def test_a_removal_on_one_side_only_is_applied(services: Services, trip: Path) -> None:
    actor = _actor(services, "Selje grendalag")
    project = services.projects.find("Folkehelse").id
    role = services.roles.roles()[0].id
    services.roles.assign(project, actor, role)
    path2 = trip.with_name("tour2.stadtrip")
    services.travel.take(path2)
    with opened(path2) as road:
        road.roles.unassign(project, actor, role)
    services.travel.bring_home(path2)
    assert (actor, role) not in services.roles.matrix(project).assignments


def test_a_role_given_on_the_road_brings_the_actor_into_the_project_and_clears_the_warning(
    services: Services, trip: Path
) -> None:
    actor = _actor(services, "Selje grendalag")
    project = services.projects.find("Folkehelse").id
    funder = next(r for r in services.roles.roles() if r.code == "funder")
    before = {w.code for w in services.roles.matrix(project).warnings}
    assert "missing_funder" in before
    with opened(trip) as road:
        road.roles.assign(project, actor, funder.id, "Pengar", "10 000 kr")
    services.travel.bring_home(trip)
    matrix = services.roles.matrix(project)
    assert actor in {a.id for a in matrix.actors}
    assert "missing_funder" not in {w.code for w in matrix.warnings}


def test_refusals_change_nothing(services: Services, trip: Path, tmp_path: Path) -> None:
    services.travel.bring_home(trip)
    before = fingerprint(services.db)
    with pytest.raises(TravelRefused) as again:
        services.travel.bring_home(trip)
    assert "brought home already" in again.value.message.render(Translator("en"))
    with opened(tmp_path / "other.sqlite3") as other:
        other_trip = tmp_path / "other.stadtrip"
        other.travel.take(other_trip)
    with pytest.raises(TravelRefused) as foreign:
        services.travel.bring_home(other_trip)
    assert "another database" in str(foreign.value.message.msgid)
    with pytest.raises(TravelRefused) as office:
        services.travel.bring_home(tmp_path / "other.sqlite3")
    assert "not a travel copy" in office.value.message.msgid
    assert fingerprint(services.db) == before


def test_a_copy_from_a_newer_program_is_refused(services: Services, tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "new.stadtrip"
    services.travel.take(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE database_identity SET program_version = '99.0.0'")
    conn.commit()
    conn.close()
    with pytest.raises(TravelRefused) as caught:
        services.travel.bring_home(path)
    assert "newer version" in caught.value.message.msgid


@pytest.mark.parametrize("engine_name", ["sqlite"])  # a server keeps its own backups
def test_bringing_home_backs_up_the_office_first(services: Services, trip: Path) -> None:
    services.travel.bring_home(trip)
    assert any(b.reason == "before-merge" for b in services.backups.list())


def test_two_copies_out_at_once(services: Services, trip: Path) -> None:
    actor = _actor(services, "Selje grendalag")
    second = trip.with_name("second.stadtrip")
    services.travel.take(second)
    with opened(trip) as road:
        edit_actor(road, actor, village="Ervik")
    with opened(second) as road:
        edit_actor(road, actor, notes="Frå den andre turen")
        road.actors.create(ActorInput(name="Hoddevik surfeklubb"))
    services.travel.bring_home(trip)
    services.travel.bring_home(second)
    detail = services.actors.get(actor)
    assert (detail.village, detail.notes) == ("Ervik", "Frå den andre turen")
    assert len(services.travel.merges()) == 2
