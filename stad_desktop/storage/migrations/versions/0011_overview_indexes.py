"""Indexes for the home page's overview

The home page counts, for every active project, its warnings and its indicators
behind their path. Four indexes let it read what it needs from an index alone:

- each actor's sector by its id (``ix_actors_sector_by_id``), for the sectors of a
  project's actors;
- the projects given each role (``ix_role_assignments_role_project``), for the
  required roles not given; it begins as the index on the role it replaces did;
- the expectations without a contribution, by project
  (``ix_role_assignments_lacking``): only those are in it;
- each indicator's measurements in the effect log's order with their value
  (``ix_effect_entries_latest``), so an indicator's latest value is one step into
  the index. It begins as the index it replaces (indicator, date) did, so every
  use of that one is served by it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-17 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# The white space Python's str.strip() removes, as the role matrix's rules strip it.
_WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _blank(column: str) -> str:
    return f"({column} = '' OR trim({column}, '{_WHITE_SPACE}') = '')"


_LACKING = f"NOT {_blank('expectation')} AND {_blank('contribution')}"


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
    op.create_index(
        "ix_role_assignments_lacking",
        "role_assignments",
        ["project_id"],
        sqlite_where=sa.text(_LACKING),
        postgresql_where=sa.text(_LACKING),
    )


def downgrade() -> None:
    op.drop_index("ix_role_assignments_lacking", "role_assignments")
    op.create_index("ix_role_assignments_role_id", "role_assignments", ["role_id"])
    op.drop_index("ix_role_assignments_role_project", "role_assignments")
    op.create_index(
        "ix_effect_entries_indicator_date", "effect_entries", ["indicator_id", "entry_date"]
    )
    op.drop_index("ix_effect_entries_latest", "effect_entries")
    op.drop_index("ix_actors_sector_by_id", "actors")
