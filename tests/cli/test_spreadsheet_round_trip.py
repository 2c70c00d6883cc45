"""The round trip: the actors exported with their contact persons and imported into an
empty database come back the same — names, sectors, organisation numbers, villages,
the rest of their fields and every contact person — in XLSX and CSV, in any language,
also when a value looks like a formula to a spreadsheet program."""

from __future__ import annotations

from pathlib import Path

import pytest

from stad_desktop.cli import main
from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.storage import open_database

Actor = tuple[object, ...]


def everything(db: Path) -> set[Actor]:
    database = open_database(db)
    try:
        services = Services(database)
        result: set[Actor] = set()
        for row in services.actors.list(include_archived=True):
            a = services.actors.get(row.id)
            contacts = tuple((c.name, c.email, c.phone) for c in a.contacts)
            result.add(
                (
                    a.name,
                    a.sector,
                    a.org_number,
                    a.village,
                    a.wishes_to_contribute,
                    a.hours_per_month,
                    a.notes,
                    a.archived,
                    contacts,
                )
            )
        return result
    finally:
        database.close()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example data plus actors that test the edges: two contact persons, values a
    spreadsheet would take for formulas, an archived actor, decimals."""
    db = tmp_path_factory.mktemp("office") / "stad.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    database = open_database(db)
    try:
        services = Services(database)
        services.actors.create(
            ActorInput(
                name='=HYPERLINK("http://x";"y")',
                sector="voluntary",
                village="-Hoddevik",
                wishes_to_contribute="+ dugnad; @laurdagar",
                hours_per_month=2.5,
                notes="Linje ein\nlinje to",
                contacts=[
                    ContactInput("Åse Ølberg", "ase@example.no", "+47 900 00 001"),
                    ContactInput("Per Æsøy", "", "57 86 40 99"),
                ],
            )
        )
        archived = services.actors.create(
            ActorInput(name="Gamle Selje sogelag", sector="voluntary", village="Selje")
        ).value
        services.actors.archive(archived.id)
    finally:
        database.close()
    return db


@pytest.mark.parametrize(("suffix", "lang"), [(".xlsx", "nn"), (".csv", "nb"), (".csv", "en")])
def test_exported_actors_import_into_an_empty_database_unchanged(
    office: Path, tmp_path: Path, suffix: str, lang: str
) -> None:
    sheet = tmp_path / f"aktørar{suffix}"
    export = ["export", "actors", "--db", str(office), "-o", str(sheet), "--lang", lang]
    assert main([*export, "--include-contacts"]) == 0
    empty = tmp_path / "tom.sqlite3"
    assert main(["import", "actors", str(sheet), "--db", str(empty), "--lang", lang]) == 0

    before, after = everything(office), everything(empty)
    assert len(after) == len(before) > 27
    assert after == before
    # Importing the same file again adds nothing.
    assert main(["import", "actors", str(sheet), "--db", str(empty), "--lang", lang]) == 0
    assert everything(empty) == before
