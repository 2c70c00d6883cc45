"""travel copies: the database's identity, copies handed out, merge records, base state

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 10:00:00
"""

import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    identity = op.create_table(
        "database_identity",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("office_id", sa.String(length=36), nullable=True),
        sa.Column("office_name", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("program_version", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_identity")),
    )
    op.create_table(
        "travel_copies",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("program_version", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("brought_home_at", sa.DateTime(), nullable=True),
        sa.Column("merge_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_travel_copies")),
    )
    op.create_table(
        "merge_records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("copy_id", sa.String(length=36), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("losers", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_records")),
    )
    op.create_index(op.f("ix_merge_records_copy_id"), "merge_records", ["copy_id"], unique=False)
    op.create_table(
        "travel_base",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "record_id", name=op.f("pk_travel_base")),
    )
    # The identity is made once, here: an existing database keeps it from now on.
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    op.bulk_insert(
        identity,
        [
            {
                "id": str(uuid.uuid4()),
                "kind": "office",
                "created_at": now,
                "office_id": None,
                "office_name": "",
                "taken_at": None,
                "program_version": "",
            }
        ],
    )


def downgrade() -> None:
    op.drop_table("travel_base")
    op.drop_index(op.f("ix_merge_records_copy_id"), table_name="merge_records")
    op.drop_table("merge_records")
    op.drop_table("travel_copies")
    op.drop_table("database_identity")
