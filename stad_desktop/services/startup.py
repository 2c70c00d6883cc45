"""The first view's rows, read straight from SQLite before SQLAlchemy is loaded.

Importing SQLAlchemy and the ORM model takes several times longer than showing the
window. So that the actor list (the default first view) appears at once, start-up
reads it here with one plain query, read-only, and the main window shows it while
the database layer loads. The query gives exactly what ``ActorService.list()`` gives
with its defaults (a test compares the two); anything unusual (a missing or empty
file, a pending migration, a damaged file) returns None and the normal path is taken.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.services.readmodels import ActorRow

if TYPE_CHECKING:
    from stad_desktop.storage.integrity import BackgroundCheck

_FIRST_ACTORS = """
SELECT a.id, a.name, a.sector, a.village, a.org_number, c.name, coalesce(p.n, 0), a.archived
FROM actors AS a
LEFT OUTER JOIN contact_persons AS c ON c.actor_id = a.id AND c.position = 0
LEFT OUTER JOIN (
    SELECT pa.actor_id AS actor_id, count(pa.id) AS n
    FROM project_actors AS pa JOIN projects AS pr ON pr.id = pa.project_id
    WHERE pr.archived = 0
    GROUP BY pa.actor_id
) AS p ON p.actor_id = a.id
WHERE a.archived = 0
ORDER BY a.sort_key, a.id
"""


def first_actor_rows(path: Path) -> tuple[ActorRow, ...] | None:
    """The non-archived actors in Norwegian name order, or None (see module doc)."""
    from stad_desktop.storage.errors import StorageError
    from stad_desktop.storage.revisions import HEAD
    from stad_desktop.storage.sqlite_file import connect_read_only, inspect_file

    try:
        state = inspect_file(path)
        if not state.exists or state.revision != HEAD:
            return None
        conn = connect_read_only(path)
    except (StorageError, sqlite3.Error, OSError):
        return None
    try:
        rows = conn.execute(_FIRST_ACTORS).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return (
        tuple(
            ActorRow(
                id=row[0],
                name=row[1],
                sector=row[2],
                village=row[3],
                org_number=row[4] or "",
                contact=row[5] or "",
                project_count=row[6],
                archived=bool(row[7]),
            )
            for row in rows
        )
        or None
    )


def start_integrity_check(path: Path) -> BackgroundCheck | None:
    """Start checking every page of the database file at ``path`` on a worker thread
    (see ``storage.integrity``); pass it to ``open_database(..., checked=...)``. None
    when there is no file yet, or an empty one."""
    from stad_desktop.storage.integrity import BackgroundCheck

    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
    except OSError:
        return None
    return BackgroundCheck(path)
