"""Norwegian sort keys for the actor list's village and contact person columns

The actor list fetches only the rows on screen, sorted in SQL; like the name's
``sort_key``, the village and the first contact person's name get keys whose plain
order is Norwegian alphabetical order (``stad_desktop.textkeys.sort_key``), indexed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-12 09:00:00
"""

import sqlalchemy as sa
from alembic import op

from stad_desktop.textkeys import sort_key

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

actors = sa.table(
    "actors",
    sa.column("id", sa.String),
    sa.column("village", sa.String),
    sa.column("village_key", sa.String),
    sa.column("contact_key", sa.String),
)
contacts = sa.table(
    "contact_persons",
    sa.column("actor_id", sa.String),
    sa.column("name", sa.String),
    sa.column("position", sa.Integer),
)


def upgrade() -> None:
    # Added in place (a batch would rebuild the table, deleting rows that refer to it).
    op.add_column(
        "actors", sa.Column("village_key", sa.String(100), nullable=False, server_default="")
    )
    op.add_column(
        "actors", sa.Column("contact_key", sa.String(200), nullable=False, server_default="")
    )
    bind = op.get_bind()
    first = {
        row.actor_id: row.name
        for row in bind.execute(
            sa.select(contacts.c.actor_id, contacts.c.name).where(contacts.c.position == 0)
        )
    }
    rows = [
        {"b_id": row.id, "v": sort_key(row.village or ""), "c": sort_key(first.get(row.id, ""))}
        for row in bind.execute(sa.select(actors.c.id, actors.c.village))
    ]
    if rows:
        bind.execute(
            actors.update()
            .where(actors.c.id == sa.bindparam("b_id"))
            .values(village_key=sa.bindparam("v"), contact_key=sa.bindparam("c")),
            rows,
        )
    op.create_index("ix_actors_village_key", "actors", ["village_key"])
    op.create_index("ix_actors_contact_key", "actors", ["contact_key"])


def downgrade() -> None:
    op.drop_index("ix_actors_contact_key", "actors")
    op.drop_index("ix_actors_village_key", "actors")
    op.drop_column("actors", "contact_key")
    op.drop_column("actors", "village_key")
