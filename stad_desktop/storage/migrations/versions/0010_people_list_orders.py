"""Sort and search keys of the contact persons, and an index for each order of the
people list

The people list reads one page at a time, sorted and searched in SQL. A contact
person gets Norwegian sort keys of its name, e-mail and phone
(``stad_desktop.textkeys.sort_key``) and a folded search text (name, e-mail, phone
and the actor's name); each order gets an index on the column's key, the name's key
and the id, and the actor's order one on the actor, the name's key and the id (it
replaces the index on the actor alone).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-18 09:00:00
"""

import sqlalchemy as sa
from alembic import op

from stad_desktop.textkeys import fold, sort_key

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

actors = sa.table("actors", sa.column("id", sa.String), sa.column("name", sa.String))
contacts = sa.table(
    "contact_persons",
    sa.column("id", sa.String),
    sa.column("actor_id", sa.String),
    sa.column("name", sa.String),
    sa.column("email", sa.String),
    sa.column("phone", sa.String),
    sa.column("sort_key", sa.String),
    sa.column("email_key", sa.String),
    sa.column("phone_key", sa.String),
    sa.column("search_text", sa.Text),
)
_COLUMNS = {"sort_key": 200, "email_key": 200, "phone_key": 40}
_NEW = {
    "ix_contact_persons_name_order": ["sort_key", "id"],
    "ix_contact_persons_actor_order": ["actor_id", "sort_key", "id"],
    "ix_contact_persons_email_order": ["email_key", "sort_key", "id"],
    "ix_contact_persons_phone_order": ["phone_key", "sort_key", "id"],
}


def upgrade() -> None:
    # Added in place (a batch would rebuild the table, deleting rows that refer to it).
    for name, length in _COLUMNS.items():
        op.add_column(
            "contact_persons",
            sa.Column(name, sa.String(length), nullable=False, server_default=""),
        )
    op.add_column(
        "contact_persons", sa.Column("search_text", sa.Text(), nullable=False, server_default="")
    )
    bind = op.get_bind()
    names = {row.id: row.name for row in bind.execute(sa.select(actors.c.id, actors.c.name))}
    rows = [
        {
            "b_id": row.id,
            "k": sort_key(row.name),
            "e": sort_key(row.email or ""),
            "p": sort_key(row.phone or ""),
            "s": fold(
                "\x1f".join(
                    (row.name, row.email or "", row.phone or "", names.get(row.actor_id, ""))
                )
            ),
        }
        for row in bind.execute(
            sa.select(
                contacts.c.id,
                contacts.c.actor_id,
                contacts.c.name,
                contacts.c.email,
                contacts.c.phone,
            )
        )
    ]
    if rows:
        bind.execute(
            contacts.update()
            .where(contacts.c.id == sa.bindparam("b_id"))
            .values(
                sort_key=sa.bindparam("k"),
                email_key=sa.bindparam("e"),
                phone_key=sa.bindparam("p"),
                search_text=sa.bindparam("s"),
            ),
            rows,
        )
    op.drop_index("ix_contact_persons_actor_id", "contact_persons")
    for name, columns in _NEW.items():
        op.create_index(name, "contact_persons", columns)


def downgrade() -> None:
    for name in _NEW:
        op.drop_index(name, "contact_persons")
    op.create_index("ix_contact_persons_actor_id", "contact_persons", ["actor_id"])
    for name in (*_COLUMNS, "search_text"):
        op.drop_column("contact_persons", name)
