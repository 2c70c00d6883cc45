"""The start-up read of the first view gives exactly what the actor service gives."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate
from stad_desktop.services import ActorInput, ContactInput, ProjectInput, Services
from stad_desktop.services.startup import first_actor_rows


def test_same_rows_as_the_service_on_the_example(demo_services: Services, demo_path: Path) -> None:
    demo_services.actors.archive(demo_services.actors.list()[3].id)
    demo_services.projects.archive(demo_services.projects.list()[0].id)
    demo_services.db.close()
    assert first_actor_rows(demo_path) == Services(demo_services.db).actors.list()


def test_same_rows_as_the_service_on_generated_data(services: Services, db_path: Path) -> None:
    generate(services, scale=0.02, quiet=True)
    services.actors.create(
        ActorInput(name="Čáhppes Ŋuorra", contacts=[ContactInput("B"), ContactInput("A")])
    )
    services.projects.create(ProjectInput(name="Utan aktørar"))
    assert first_actor_rows(db_path) == services.actors.list()


def test_nothing_for_missing_empty_or_foreign_files(tmp_path: Path, services: Services) -> None:
    assert first_actor_rows(tmp_path / "missing.sqlite3") is None
    notes = tmp_path / "notes.txt"
    notes.write_text("ikkje ein database", encoding="utf-8")
    assert first_actor_rows(notes) is None
    assert first_actor_rows(Path(str(services.db.path))) is None  # no actors yet
