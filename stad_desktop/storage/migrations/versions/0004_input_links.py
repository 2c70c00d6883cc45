"""input items: the village they concern, and links to one or more projects

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 10:00:00

An input item's one ``project_id`` becomes a row of ``input_item_projects``; the
item gets a ``village`` (empty: the meeting's place).
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Read the old links first: with foreign keys on, rebuilding input_items (batch
    # mode) would cascade-delete rows that already refer to it. A project deleted
    # under an item is left out, as the old SET NULL would have done.
    bind = op.get_bind()
    old_links = bind.execute(
        sa.text(
            "SELECT i.id, i.project_id, i.created_at, i.updated_at FROM input_items i"
            " JOIN projects p ON p.id = i.project_id"
        )
    ).all()
    with op.batch_alter_table("input_items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("village", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.drop_index(batch_op.f("ix_input_items_project_id"))
        batch_op.drop_constraint("fk_input_items_project_id_projects", type_="foreignkey")
        batch_op.drop_column("project_id")
    with op.batch_alter_table("input_items", schema=None) as batch_op:
        batch_op.alter_column("village", server_default=None)

    op.create_table(
        "input_item_projects",
        sa.Column("input_item_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["input_item_id"],
            ["input_items.id"],
            name=op.f("fk_input_item_projects_input_item_id_input_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_input_item_projects_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_input_item_projects")),
        sa.UniqueConstraint(
            "input_item_id", "project_id", name=op.f("uq_input_item_projects_input_item_id")
        ),
    )
    with op.batch_alter_table("input_item_projects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_input_item_projects_input_item_id"), ["input_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_input_item_projects_project_id"), ["project_id"], unique=False
        )
    if old_links:
        bind.execute(
            sa.text(
                "INSERT INTO input_item_projects"
                " (id, input_item_id, project_id, created_at, updated_at)"
                " VALUES (:id, :item, :project, :created, :updated)"
            ),
            [
                {
                    "id": str(uuid.uuid4()),
                    "item": item_id,
                    "project": project_id,
                    "created": created_at,
                    "updated": updated_at,
                }
                for item_id, project_id, created_at, updated_at in old_links
            ],
        )


def downgrade() -> None:
    # An item keeps the project it was linked to first; further links are lost.
    bind = op.get_bind()
    first_links = bind.execute(
        sa.text(
            "SELECT l.input_item_id, l.project_id FROM input_item_projects l"
            " ORDER BY l.created_at DESC, l.id DESC"
        )
    ).all()
    first = dict(first_links)  # the earliest link of each item is written last
    with op.batch_alter_table("input_item_projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_input_item_projects_project_id"))
        batch_op.drop_index(batch_op.f("ix_input_item_projects_input_item_id"))
    op.drop_table("input_item_projects")
    with op.batch_alter_table("input_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("project_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_input_items_project_id_projects"),
            "projects",
            ["project_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(batch_op.f("ix_input_items_project_id"), ["project_id"], unique=False)
        batch_op.drop_column("village")
    if first:
        bind.execute(
            sa.text("UPDATE input_items SET project_id = :project WHERE id = :item"),
            [{"item": item, "project": project} for item, project in first.items()],
        )
