"""``stad-desktop travel take`` and ``travel bring-home``: summaries, conflicts, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from travel_helpers import edit_actor, fingerprint, opened

from stad_desktop.cli import main
from stad_desktop.services import ActorInput


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    with opened(path) as services:
        services.actors.create(ActorInput(name="Selje grendalag", village="Selje"))
    return path


def _actor(path: Path) -> str:
    with opened(path) as services:
        return services.actors.list()[0].id


def test_take_and_bring_home_with_conflicts(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trip = tmp_path / "tour.stadtrip"
    assert main(["travel", "take", "--db", str(office), "-o", str(trip), "--lang", "en"]) == 0
    assert "Travel copy written" in capsys.readouterr().out
    assert main(["travel", "take", "--db", str(office), "-o", str(trip), "--lang", "en"]) == 2
    assert "exists already" in capsys.readouterr().err
    actor = _actor(office)
    with opened(trip) as road:
        edit_actor(road, actor, village="Ervik")
        road.actors.create(ActorInput(name="Ervik sanitetslag"))
    with opened(office) as services:
        edit_actor(services, actor, village="Hoddevik")
    before = fingerprint(office)
    home = ["travel", "bring-home", str(trip), "--db", str(office), "--lang", "en"]
    assert main([*home, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Added: 1" in out and "conflicts: 1" in out and "Hoddevik" in out
    assert main(home) == 2
    err = capsys.readouterr().err
    assert "Conflict: Actor “Selje grendalag”, Village" in err
    assert "1 conflict needs a choice: give --prefer" in err
    assert fingerprint(office) == before
    assert main([*home, "--prefer", "office"]) == 0
    assert "office kept: 1, travel kept: 0" in capsys.readouterr().out
    with opened(office) as services:
        assert services.actors.get(actor).village == "Hoddevik"
        assert len(services.actors.list()) == 2
    assert main([*home, "--prefer", "office"]) == 2
    assert "brought home already" in capsys.readouterr().err


def test_bring_home_refuses_a_file_that_is_no_travel_copy(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["travel", "bring-home", str(office), "--db", str(office), "--lang", "nn"]) == 2
    assert "er ikkje ein reisekopi" in capsys.readouterr().err


def test_one_organisation_number_given_to_two_actors_exits_2_and_changes_nothing(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _actor(office)
    with opened(office) as services:
        second = services.actors.create(ActorInput(name="Ervik sanitetslag")).value.id
    trip = tmp_path / "tour.stadtrip"
    assert main(["travel", "take", "--db", str(office), "-o", str(trip)]) == 0
    with opened(trip) as road:
        edit_actor(road, second, org_number="964965226")
    with opened(office) as services:
        edit_actor(services, first, org_number="964965226")
    before = fingerprint(office)
    capsys.readouterr()
    assert main(["travel", "bring-home", str(trip), "--db", str(office), "--lang", "nn"]) == 2
    err = capsys.readouterr().err
    assert "to oppføringar få same verdi i feltet «Organisasjonsnummer» (964965226)" in err
    assert "«Ervik sanitetslag» og «Selje grendalag»" in err
    assert "Traceback" not in err and "Uventa" not in err
    assert fingerprint(office) == before
