"""A merge whose values, taken from both sides, would break a unique key or a rule
across fields is refused with a clear message and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from travel_helpers import checks_hold, edit_actor, fingerprint, opened

from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.services.travel import TravelRefused

ORGNR = "964965226"
OTHER_ORGNR = "974760673"


@pytest.fixture
def actors(services: Services) -> tuple[str, str]:
    first = services.actors.create(ActorInput(name="Selje grendalag")).value.id
    second = services.actors.create(ActorInput(name="Ervik sanitetslag")).value.id
    return first, second


def _refusal(services: Services, trip: Path, **kwargs: object) -> str:
    before = fingerprint(services.db)
    with pytest.raises(TravelRefused) as caught:
        services.travel.bring_home(trip, **kwargs)  # type: ignore[arg-type]
    assert fingerprint(services.db) == before
    assert services.travel.merges() == ()
    return caught.value.message.render(Translator("en"))


def test_one_organisation_number_given_to_two_actors_is_refused_by_name(
    services: Services, actors: tuple[str, str], tmp_path: Path
) -> None:
    first, second = actors
    trip = tmp_path / "tour.stadtrip"
    services.travel.take(trip)
    with opened(trip) as road:
        edit_actor(road, second, org_number=ORGNR)
    edit_actor(services, first, org_number=ORGNR)
    text = _refusal(services, trip)
    assert "the same value in the field “Organisation number” (964965226)" in text
    assert "“Ervik sanitetslag” and “Selje grendalag”" in text
    assert "Nothing has been changed." in text
    with pytest.raises(TravelRefused) as caught:
        services.travel.bring_home(trip)
    nn = Translator("nn").render(caught.value.message)
    assert "«Organisasjonsnummer» (964965226)" in nn and "Ingenting er endra." in nn
    # Changing one of them at the office lets the copy come home.
    edit_actor(services, first, org_number=OTHER_ORGNR)
    services.travel.bring_home(trip)
    assert services.actors.get(second).org_number == ORGNR
    checks_hold(services.db)


def test_a_collision_that_only_one_choice_makes_is_refused_for_that_choice(
    services: Services, actors: tuple[str, str], tmp_path: Path
) -> None:
    first, second = actors
    trip = tmp_path / "tour.stadtrip"
    services.travel.take(trip)
    with opened(trip) as road:
        edit_actor(road, second, org_number=ORGNR)
    edit_actor(services, second, org_number=OTHER_ORGNR)
    edit_actor(services, first, org_number=ORGNR)
    assert "Organisation number" in _refusal(services, trip, prefer="travel")
    summary = services.travel.bring_home(trip, prefer="office")
    assert summary.resolved_office == 1
    assert services.actors.get(second).org_number == OTHER_ORGNR
    (lost,) = services.travel.merges()[0].losers
    assert lost.lost_value == ORGNR  # the road's number is kept in the merge record


def test_any_integrity_error_in_the_merge_is_a_clean_refusal(
    services: Services,
    actors: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from stad_desktop.services import travel

    first, second = actors
    trip = tmp_path / "tour.stadtrip"
    services.travel.take(trip)
    with opened(trip) as road:
        edit_actor(road, second, org_number=ORGNR)
    edit_actor(services, first, org_number=ORGNR)
    monkeypatch.setattr(travel, "merge_problem", lambda *args: None)  # the check missed it
    text = _refusal(services, trip)
    assert text.startswith("The travel copy cannot be brought home")
    assert text.endswith("Nothing has been changed.")


def test_dates_taken_from_both_sides_must_keep_their_order(
    services: Services, tmp_path: Path
) -> None:
    def dates(target: Services, start: str, end: str) -> None:
        project = target.projects.find("Folkehelse")
        target.projects.update(
            project.id, ProjectInput(name="Folkehelse", start_date=start, end_date=end)
        )

    services.projects.create(
        ProjectInput(name="Folkehelse", start_date="2026-01-01", end_date="2026-12-31")
    )
    trip = tmp_path / "tour.stadtrip"
    services.travel.take(trip)
    with opened(trip) as road:
        dates(road, "2026-01-01", "2026-03-31")  # the road ends it early
    dates(services, "2026-06-01", "2026-12-31")  # the office starts it later
    text = _refusal(services, trip)
    assert "the project “Folkehelse” end (31 March 2026) before it starts (1 June 2026)" in text
    dates(services, "2026-02-01", "2026-12-31")
    services.travel.bring_home(trip)
    project = services.projects.find("Folkehelse")
    assert (str(project.start_date), str(project.end_date)) == ("2026-02-01", "2026-03-31")
