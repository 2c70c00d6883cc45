"""Revision 0005 repairs databases where the project owner and the owner role
disagree, and reports what it changed: in the window once, and in ``check``."""

from __future__ import annotations

from pathlib import Path

import pytest
from old_databases import make_old_database

from stad_desktop.cli import main
from stad_desktop.language import Translator
from stad_desktop.services import Services
from stad_desktop.storage import open_database


@pytest.fixture
def old_path(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    make_old_database(path)
    return path


def owners_and_holders(services: Services) -> dict[str, tuple[str | None, set[str]]]:
    owner = next(r.id for r in services.roles.roles() if r.code == "owner")
    result = {}
    for ref in services.projects.refs():
        matrix = services.roles.matrix(ref.id)
        holders = {a.actor_id for a in matrix.assignments.values() if a.role_id == owner}
        result[ref.name] = (services.projects.get(ref.id).owner_id, holders)
    return result


def test_the_upgrade_makes_owner_and_owner_role_agree(old_path: Path) -> None:
    db = open_database(old_path)
    services = Services(db)
    assert owners_and_holders(services) == {
        "Heimebasert omsorg 2030": ("a0", {"a0"}),  # the chosen owner wins
        "Kulturskule 3.0": ("a3", {"a3"}),  # the single holder becomes owner
        "Ungdom på Stadlandet": ("a1", {"a1"}),  # the first given the role
        "Folkehelse i bygdene": ("a0", {"a0"}),
        "Smart Stad": (None, set()),
    }
    # The owner takes part in its project; those who lost the role still do.
    p1 = next(r.id for r in services.projects.refs() if r.name.startswith("Heimebasert"))
    assert {a.id for a in services.roles.matrix(p1).actors} == {"a0", "a1", "a2", "a3"}
    # What was consistent keeps its texts.
    p4 = next(r.id for r in services.projects.refs() if r.name.startswith("Folkehelse"))
    owner = next(r.id for r in services.roles.roles() if r.code == "owner")
    cell = services.roles.matrix(p4).assignment("a0", owner)
    assert cell is not None and cell.expectation == "Leie"
    db.close()


def test_the_upgrade_reports_each_change_in_the_users_language(old_path: Path) -> None:
    db = open_database(old_path)
    services = Services(db)
    [report] = services.upgrade_reports.reports()
    assert not report.shown
    en = report.render(Translator("en"))
    assert en[1:] == [
        "Heimebasert omsorg 2030: The owner Heimetenesta Stad was given the role project "
        "owner. The role project owner was taken from Pårørandegruppa, Høgskulen, "
        "Selje grendalag.",
        "Kulturskule 3.0: Selje grendalag held the role project owner and is now the owner.",
        "Ungdom på Stadlandet: Several actors held the role project owner; Pårørandegruppa, "
        "who was given it first, is now the owner. The role project owner was taken from "
        "Høgskulen.",
    ]
    nn = report.render(Translator("nn"))
    assert nn[2] == ("Kulturskule 3.0: Selje grendalag hadde rolla prosjekteigar og er no eigar.")
    assert "prosjekteigar" in nn[0]
    db.close()


def test_check_shows_the_report(old_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Before the upgrade, check reads an upgraded copy and says what will change.
    assert main(["--lang", "en", "check", "--db", str(old_path)]) == 0
    out = capsys.readouterr().out
    assert "The upgrade to revision 0005 will change:" in out
    assert "  Kulturskule 3.0: Selje grendalag held the role project owner" in out
    open_database(old_path).close()
    assert main(["--lang", "nn", "check", "--db", str(old_path)]) == 0
    out = capsys.readouterr().out
    assert "Endra ved oppgraderinga til revisjon 0005:" in out
    assert "  Ungdom på Stadlandet: Fleire aktørar hadde rolla prosjekteigar" in out


def test_a_consistent_database_gets_no_report(demo_services: Services) -> None:
    assert demo_services.upgrade_reports.reports() == ()
