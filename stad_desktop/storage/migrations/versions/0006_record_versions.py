"""record versions for optimistic concurrency; 64-bit budgets on PostgreSQL

Every record (each table with ``updated_at``, which the model's ``Stamped`` gives)
gets a ``version``, starting at 1; the program adds one at every save and saves
only over the version it read (see ``model.entities.Stamped``). The tables are
found in the database itself, so a table added by an earlier revision gets one too.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-10 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _record_tables() -> list[str]:
    inspector = sa.inspect(op.get_bind())
    return sorted(
        table
        for table in inspector.get_table_names()
        if {"updated_at"} <= {c["name"] for c in inspector.get_columns(table)}
        and "version" not in {c["name"] for c in inspector.get_columns(table)}
    )


def upgrade() -> None:
    for table in _record_tables():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("projects", "budget_ore", type_=sa.BigInteger())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("projects", "budget_ore", type_=sa.Integer())
    inspector = sa.inspect(op.get_bind())
    for table in inspector.get_table_names():
        if "version" in {c["name"] for c in inspector.get_columns(table)}:
            # Dropped in place (SQLite 3.35 and later can): rebuilding the table, as a
            # batch would, deletes the rows of other tables that refer to it.
            op.drop_column(table, "version")
