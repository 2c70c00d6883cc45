"""Optimistic concurrency: a record is saved only over the version it was read at.

Several people may work in one database on a server. Each record has a version
(``model.entities.Stamped``): a dialog keeps the version it showed and gives it back
with the values (``ActorInput.version``, ``ProjectInput.version``). Saving over a
newer version, one someone else saved since, is refused with a
:class:`ConflictError` that names both versions, and nothing is written: the
dialog keeps what was typed. Two saves at the same moment are caught by the
database itself (SQLAlchemy's version check, ``StaleDataError``), and told the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select

from stad_desktop.services.errors import ConflictError, StorageError, StorageProblem
from stad_desktop.storage import Database


def check_version(stored: int, opened: int | None, name: str) -> None:
    """Refuse to save over ``stored`` when the values were read at ``opened``."""
    if opened is not None and stored != opened:
        raise ConflictError(name, theirs=stored, yours=opened)


def short_name(text: str, length: int = 40) -> str:
    """A record without a name (an input item, an effect entry) named by its text."""
    first = " ".join(text.split())
    return first if len(first) <= length else first[: length - 1] + "…"


@contextmanager
def saving(
    db: Database, model: type, record_id: str | None, name: str, opened: int | None
) -> Iterator[list[str]]:
    """Tell a save that lost a race (someone saved the record at the same moment) as
    a :class:`ConflictError` with the version now stored. Yields a list: a name
    appended to it, known only once the record is read, is the one told."""
    names = [name]
    try:
        yield names
    except StorageError as exc:
        if isinstance(exc, ConflictError) or exc.problem is not StorageProblem.CONFLICT:
            raise
        if record_id is None:
            raise
        with db.reading() as session:
            stored = session.scalar(
                select(model.version).where(model.id == record_id)  # type: ignore[attr-defined]
            )
        raise ConflictError(names[-1], theirs=stored, yours=opened) from exc
