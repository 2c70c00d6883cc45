"""Alembic environment: run with a connection passed in ``config.attributes``."""

from alembic import context

from stad_desktop.model import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through stad_desktop.storage.upgrade
    raise RuntimeError("migrations run through stad_desktop.storage.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
