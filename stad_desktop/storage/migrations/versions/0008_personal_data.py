"""personal data: legal basis and review dates, change history, erasure register

- ``contact_persons`` gets ``legal_basis`` (consent, public_task or
  legitimate_interest; legitimate interest for those stored before), the date and way
  a consent was given, and a review date (empty: counted from the last activity).
- ``named_persons``: the same for people named only as "from whom" on input or
  "recorded by" on entries (by their folded name).
- ``change_history``: every change made through the services, append-only.
- ``erasure_register``: every erasure, as salted hashes only (no personal data).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-14 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    ]


def upgrade() -> None:
    with op.batch_alter_table("contact_persons") as batch:
        batch.add_column(
            sa.Column(
                "legal_basis",
                sa.String(20),
                nullable=False,
                server_default="legitimate_interest",
            )
        )
        batch.add_column(sa.Column("consent_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("consent_how", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("review_date", sa.Date(), nullable=True))
    op.create_table(
        "named_persons",
        *_stamps(),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("legal_basis", sa.String(20), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("consent_how", sa.Text(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_named_persons"),
        sa.UniqueConstraint("key", name="uq_named_persons_key"),
    )
    op.create_table(
        "change_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_change_history"),
    )
    op.create_index("ix_change_history_record", "change_history", ["table_name", "record_id"])
    op.create_index("ix_change_history_changed_at", "change_history", ["changed_at"])
    op.create_table(
        "erasure_register",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("name_hash", sa.String(64), nullable=False),
        sa.Column("identity_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_erasure_register"),
    )
    op.create_index("ix_erasure_register_name_hash", "erasure_register", ["name_hash"])


def downgrade() -> None:
    op.drop_index("ix_erasure_register_name_hash", "erasure_register")
    op.drop_table("erasure_register")
    op.drop_index("ix_change_history_changed_at", "change_history")
    op.drop_index("ix_change_history_record", "change_history")
    op.drop_table("change_history")
    op.drop_table("named_persons")
    for column in ("review_date", "consent_how", "consent_date", "legal_basis"):
        op.drop_column("contact_persons", column)
