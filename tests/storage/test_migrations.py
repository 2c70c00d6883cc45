"""Migrations: an empty file upgraded to head matches the models; data survives upgrades."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from stad_desktop import paths
from stad_desktop.model import Base
from stad_desktop.services import ActorInput, InputData, MeetingInput, ProjectInput, Services
from stad_desktop.storage import open_database, upgrade
from stad_desktop.storage.engine import make_engine
from stad_desktop.storage.revisions import HEAD, KNOWN_REVISIONS


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    return ScriptDirectory.from_config(config)


def test_known_revisions_match_the_migration_scripts() -> None:
    script = _script()
    assert script.get_current_head() == HEAD
    ordered = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(ordered) == KNOWN_REVISIONS


def test_upgraded_empty_file_matches_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.sqlite3")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []


def test_first_revision_with_data_upgrades_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, KNOWN_REVISIONS[0])
    engine.dispose()
    # Data written at the first revision (through the services of that schema).
    first = open_database(path)
    services = Services(first)
    actor = services.actors.create(ActorInput(name="Selje grendalag", sector="voluntary")).value
    project = services.projects.create(ProjectInput(name="Folkehelse", owner_id=actor.id)).value
    first.close()
    db = open_database(path)
    services = Services(db)
    assert db.revision() == HEAD
    assert services.actors.get(actor.id).name == "Selje grendalag"
    assert services.projects.get(project.id).owner_name == "Selje grendalag"
    db.close()


def test_pragmas_are_set(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.sqlite3")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    db.close()


def test_upgrade_backs_up_first_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, KNOWN_REVISIONS[0])
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO actors (id, name, sector, village, wishes_to_contribute, notes, archived,"
            " sort_key, search_text, created_at, updated_at) VALUES ('a1', 'Lote bygdelag',"
            " 'voluntary', 'Lote', '', '', 0, 'lote bygdelag', 'lote bygdelag',"
            " '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    engine.dispose()
    db = open_database(path)
    services = Services(db)
    assert db.revision() == HEAD
    assert services.actors.get("a1").name == "Lote bygdelag"
    services.settings.set_municipality_name("Stad kommune")
    db.close()
    backups = list((tmp_path / "backups").glob("old.sqlite3-*-before-upgrade.sqlite3"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
        KNOWN_REVISIONS[0],
    )
    assert conn.execute("SELECT name FROM actors").fetchall() == [("Lote bygdelag",)]
    conn.close()


def test_batch_errors_are_known_and_batches_nest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stad_desktop.storage import StorageError, StorageProblem, engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "b.sqlite3"
    db = open_database(path)
    services = Services(db)
    with db.batch():
        services.actors.create(ActorInput(name="Ytre"))
        with db.batch():
            services.actors.create(ActorInput(name="Indre"))
    assert {a.name for a in services.actors.list()} == {"Ytre", "Indre"}
    # Another program holds the write lock: saving a project with its checklist
    # (a batch) reports "locked", and nothing is written.
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as info:
            services.projects.save(None, ProjectInput(name="Låst"), {1: ("done", "")})
        assert info.value.problem is StorageProblem.LOCKED
    finally:
        blocker.rollback()
        blocker.close()
    assert services.projects.list() == ()
    db.close()


def _row(conn: sqlite3.Connection, table: str, values: dict[str, object]) -> None:
    stamp = {"created_at": "2026-01-01 00:00:00", "updated_at": "2026-01-01 00:00:00"}
    values = {**values, **stamp}
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))


def test_an_input_items_project_becomes_its_link(tmp_path: Path) -> None:
    """Revision 0004: input kept its one project in input_items.project_id; after
    the upgrade the item is linked to that project (and can be linked to more)."""
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0003")
    engine.dispose()
    conn = sqlite3.connect(path)
    for pid, name in (("p1", "Folkehelse i bygdene"), ("p2", "Kulturskule 3.0")):
        _row(
            conn,
            "projects",
            {
                "id": pid,
                "name": name,
                "summary": "",
                "goal": "",
                "target_group": "",
                "area": "",
                "phase": "idea",
                "notes": "",
                "archived": 0,
                "sort_key": name.lower(),
                "search_text": name.lower(),
            },
        )
    _row(
        conn,
        "meetings",
        {
            "id": "m1",
            "title": "Bygdemøte i Selje",
            "meeting_date": "2026-03-12",
            "place": "Selje",
            "kind": "village_meeting",
            "minutes": "",
        },
    )
    for iid, text, pid in (("i1", "Møteplass ved kaia", "p1"), ("i2", "Betre buss", None)):
        _row(
            conn,
            "input_items",
            {
                "id": iid,
                "meeting_id": "m1",
                "text": text,
                "from_name": "",
                "topic": "",
                "project_id": pid,
                "status": "new",
                "answer": "",
            },
        )
    conn.commit()
    conn.close()
    db = open_database(path)
    services = Services(db)
    assert db.revision() == HEAD
    by_text = {item.text: item for item in services.meetings.inputs()}
    assert by_text["Møteplass ved kaia"].project_ids == ("p1",)
    assert by_text["Betre buss"].project_ids == ()
    assert by_text["Møteplass ved kaia"].village == ""
    assert [e.item.text for e in services.meetings.input_for_project("p1")] == [
        "Møteplass ved kaia"
    ]
    # The upgraded file takes more than one project per item.
    data = InputData.from_view(by_text["Betre buss"])
    services.meetings.update_input("i2", replace(data, project_ids=("p1", "p2")))
    assert [e.item.text for e in services.meetings.input_for_project("p1")] == [
        "Møteplass ved kaia",
        "Betre buss",
    ]
    db.close()


def test_downgrade_from_0004_keeps_the_first_link(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "new.sqlite3"
    db = open_database(path)
    services = Services(db)
    projects = [
        services.projects.create(ProjectInput(name=name)).value.id for name in ("Alfa", "Beta")
    ]
    meeting = services.meetings.create(MeetingInput("Møte", "12.03.2026")).value
    services.meetings.add_input(meeting.id, InputData("Innspel", project_ids=(projects[0],)))
    db.close()
    engine = make_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    engine.dispose()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT text, project_id FROM input_items").fetchall() == [
        ("Innspel", projects[0])
    ]
    conn.close()


def test_contact_persons_get_their_keys_on_upgrade(tmp_path: Path) -> None:
    """Revision 0010: contact persons kept before it are sorted and found in the
    people list (by their name, e-mail and their actor's name) after the upgrade."""
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0009")
    engine.dispose()
    conn = sqlite3.connect(path)
    _row(
        conn,
        "actors",
        {
            "id": "a1",
            "name": "Ålesund Røde Kors",
            "sector": "voluntary",
            "village": "",
            "wishes_to_contribute": "",
            "notes": "",
            "archived": 0,
            "sort_key": "}lesund rode kors",
            "search_text": "ålesund røde kors",
        },
    )
    for pid, name, email, position in (
        ("c1", "Øyvind Lid", "oyvind@rk.no", 0),
        ("c2", "Anne Berg", "ANNE@rk.no", 1),
    ):
        _row(
            conn,
            "contact_persons",
            {
                "id": pid,
                "actor_id": "a1",
                "name": name,
                "email": email,
                "phone": "",
                "position": position,
            },
        )
    conn.commit()
    conn.close()
    db = open_database(path)
    assert db.revision() == HEAD
    people = Services(db).people
    assert [p.name for p in people.persons()] == ["Anne Berg", "Øyvind Lid"]
    assert [p.name for p in people.persons(order_by="email", descending=True)] == [
        "Øyvind Lid",
        "Anne Berg",
    ]
    assert [p.name for p in people.listing("anne@").page(0, 10)] == ["Anne Berg"]
    assert people.listing("ÅLESUND").count == 2
