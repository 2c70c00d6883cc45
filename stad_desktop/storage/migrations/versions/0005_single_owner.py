"""one owner per project: the owner and the owner role agree, with a report of changes

Before this revision the owner chosen in the project dialog (``projects.owner_id``)
and the owner role in the role matrix could disagree. This makes every project
consistent: the owner holds the owner role and nobody else does.

- A project with an owner: the owner takes part in the project and holds the
  role; any other holder loses the role (and keeps its place and other roles).
- No owner, one actor holding the role: that actor becomes the owner.
- No owner, several holders: the one given the role first (then by name, then by
  id) becomes the owner; the others lose the role.

What was changed is kept as JSON in the settings row ``upgrade_report.0005``
(``{"items": [...], "shown": false}``, one item per project changed), so that the
program can tell the user once, in the user's language, and ``stad-desktop
check`` can show it (see ``services.upgrade_report``). No row when nothing changed.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10 10:00:00
"""

import datetime as dt
import json
import uuid
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

REPORT_KEY = "upgrade_report.0005"
OWNER = "owner"


def _stamps() -> tuple[sa.ColumnClause[Any], ...]:
    return (
        sa.column("id", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )


projects = sa.table(
    "projects",
    sa.column("name", sa.String),
    sa.column("owner_id", sa.String),
    sa.column("sort_key", sa.String),
    *_stamps(),
)
actors = sa.table(
    "actors", sa.column("name", sa.String), sa.column("sort_key", sa.String), *_stamps()
)
roles = sa.table(
    "roles",
    sa.column("code", sa.String),
    sa.column("short", sa.String),
    sa.column("name_nn", sa.String),
    sa.column("name_nb", sa.String),
    sa.column("name_en", sa.String),
    sa.column("builtin", sa.Boolean),
    sa.column("position", sa.Integer),
    *_stamps(),
)
members = sa.table(
    "project_actors",
    sa.column("project_id", sa.String),
    sa.column("actor_id", sa.String),
    *_stamps(),
)
assignments = sa.table(
    "role_assignments",
    sa.column("project_id", sa.String),
    sa.column("actor_id", sa.String),
    sa.column("role_id", sa.String),
    sa.column("expectation", sa.Text),
    sa.column("contribution", sa.Text),
    *_stamps(),
)
settings = sa.table(
    "settings", sa.column("key", sa.String), sa.column("value", sa.Text), *_stamps()
)


def _stamp() -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return {"id": str(uuid.uuid4()), "created_at": now, "updated_at": now}


def _owner_role(conn: sa.Connection) -> str | None:
    found = conn.execute(sa.select(roles.c.id).where(roles.c.code == OWNER)).scalar()
    if found is not None:
        return str(found)
    has_owner = conn.execute(
        sa.select(projects.c.id).where(projects.c.owner_id.is_not(None)).limit(1)
    ).first()
    if has_owner is None:
        return None  # the program adds its roles after the upgrade; nothing to agree with
    row = _stamp()
    conn.execute(
        roles.insert().values(
            code=OWNER,
            short="E",
            name_nn="Prosjekteigar",
            name_nb="Prosjekteier",
            name_en="Project owner",
            builtin=True,
            position=5,
            **row,
        )
    )
    return str(row["id"])


def upgrade() -> None:
    conn = op.get_bind()
    role_id = _owner_role(conn)
    if role_id is None:
        return
    names = dict(conn.execute(sa.select(actors.c.id, actors.c.name)).all())
    holders: dict[str, list[str]] = {}
    stmt = (
        sa.select(assignments.c.project_id, assignments.c.actor_id)
        .join(actors, actors.c.id == assignments.c.actor_id)
        .where(assignments.c.role_id == role_id)
        .order_by(assignments.c.created_at, actors.c.sort_key, actors.c.id)
    )
    for project_id, actor_id in conn.execute(stmt):
        holders.setdefault(project_id, []).append(actor_id)
    member_pairs = set(conn.execute(sa.select(members.c.project_id, members.c.actor_id)).all())
    items: list[dict[str, Any]] = []
    project_rows = conn.execute(
        sa.select(projects.c.id, projects.c.name, projects.c.owner_id).order_by(
            projects.c.sort_key, projects.c.id
        )
    ).all()
    for project_id, project_name, owner_id in project_rows:
        held = holders.get(project_id, [])
        item: dict[str, Any] = {"project": project_name}
        if owner_id is None:
            if not held:
                continue
            owner_id = held[0]
            item["became_owner"] = "single" if len(held) == 1 else "first_of_several"
            conn.execute(
                projects.update().where(projects.c.id == project_id).values(owner_id=owner_id)
            )
        elif owner_id not in held:
            item["given_role"] = True
            conn.execute(
                assignments.insert().values(
                    project_id=project_id,
                    actor_id=owner_id,
                    role_id=role_id,
                    expectation="",
                    contribution="",
                    **_stamp(),
                )
            )
        others = [actor_id for actor_id in held if actor_id != owner_id]
        if others:
            conn.execute(
                assignments.delete().where(
                    assignments.c.project_id == project_id,
                    assignments.c.role_id == role_id,
                    assignments.c.actor_id.in_(others),
                )
            )
            item["taken_from"] = [names.get(a, a) for a in others]
        if (project_id, owner_id) not in member_pairs:
            conn.execute(
                members.insert().values(project_id=project_id, actor_id=owner_id, **_stamp())
            )
        if len(item) > 1:
            item["owner"] = names.get(owner_id, owner_id)
            items.append(item)
    if items:
        value = json.dumps({"items": items, "shown": False}, ensure_ascii=False)
        conn.execute(settings.delete().where(settings.c.key == REPORT_KEY))
        conn.execute(settings.insert().values(key=REPORT_KEY, value=value, **_stamp()))


def downgrade() -> None:
    # The repaired data stays consistent under the older program; only the report goes.
    op.get_bind().execute(settings.delete().where(settings.c.key == REPORT_KEY))
