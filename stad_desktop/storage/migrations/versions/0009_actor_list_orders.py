"""An index for each order of the actor list

The actor list reads one page at a time, sorted in SQL by one of its columns. Each
order (name, sector, village, contact person, organisation number) gets an index
on the column's key, the name's sort key and the id, so that a page is read in
order from the index instead of sorting every actor first. The single-column
indexes they replace, and the one on ``archived`` (which led SQLite to read every
active actor and sort them), are dropped.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-16 09:00:00
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_NEW = {
    "ix_actors_name_order": ["sort_key", "id"],
    "ix_actors_sector_order": ["sector", "sort_key", "id"],
    "ix_actors_village_order": ["village_key", "sort_key", "id"],
    "ix_actors_contact_order": ["contact_key", "sort_key", "id"],
    "ix_actors_org_number_order": ["org_number", "sort_key", "id"],
}
_OLD = {
    "ix_actors_archived": ["archived"],
    "ix_actors_sector": ["sector"],
    "ix_actors_sort_key": ["sort_key"],
    "ix_actors_village_key": ["village_key"],
    "ix_actors_contact_key": ["contact_key"],
}


def upgrade() -> None:
    # Added and dropped in place (a batch would rebuild the table, deleting rows
    # that refer to it).
    for name in _OLD:
        op.drop_index(name, "actors")
    for name, columns in _NEW.items():
        op.create_index(name, "actors", columns)


def downgrade() -> None:
    for name in _NEW:
        op.drop_index(name, "actors")
    for name, columns in _OLD.items():
        op.create_index(name, "actors", columns)
