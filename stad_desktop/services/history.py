"""Reading the change history (written by storage.history for every change)."""

from __future__ import annotations

from sqlalchemy import select

from stad_desktop.model import ChangeRecord
from stad_desktop.services.person_dossier import HistoryRecord, loads_changes
from stad_desktop.storage import Database


class HistoryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def of_record(self, table: str, record_id: str) -> tuple[HistoryRecord, ...]:
        """The changes of one record (``table``: e.g. ``actors``, ``projects``),
        oldest first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(ChangeRecord)
                .where(ChangeRecord.table_name == table, ChangeRecord.record_id == record_id)
                .order_by(ChangeRecord.id)
            )
            return tuple(
                HistoryRecord(
                    r.changed_at,
                    r.changed_by,
                    r.table_name,
                    r.record_id,
                    r.action,
                    loads_changes(r.changes),
                )
                for r in rows
            )
