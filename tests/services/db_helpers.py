"""Helpers for the service tests: the whole database as comparable data, and ids
from the example data by name."""

from __future__ import annotations

from sqlalchemy import inspect, text

from stad_desktop.services import Services

Snapshot = dict[str, list[tuple[object, ...]]]

# Rows that only link or belong to others get new ids when put back; what they
# hold is compared, not their ids. Times of change are never compared.
LINK_TABLES = {
    "contact_persons",
    "project_actors",
    "role_assignments",
    "checklist_items",
    "meeting_participants",
    "input_item_projects",
}


def snapshot(services: Services) -> Snapshot:
    """Everything the database holds, table by table, in a stable order."""
    engine = services.db.engine
    result: Snapshot = {}
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            # The change history only grows (an undo is a change too): not compared.
            if table in ("alembic_version", "change_history"):
                continue
            rows = conn.execute(text(f'SELECT * FROM "{table}"'))
            keep = [
                i
                for i, name in enumerate(rows.keys())
                if name not in ("created_at", "updated_at", "version")
                and not (name == "id" and table in LINK_TABLES)
            ]
            result[table] = sorted(
                (tuple(row[i] for i in keep) for row in rows), key=lambda r: repr(r)
            )
    return result


def project_id(services: Services, name: str) -> str:
    return next(p.id for p in services.projects.refs() if p.name == name)


def actor_id(services: Services, name: str) -> str:
    return next(a.id for a in services.actors.refs() if a.name == name)


def role_id(services: Services, code: str) -> str:
    return next(r.id for r in services.roles.roles() if r.code == code)


FOLKEHELSE = "Folkehelse i bygdene"
UNGDOM = "Ungdom på Stadlandet"
