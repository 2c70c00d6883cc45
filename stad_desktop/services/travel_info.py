"""What a database is: an office database, or a travel copy taken from one. Read
when the window opens (for its title and banner), so it stays apart from the
merge's heavier modules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from stad_desktop.model import DatabaseIdentity
from stad_desktop.storage import Database

OFFICE = "office"
TRAVEL = "travel"


@dataclass(frozen=True)
class TravelInfo:
    copy_id: str
    office_id: str
    office_name: str
    taken_at: dt.datetime
    program_version: str


def identity_info(row: DatabaseIdentity) -> TravelInfo:
    return TravelInfo(
        copy_id=row.id,
        office_id=row.office_id or "",
        office_name=row.office_name,
        taken_at=row.taken_at or row.created_at,
        program_version=row.program_version,
    )


def travel_info(db: Database) -> TravelInfo | None:
    """What this database is a travel copy of, or None for an office database."""
    with db.reading() as session:
        row = session.scalar(select(DatabaseIdentity))
        return identity_info(row) if row is not None and row.kind == TRAVEL else None
