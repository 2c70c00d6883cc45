"""Travel copies: take one on the road, bring it home with a three-way merge.

A travel copy is an ordinary SQLite database file of the program, written from any
office database through the model layer (so a database server can hand them out
too). Besides the data it holds its own identity, the office's identity and the
base state: every record as it was when the copy was taken (``travel_base``).
Bringing it home merges it into the office database in one transaction, after a
backup, and keeps every value that lost a conflict in a merge record. The same
transaction erases again every person of the erasure register (services.erasure)
that the copy brought back; they are taken out of the copy's rows before the merge
compares them, so no conflict shows them either.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from stad_desktop import __version__
from stad_desktop.language import N_, Message, plural_message
from stad_desktop.model import DatabaseIdentity, MergeRecord, TravelBase, TravelCopy
from stad_desktop.model.entities import new_id, utcnow
from stad_desktop.services.erasure import drop_erased
from stad_desktop.services.travel_checks import merge_problem
from stad_desktop.services.travel_info import OFFICE, TRAVEL, TravelInfo, identity_info, travel_info
from stad_desktop.services.travel_merge import Side, apply, compute
from stad_desktop.services.travel_rows import (
    Rows,
    dumps,
    from_plain,
    read_rows,
    synced_tables,
)
from stad_desktop.services.travel_views import (
    FieldConflict,
    LostValue,
    MergePlan,
    MergeRecordView,
    MergeSummary,
    TableSummary,
    conflict_views,
    loser,
    loser_from_json,
    make_summary,
    summary_from_json,
    summary_json,
)
from stad_desktop.storage import Database, StorageError

__all__ = [
    "FieldConflict",
    "LostValue",
    "MergePlan",
    "MergeRecordView",
    "MergeSummary",
    "TableSummary",
    "TravelInfo",
    "TravelRefused",
    "TravelService",
]


class TravelRefused(Exception):
    """A travel copy cannot be taken or brought home; ``message`` says why. Nothing
    has been changed. ``conflicts``: the conflicts that still need a choice."""

    def __init__(self, message: Message, conflicts: tuple[FieldConflict, ...] = ()) -> None:
        self.message = message
        self.conflicts = conflicts
        super().__init__(message.msgid)


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


class TravelService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- identity -----------------------------------------------------------------
    def info(self) -> TravelInfo | None:
        """What this database is a travel copy of, or None for an office database."""
        return travel_info(self._db)

    def _identity(self) -> DatabaseIdentity:
        with self._db.transaction() as session:
            row = session.scalar(select(DatabaseIdentity))
            if row is None:  # made by the migration; made here if it was lost
                row = DatabaseIdentity(kind=OFFICE)
                session.add(row)
                session.flush()
            return row

    # --- taking -------------------------------------------------------------------
    def take(self, output: Path) -> TravelInfo:
        """Write a travel copy of this database to ``output`` (which must not exist)."""
        from stad_desktop.fileio import atomic_write
        from stad_desktop.services.outputs import OutputKind, OutputRefused, check_output

        output = Path(output)
        if output.exists() or output.is_symlink():
            raise TravelRefused(
                Message(
                    N_("{path} exists already. Choose another name; nothing has been written."),
                    {"path": output},
                )
            )
        try:
            check_output(output, self._db.path, OutputKind.DATABASE_COPY, overwrite=False)
        except OutputRefused as exc:
            raise TravelRefused(exc.message) from exc
        office = self._identity()
        info = TravelInfo(
            copy_id=new_id(),
            office_id=office.id,
            office_name=self._db.name,
            taken_at=utcnow(),
            program_version=__version__,
        )
        tables = synced_tables()
        with self._db.reading() as session:  # one read transaction: one moment's data
            rows = read_rows(session, tables)
        with atomic_write(output) as handle:
            _write_copy(Path(handle.name), rows, info)
        with self._db.transaction() as session:
            session.add(
                TravelCopy(
                    id=info.copy_id,
                    taken_at=info.taken_at,
                    program_version=info.program_version,
                    file_name=str(output),
                )
            )
        return info

    # --- bringing home ------------------------------------------------------------
    def plan(self, trip: Path) -> MergePlan:
        """What bringing ``trip`` home would do; changes nothing."""
        info, base, travel = _read_trip(trip)
        with self._db.reading() as session:
            _check_office(session, info)
            office = read_rows(session, synced_tables())
            drop_erased(session, base, travel)
        computed = compute(base, office, travel)
        conflicts = conflict_views(computed, office)
        return MergePlan(info, make_summary(computed, {}, 0), conflicts)

    def bring_home(
        self,
        trip: Path,
        choices: Mapping[str, Side] | None = None,
        prefer: Side | None = None,
    ) -> MergeSummary:
        """Merge ``trip`` into this database in one transaction, after a backup.
        Every conflict needs a side in ``choices`` (by its key) or ``prefer``. A merge
        that would break a unique key or a rule across fields is refused."""
        from sqlalchemy.exc import IntegrityError

        info, base, travel = _read_trip(trip)
        try:
            return self._merge(trip, info, base, travel, choices, prefer)
        except IntegrityError as exc:  # the transaction is rolled back whole
            raise TravelRefused(
                Message(
                    N_(
                        "The travel copy cannot be brought home: the merged records would "
                        "break a rule of the database ({detail}). Nothing has been changed."
                    ),
                    {"detail": str(exc.orig)},
                )
            ) from exc

    def _merge(
        self,
        trip: Path,
        info: TravelInfo,
        base: Rows,
        travel: Rows,
        choices: Mapping[str, Side] | None,
        prefer: Side | None,
    ) -> MergeSummary:
        from stad_desktop.services.backups import BackupService
        from stad_desktop.services.erasure import finish_reapply, reapply_in
        from stad_desktop.services.erasure_register import register_entries
        from stad_desktop.storage.backups import BEFORE_MERGE

        with self._db.transaction() as session:
            _check_office(session, info)
            office = read_rows(session, synced_tables())
            drop_erased(session, base, travel)
            computed = compute(base, office, travel)
            views = conflict_views(computed, office)
            chosen: dict[str, Side] = {}
            open_ = []
            for view in views:
                side = (choices or {}).get(view.key) or prefer
                if side not in (OFFICE, TRAVEL):
                    open_.append(view)
                else:
                    chosen[view.key] = side
            if open_:
                raise TravelRefused(
                    plural_message(
                        "{count} conflict needs a choice; nothing has been changed.",
                        "{count} conflicts need a choice; nothing has been changed.",
                        len(open_),
                    ),
                    tuple(open_),
                )
            problem = merge_problem(computed, chosen, office)
            if problem is not None:
                raise TravelRefused(problem)
            BackupService(self._db).make(BEFORE_MERGE)  # before the first write
            kept = apply(session, computed, chosen, office)
            summary = make_summary(computed, chosen, kept)
            merge_id = new_id()
            now = utcnow()
            losers = [
                loser(view, conflict, chosen[view.key])
                for view, conflict in zip(views, computed.conflicts, strict=True)
            ]
            session.add(
                MergeRecord(
                    id=merge_id,
                    copy_id=info.copy_id,
                    merged_at=now,
                    summary=json.dumps(summary_json(summary)),
                    losers=json.dumps(losers, ensure_ascii=False),
                )
            )
            record = session.get(TravelCopy, info.copy_id)
            if record is None:
                record = TravelCopy(
                    id=info.copy_id,
                    taken_at=info.taken_at,
                    program_version=info.program_version,
                    file_name=str(trip),
                )
                session.add(record)
            record.brought_home_at = now
            record.merge_id = merge_id
            # The erasure register is not in a travel copy: a copy taken before an
            # erasure brings the person back, so they are erased again here, in the
            # merge's transaction, before anyone sees the merged data.
            session.flush()
            erased = reapply_in(session, self._db)
            entries = register_entries(session)
        finish_reapply(self._db, erased, entries)
        return summary

    def merges(self) -> tuple[MergeRecordView, ...]:
        """The merges made into this database, newest first."""
        with self._db.reading() as session:
            rows = list(session.scalars(select(MergeRecord).order_by(MergeRecord.merged_at.desc())))
        return tuple(
            MergeRecordView(
                id=row.id,
                merged_at=row.merged_at,
                copy_id=row.copy_id,
                summary=summary_from_json(json.loads(row.summary)),
                losers=tuple(loser_from_json(item) for item in json.loads(row.losers)),
            )
            for row in rows
        )


# --- the copy file ------------------------------------------------------------------


def _write_copy(path: Path, rows: Rows, info: TravelInfo) -> None:
    from sqlalchemy import create_engine, delete

    from stad_desktop.storage import upgrade

    engine = create_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        with engine.begin() as conn:
            conn.execute(delete(DatabaseIdentity))
            for table in synced_tables():
                table_rows = rows.get(table.name, {})
                if not table_rows:
                    continue
                conn.execute(insert(table), [from_plain(table, r) for r in table_rows.values()])
                conn.execute(
                    insert(TravelBase),
                    [
                        {"table_name": table.name, "record_id": key, "data": dumps(row)}
                        for key, row in table_rows.items()
                    ],
                )
            conn.execute(
                insert(DatabaseIdentity).values(
                    id=info.copy_id,
                    kind=TRAVEL,
                    created_at=info.taken_at,
                    office_id=info.office_id,
                    office_name=info.office_name,
                    taken_at=info.taken_at,
                    program_version=info.program_version,
                )
            )
    finally:
        engine.dispose()


def _read_trip(trip: Path) -> tuple[TravelInfo, Rows, Rows]:
    """The copy's identity, base state and data; refused unless it is a travel copy
    this program can read."""
    from stad_desktop.storage.reading import open_read_only

    trip = Path(trip)
    try:
        db = open_read_only(trip)
    except StorageError as exc:
        raise TravelRefused(exc.message) from exc
    try:
        with db.reading() as session:
            row = session.scalar(select(DatabaseIdentity))
            if row is None or row.kind != TRAVEL:
                raise TravelRefused(
                    Message(
                        N_("{path} is not a travel copy; nothing has been changed."), {"path": trip}
                    )
                )
            info = identity_info(row)
            if _version(info.program_version) > _version(__version__):
                raise TravelRefused(
                    Message(
                        N_(
                            "The travel copy was made by a newer version of the program "
                            "({version}); update the program first. Nothing has been changed."
                        ),
                        {"version": info.program_version},
                    )
                )
            base: Rows = {t.name: {} for t in synced_tables()}
            for table_name, record_id, data in session.execute(
                select(TravelBase.table_name, TravelBase.record_id, TravelBase.data)
            ):
                base.setdefault(table_name, {})[record_id] = json.loads(data)
            travel = read_rows(session, synced_tables())
    except StorageError as exc:
        raise TravelRefused(exc.message) from exc
    finally:
        db.close()
    return info, base, travel


def _check_office(session: Any, info: TravelInfo) -> None:
    office = session.scalar(select(DatabaseIdentity))
    if office is None or office.id != info.office_id:
        raise TravelRefused(
            Message(
                N_(
                    "The travel copy was taken from another database ({name}), not from "
                    "this one. Nothing has been changed."
                ),
                {"name": info.office_name},
            )
        )
    record = session.get(TravelCopy, info.copy_id)
    if record is not None and record.brought_home_at is not None:
        from stad_desktop.format import format_date
        from stad_desktop.language import current

        raise TravelRefused(
            Message(
                N_(
                    "This travel copy was brought home already, on {date}. "
                    "Nothing has been changed."
                ),
                {"date": format_date(record.brought_home_at.date(), current().lang, "long")},
            )
        )
