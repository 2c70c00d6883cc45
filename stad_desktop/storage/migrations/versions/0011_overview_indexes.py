"""Indexes for the home page's overview

The home page counts, for every active project, its warnings and its indicators
behind their path. Three indexes let it read what it needs from an index alone:

- each actor's sector by its id (``ix_actors_sector_by_id``), for the sectors of a
  project's actors;
- the projects given each role (``ix_role_assignments_role_project``), for the
  required roles not given; it begins as the index on the role it replaces did;
- each indicator's measurements in the effect log's order with their value
  (``ix_effect_entries_latest``), so an indicator's latest value is one step into
  the index. It begins as the index it replaces (indicator, date) did, so every
  use of that one is served by it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-17 09:00:00
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added and dropped in place (a batch would rebuild the tables).
    op.create_index("ix_actors_sector_by_id", "actors", ["id", "sector"])
    op.create_index(
        "ix_effect_entries_latest",
        "effect_entries",
        ["indicator_id", "entry_date", "created_at", "id", "value"],
    )
    op.drop_index("ix_effect_entries_indicator_date", "effect_entries")
    op.create_index(
        "ix_role_assignments_role_project", "role_assignments", ["role_id", "project_id"]
    )
    op.drop_index("ix_role_assignments_role_id", "role_assignments")


def downgrade() -> None:
    op.create_index("ix_role_assignments_role_id", "role_assignments", ["role_id"])
    op.drop_index("ix_role_assignments_role_project", "role_assignments")
    op.create_index(
        "ix_effect_entries_indicator_date", "effect_entries", ["indicator_id", "entry_date"]
    )
    op.drop_index("ix_effect_entries_latest", "effect_entries")
    op.drop_index("ix_actors_sector_by_id", "actors")
