"""Bringing a database's tables up to date (Alembic, imported only when a migration
is pending) and its built-in roles in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

if TYPE_CHECKING:
    from stad_desktop.storage.database import Database


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations (imports Alembic, so only when one is pending)."""
    with engine.begin() as connection:
        migrate(connection, revision)


def migrate(connection: Connection, revision: str = "head") -> None:
    """Apply migrations on ``connection``, in its transaction."""
    from alembic import command
    from alembic.config import Config

    from stad_desktop import paths

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def seed_builtin_roles(db: Database) -> None:
    """Insert any missing default role (idempotent)."""
    from stad_desktop.model import Role
    from stad_desktop.model.catalogue import DEFAULT_ROLES

    with db.transaction() as session:
        have = set(session.scalars(select(Role.code)))
        for position, role in enumerate(DEFAULT_ROLES):
            if role.code not in have:
                session.add(
                    Role(
                        code=role.code,
                        short=role.short,
                        name_nn=role.name.nn,
                        name_nb=role.name.nb,
                        name_en=role.name.en,
                        builtin=True,
                        position=position,
                    )
                )
