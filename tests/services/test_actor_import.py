"""Importing actors from spreadsheets: the program's own sheet in every language, the
register downloads, all or nothing, duplicates and --update, near-identical names,
and undo in one step."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_helpers import snapshot
from import_helpers import (
    ENHET_HEADER,
    FRIVILLIG_HEADER,
    enhet_row,
    frivillig_row,
    org_numbers,
    own_header,
    own_row,
    write,
)

from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, ProjectInput, Services, ValidationError
from stad_desktop.services.actor_import import (
    ActorImportService,
    ImportRefused,
    NearDecision,
    RowStatus,
)
from stad_desktop.services.actor_import.plan import problem_lines

ORGS = org_numbers(6)


def actors(services: Services) -> dict[str, object]:
    return {a.name: services.actors.get(a.id) for a in services.actors.list(include_archived=True)}


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_own_sheet_in_every_language(
    services: Services, tmp_path: Path, lang: str, suffix: str
) -> None:
    rows = [
        own_row(
            lang,
            "Selje grendalag",
            "Voluntary sector",
            ORGS[0],
            "Selje",
            ("Kari Ås", "kari@example.no", "912 34 567"),
            hours=4,
            notes="Dugnad",
        ),
        own_row(lang, "Stad kommune", "Municipality", "", "Nordfjordeid", archived="Yes"),
        own_row(lang, "Bø Sag", "Business", ORGS[1], "Bø"),
    ]
    path = write(tmp_path / f"actors{suffix}", own_header(lang), rows)
    importer = ActorImportService(services.db)
    plan = importer.read(path)
    assert plan.valid, [p.render(Translator("en")) for p in plan.problems]
    summary = importer.store(plan).value
    assert (summary.added, summary.matched, summary.updated, summary.skipped) == (3, 0, 0, 0)
    stored = actors(services)
    selje = stored["Selje grendalag"]
    assert selje.sector == "voluntary"  # type: ignore[attr-defined]
    assert selje.org_number == ORGS[0]  # type: ignore[attr-defined]
    assert selje.village == "Selje"  # type: ignore[attr-defined]
    assert selje.hours_per_month == 4  # type: ignore[attr-defined]
    assert selje.notes == "Dugnad"  # type: ignore[attr-defined]
    contact = selje.contacts[0]  # type: ignore[attr-defined]
    assert (contact.name, contact.email, contact.phone) == (
        "Kari Ås",
        "kari@example.no",
        "91 23 45 67",
    )
    assert stored["Stad kommune"].sector == "municipality"  # type: ignore[attr-defined]
    assert stored["Stad kommune"].archived  # type: ignore[attr-defined]
    assert stored["Bø Sag"].sector == "business"  # type: ignore[attr-defined]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_enhetsregisteret_download(services: Services, tmp_path: Path, suffix: str) -> None:
    rows = [
        enhet_row(ORGS[0], "STAD KOMMUNE", "KOMM", "NORDFJORDEID", "www.stad.kommune.no"),
        enhet_row(ORGS[1], "SELJE GRENDALAG", "FLI", "SELJE"),
        enhet_row(ORGS[2], "BØ SAG AS", "AS", "BØ"),
        enhet_row(ORGS[3], "Kari Ås Rørlegging", "ENK", "STADLANDET"),
    ]
    path = write(tmp_path / f"enheter{suffix}", ENHET_HEADER, rows, delimiter=",")
    importer = ActorImportService(services.db)
    plan = importer.read(path)
    assert plan.layout.source == "Enhetsregisteret"
    importer.store(plan)
    stored = actors(services)
    assert {name: a.sector for name, a in stored.items()} == {  # type: ignore[attr-defined]
        "STAD KOMMUNE": "municipality",
        "SELJE GRENDALAG": "voluntary",
        "BØ SAG AS": "business",
        "Kari Ås Rørlegging": "business",
    }
    assert stored["SELJE GRENDALAG"].village == "SELJE"  # type: ignore[attr-defined]
    assert stored["BØ SAG AS"].org_number == ORGS[2]  # type: ignore[attr-defined]
    assert stored["STAD KOMMUNE"].notes == "www.stad.kommune.no"  # type: ignore[attr-defined]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_frivillighetsregisteret_download(services: Services, tmp_path: Path, suffix: str) -> None:
    rows = [
        frivillig_row(ORGS[0], "EID IDRETTSLAG", "NORDFJORDEID", "post@eidil.no", "57 86 00 00"),
        frivillig_row(ORGS[1], "STADLANDET SANITETSFORENING", "LEIKANGER", form=""),
    ]
    path = write(tmp_path / f"frivillige{suffix}", FRIVILLIG_HEADER, rows, delimiter=",")
    importer = ActorImportService(services.db)
    plan = importer.read(path)
    assert plan.layout.source == "Frivillighetsregisteret"
    importer.store(plan)
    stored = actors(services)
    eid = stored["EID IDRETTSLAG"]
    assert eid.sector == "voluntary"  # type: ignore[attr-defined]
    assert eid.village == "NORDFJORDEID"  # type: ignore[attr-defined]
    assert [(c.name, c.email) for c in eid.contacts] == [  # type: ignore[attr-defined]
        ("EID IDRETTSLAG", "post@eidil.no")
    ]
    # No organisation form: every organisation in Frivillighetsregisteret is voluntary.
    assert stored["STADLANDET SANITETSFORENING"].sector == "voluntary"  # type: ignore[attr-defined]


def test_a_bad_row_stores_nothing_and_is_named_by_its_row(
    services: Services, tmp_path: Path
) -> None:
    rows = [
        own_row("nn", "Selje grendalag", org=ORGS[0]),
        own_row("nn", "Eid IL", org="123456789"),
        ["", "", "", "", "", "", "", "", "", "", ""],  # an empty row: the numbers go on
        own_row("nn", "", village="Bø"),
        own_row("nn", "Stad kommune", contact=("Ola", "ola@", "")),
    ]
    path = write(tmp_path / "aktørar.csv", own_header("nn"), rows)
    importer = ActorImportService(services.db)
    plan = importer.read(path)
    assert not plan.valid
    lines = [p.render(Translator("en")) for p in problem_lines(plan)]
    assert lines == [
        "Row 3, Organisasjonsnummer: 123456789 is not a valid organisation number "
        "(9 digits with a correct check digit).",
        "Row 5, Namn: This field is required.",
        "Row 6, E-post 1: ola@ is not a valid e-mail address.",
    ]
    before = snapshot(Services(services.db))
    with pytest.raises(ImportRefused):
        importer.store(plan)
    assert snapshot(Services(services.db)) == before


def test_at_most_twenty_problems_are_listed(services: Services, tmp_path: Path) -> None:
    rows = [own_row("en", f"Lag {n}", org="1") for n in range(30)]
    path = write(tmp_path / "many.csv", own_header("en"), rows)
    plan = ActorImportService(services.db).read(path)
    assert len(plan.problems) == 30
    assert len(problem_lines(plan)) == 20


def test_duplicates_are_matched_and_left_without_update(services: Services, tmp_path: Path) -> None:
    services.actors.create(ActorInput("Selje grendalag", "voluntary", ORGS[0], village=""))
    services.actors.create(ActorInput("Bø Sag", "business", ORGS[1], village="Bø"))
    rows = [
        own_row(
            "en",
            "Selje grendalag",
            org=ORGS[0],
            village="Selje",
            contact=("Kari", "kari@example.no", ""),
        ),
        own_row("en", "Bø Sag og Høvleri", "Business", ORGS[1], "Bø"),
        own_row("en", "Eid IL", org=ORGS[2]),
    ]
    path = write(tmp_path / "actors.xlsx", own_header("en"), rows)
    importer = ActorImportService(services.db)
    summary = importer.store(importer.read(path)).value
    assert (summary.added, summary.matched, summary.updated, summary.skipped) == (1, 2, 0, 0)
    stored = actors(services)
    assert stored["Selje grendalag"].village == ""  # type: ignore[attr-defined]
    assert "Bø Sag" in stored and "Bø Sag og Høvleri" not in stored


def test_update_fills_empty_fields_and_changes_changed_ones(
    services: Services, tmp_path: Path
) -> None:
    services.actors.create(
        ActorInput("Selje grendalag", "other", ORGS[0], notes="Møtest kvar tysdag")
    )
    rows = [
        own_row(
            "nn",
            "Selje grendalag",
            "Voluntary sector",
            ORGS[0],
            "Selje",
            ("Kari", "kari@example.no", ""),
        ),
    ]
    path = write(tmp_path / "aktørar.csv", own_header("nn"), rows)
    importer = ActorImportService(services.db)
    plan = importer.read(path)
    assert plan.counts(update=True).updated == 1
    summary = importer.store(plan, update=True).value
    assert (summary.added, summary.matched, summary.updated) == (0, 1, 1)
    selje = actors(services)["Selje grendalag"]
    assert selje.village == "Selje"  # type: ignore[attr-defined]  # empty: filled
    assert selje.sector == "voluntary"  # type: ignore[attr-defined]  # changed: updated
    assert selje.notes == "Møtest kvar tysdag"  # type: ignore[attr-defined]  # not in file: kept
    assert [c.email for c in selje.contacts] == ["kari@example.no"]  # type: ignore[attr-defined]
    # The same file again changes nothing more.
    again = importer.store(importer.read(path), update=True).value
    assert (again.added, again.matched, again.updated) == (0, 1, 0)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_same_file_twice_adds_nothing(services: Services, tmp_path: Path, suffix: str) -> None:
    rows = [
        own_row("nn", "Selje grendalag", org=ORGS[0]),
        own_row("nn", "Dugnadsgjengen på Bø", village="Bø"),  # no organisation number
    ]
    path = write(tmp_path / f"aktørar{suffix}", own_header("nn"), rows)
    importer = ActorImportService(services.db)
    importer.store(importer.read(path))
    before = snapshot(services)
    second = importer.store(importer.read(path)).value
    assert (second.added, second.matched) == (0, 2)
    assert snapshot(services) == before


def test_near_identical_names_are_flagged_for_the_user(services: Services, tmp_path: Path) -> None:
    services.actors.create(ActorInput("Selje Grendalag", "voluntary"))
    services.actors.create(ActorInput("Eid IL", "voluntary"))
    rows = [
        own_row("en", "Selje grendalag", org=ORGS[0]),
        own_row("en", "Eid idrettslag", org=ORGS[1], village="Nordfjordeid"),
        own_row("en", "Stad Hotell AS", "Business", ORGS[2]),
        own_row("en", "Stad Hotell", "Business"),
    ]
    path = write(tmp_path / "actors.csv", own_header("en"), rows)
    importer = ActorImportService(services.db)
    plan = importer.read(path)
    near = {p.row.data.name: p.near.name for p in plan.rows if p.near is not None}
    assert near == {
        "Selje grendalag": "Selje Grendalag",
        "Eid idrettslag": "Eid IL",
        "Stad Hotell": "Stad Hotell AS",
    }
    assert plan.rows[2].status is RowStatus.NEW
    # Left out unless the user decides: here one is added, one is the same actor.
    decisions = {2: NearDecision.ADD, 3: NearDecision.SAME}
    summary = importer.store(plan, update=True, decisions=decisions).value
    assert (summary.added, summary.matched, summary.updated, summary.skipped) == (2, 1, 1, 1)
    stored = actors(services)
    assert "Selje grendalag" in stored and "Selje Grendalag" in stored
    assert "Eid IL" not in stored
    assert stored["Eid idrettslag"].village == "Nordfjordeid"  # type: ignore[attr-defined]
    assert "Stad Hotell" not in stored


def test_sector_chosen_in_the_preview(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", own_header("en"), [own_row("en", "Eid IL", "Other")])
    importer = ActorImportService(services.db)
    importer.store(importer.read(path), sectors={2: "voluntary"})
    assert actors(services)["Eid IL"].sector == "voluntary"  # type: ignore[attr-defined]


def test_undo_removes_and_restores_exactly_what_the_import_did(
    services: Services, tmp_path: Path
) -> None:
    services.actors.create(ActorInput("Selje grendalag", "other", ORGS[0]))
    rows = [
        own_row("en", "Selje grendalag", org=ORGS[0], village="Selje"),
        own_row("en", "Eid IL", org=ORGS[1], contact=("Ola", "", "90000000")),
        own_row("en", "Bø Sag", "Business"),
    ]
    path = write(tmp_path / "actors.xlsx", own_header("en"), rows)
    importer = ActorImportService(services.db)
    before = snapshot(services)
    change = importer.store(importer.read(path), update=True)
    after = snapshot(services)
    assert after != before
    redo = change.undo()
    assert snapshot(services) == before
    redo.undo()
    assert snapshot(services) == after
    assert len(services.actors.list()) == 3


def test_undo_is_refused_once_an_imported_actor_is_in_a_project(
    services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path / "a.csv", own_header("en"), [own_row("en", "Eid IL")])
    importer = ActorImportService(services.db)
    change = importer.store(importer.read(path))
    project = services.projects.create(ProjectInput("Badeplass", phase="idea")).value
    actor_id = services.actors.list()[0].id
    services.roles.add_actor(project.id, actor_id)
    before = snapshot(services)
    with pytest.raises(ValidationError):
        change.undo()
    assert snapshot(services) == before


def test_a_backup_is_made_first(services: Services, engine_name: str, tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", own_header("en"), [own_row("en", "Eid IL")])
    importer = ActorImportService(services.db)
    summary = importer.store(importer.read(path)).value
    if engine_name == "postgresql":  # the server's backups are its own (see README)
        assert summary.backup is None
        return
    assert summary.backup is not None and summary.backup.exists()
    assert "before-import" in summary.backup.name
