"""An old database (schema revision 0003) where the project owner and the owner role
disagree in every way the program used to allow (for the tests of revision 0005)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from stad_desktop.model.catalogue import DEFAULT_ROLES
from stad_desktop.storage import upgrade

ACTORS = ("Heimetenesta Stad", "Pårørandegruppa", "Høgskulen", "Selje grendalag")


def _insert(conn: Any, table: str, **values: object) -> None:
    now = dt.datetime(2026, 1, 1)
    values = {"created_at": now, "updated_at": now, **values}
    columns = ", ".join(values)
    marks = ", ".join(f":{key}" for key in values)
    conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({marks})"), values)


def _project(conn: Any, pid: str, name: str, owner: str | None) -> None:
    _insert(
        conn,
        "projects",
        id=pid,
        name=name,
        summary="",
        goal="",
        target_group="",
        area="",
        phase="idea",
        owner_id=owner,
        notes="",
        archived=False,
        sort_key=name.lower(),
        search_text=name.lower(),
    )


def _holds(conn: Any, pid: str, actor: str, role: str, when: int, expectation: str = "") -> None:
    _insert(conn, "project_actors", id=f"m-{pid}-{actor}", project_id=pid, actor_id=actor)
    _insert(
        conn,
        "role_assignments",
        id=f"r-{pid}-{actor}",
        project_id=pid,
        actor_id=actor,
        role_id=role,
        expectation=expectation,
        contribution="",
        created_at=dt.datetime(2026, 1, when),
    )


def make_old_database(path: Path) -> None:
    """A database at revision 0003 (before this repair) where owners and the owner
    role disagree in every way the program used to allow."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0003")
    with engine.begin() as conn:
        # The built-in roles as that revision stored them (through SQL: the model
        # describes today's schema).
        for position, role in enumerate(DEFAULT_ROLES):
            _insert(
                conn,
                "roles",
                id=f"role-{role.code}",
                code=role.code,
                short=role.short,
                name_nn=role.name.nn,
                name_nb=role.name.nb,
                name_en=role.name.en,
                builtin=True,
                position=position,
            )
        owner = conn.execute(text("SELECT id FROM roles WHERE code = 'owner'")).scalar()
        for index, name in enumerate(ACTORS):
            _insert(
                conn,
                "actors",
                id=f"a{index}",
                name=name,
                sector="voluntary",
                village="",
                wishes_to_contribute="",
                notes="",
                archived=False,
                sort_key=name.lower(),
                search_text=name.lower(),
            )
        # An owner chosen in the dialog while three others hold the role.
        _project(conn, "p1", "Heimebasert omsorg 2030", "a0")
        for when, actor in enumerate(("a1", "a2", "a3"), start=1):
            _holds(conn, "p1", actor, owner, when, "Eige prosjektet")
        # No owner chosen, one holder.
        _project(conn, "p2", "Kulturskule 3.0", None)
        _holds(conn, "p2", "a3", owner, 1)
        # No owner chosen, two holders: the one given the role first wins.
        _project(conn, "p3", "Ungdom på Stadlandet", None)
        _holds(conn, "p3", "a2", owner, 5)
        _holds(conn, "p3", "a1", owner, 2)
        # Consistent already, and a project with neither: left alone.
        _project(conn, "p4", "Folkehelse i bygdene", "a0")
        _holds(conn, "p4", "a0", owner, 1, "Leie")
        _project(conn, "p5", "Smart Stad", None)
    engine.dispose()
