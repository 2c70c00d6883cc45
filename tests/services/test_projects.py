"""Project service: validation, budget, dates, owner, archive, search and find."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from stad_desktop.services import (
    ActorInput,
    NotFoundError,
    ProjectInput,
    Services,
    ValidationError,
)


def test_create_with_norwegian_input(services: Services) -> None:
    owner = services.actors.create(ActorInput(name="Stad kulturskule", sector="municipality")).value
    project = services.projects.create(
        ProjectInput(
            name="Kulturskule 3.0",
            phase="planning",
            start_date="01.08.2026",
            end_date="31.12.2027",
            budget_nok="1 234 567,50",
            owner_id=owner.id,
        )
    ).value
    assert project.start_date == dt.date(2026, 8, 1)
    assert project.budget_nok == Decimal("1234567.50")
    assert project.owner_name == "Stad kulturskule"
    # The owner is a member of the project (a row in its role matrix).
    assert [a.id for a in services.roles.matrix(project.id).actors] == [owner.id]
    # Eleven checklist items exist from the start.
    assert len(services.checklist.items(project.id)) == 11


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ProjectInput(name=""), "name"),
        (ProjectInput(name="P", phase="dreaming"), "phase"),
        (ProjectInput(name="P", start_date="32.13.2026"), "start_date"),
        (ProjectInput(name="P", start_date="2026-05-01", end_date="2026-04-30"), "end_date"),
        (ProjectInput(name="P", budget_nok="mykje"), "budget_nok"),
        (ProjectInput(name="P", budget_nok="-5"), "budget_nok"),
        (ProjectInput(name="P", owner_id="no-such-actor"), "owner_id"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    services: Services, data: ProjectInput, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        services.projects.create(data)
    assert info.value.field == field
    assert services.projects.list(include_archived=True) == ()


def test_end_date_equal_to_start_is_fine(services: Services) -> None:
    project = services.projects.create(
        ProjectInput(name="Eindagsprosjekt", start_date="2026-05-01", end_date="2026-05-01")
    ).value
    assert project.end_date == project.start_date


def test_update_archive_and_restore(services: Services) -> None:
    project = services.projects.create(ProjectInput(name="Smart Stad")).value
    services.projects.update(project.id, ProjectInput(name="Smart Stad 2", phase="completed"))
    assert services.projects.get(project.id).phase == "completed"
    services.projects.archive(project.id)
    assert services.projects.list() == ()
    services.projects.restore(project.id)
    assert [p.name for p in services.projects.list()] == ["Smart Stad 2"]


def test_failed_update_keeps_old_data(services: Services) -> None:
    project = services.projects.create(ProjectInput(name="Folkehelse", budget_nok=100)).value
    with pytest.raises(ValidationError):
        services.projects.update(project.id, ProjectInput(name="Nytt", budget_nok="x"))
    assert services.projects.get(project.id) == project


def test_search_filter_and_find(services: Services) -> None:
    services.projects.create(ProjectInput(name="Ørsta-samarbeid", phase="idea"))
    services.projects.create(ProjectInput(name="Heimebasert omsorg 2030", phase="planning"))
    assert [p.name for p in services.projects.list("ØRSTA")] == ["Ørsta-samarbeid"]
    assert [p.name for p in services.projects.list(phase="planning")] == ["Heimebasert omsorg 2030"]
    assert services.projects.find("heimebasert omsorg 2030").name == "Heimebasert omsorg 2030"
    assert services.projects.find("heimebasert").name == "Heimebasert omsorg 2030"
    with pytest.raises(NotFoundError):
        services.projects.find("finst ikkje")


def test_list_by_phase_follows_the_phase_order(services: Services) -> None:
    for name, phase in [("A", "completed"), ("B", "idea"), ("C", "implementation")]:
        services.projects.create(ProjectInput(name=name, phase=phase))
    assert [p.phase for p in services.projects.list(order_by="phase")] == [
        "idea",
        "implementation",
        "completed",
    ]


def test_demo_project_rows_count_actors_and_warnings(demo_services: Services) -> None:
    rows = {p.name: p for p in demo_services.projects.list()}
    assert len(rows) == 6
    assert rows["Folkehelse i bygdene"].actor_count == 9
    assert rows["Ungdom på Stadlandet"].warning_count >= 2  # no funder, no implementer


def test_save_with_checklist_is_all_or_nothing(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.projects.save(None, ProjectInput(name="Ny"), {3: ("done", "x" * 20001)})
    assert info.value.field == "checklist.3.comment"
    assert services.projects.list(include_archived=True) == ()
    project = services.projects.save(None, ProjectInput(name="Ny"), {3: ("done", "Forankra")}).value
    assert services.checklist.items(project.id)[2].status == "done"
    with pytest.raises(ValidationError) as info:
        services.projects.save(project.id, ProjectInput(name="Nytt namn"), {4: ("finished", "")})
    assert info.value.field == "checklist.4.status"
    assert services.projects.get(project.id).name == "Ny"
    # A failure inside the transaction (here: a bad project field) rolls back the checklist too.
    with pytest.raises(ValidationError):
        services.projects.save(project.id, ProjectInput(name=""), {3: ("not_started", "")})
    assert services.checklist.items(project.id)[2].status == "done"


def test_area_sorts_in_norwegian_order_with_names_ascending(services: Services) -> None:
    for name, area in [("B", "Ålesund"), ("A", "Ålesund"), ("C", "Zeta"), ("D", "Ørsta")]:
        services.projects.create(ProjectInput(name=name, area=area))
    assert [p.name for p in services.projects.list(order_by="area")] == ["C", "D", "A", "B"]
    assert [p.name for p in services.projects.list(order_by="area", descending=True)] == [
        "A",
        "B",
        "D",
        "C",
    ]
