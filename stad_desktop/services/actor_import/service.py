"""Importing actors and their contact persons from a spreadsheet: read and check the
whole file first (:meth:`ActorImportService.read`), then store it in one
transaction after a backup (:meth:`ActorImportService.store`), all or nothing.

Storing returns one :class:`~stad_desktop.services.changes.Change`: undoing it
removes the actors it added and puts back the values of those it updated, in one
transaction; redoing it adds the same actors (with the same ids) again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from sqlalchemy import delete, exists, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from stad_desktop.language import N_, Message
from stad_desktop.model import (
    Actor,
    ContactPerson,
    Indicator,
    InputItem,
    MeetingParticipant,
    Project,
    ProjectActor,
    RoleAssignment,
    Sector,
)
from stad_desktop.model.entities import new_id, utcnow
from stad_desktop.services.actor_import.layout import Layout, Target, mapped_layout, recognise
from stad_desktop.services.actor_import.plan import (
    PREVIEW_ROWS,
    ImportPlan,
    NearDecision,
    PlannedRow,
    Progress,
    RowStatus,
    make_plan,
    merged,
    unknown_layout,
)
from stad_desktop.services.actor_import.reading import ImportRefused, open_sheet
from stad_desktop.services.actor_import.rows import ImportRow, read_row
from stad_desktop.services.actors import (
    ActorInput,
    ActorService,
    _Clean,
    _clean,
    _detail,
    actor_keys,
)
from stad_desktop.services.changes import Change
from stad_desktop.services.errors import ValidationError
from stad_desktop.services.people_list import person_keys
from stad_desktop.services.readmodels import ActorDetail
from stad_desktop.storage import Database

_CHUNK = 500
PROGRESS_EVERY = 250


@dataclass(frozen=True)
class ImportSummary:
    added: int
    matched: int
    updated: int
    skipped: int
    backup: Path | None = None


@dataclass(frozen=True)
class _Added:
    actor_id: str
    clean: _Clean
    archived: bool


@dataclass(frozen=True)
class _Updated:
    actor_id: str
    before: ActorInput
    before_archived: bool
    after: ActorInput
    after_archived: bool


class ActorImportService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reading --------------------------------------------------------------------
    def read(
        self,
        path: Path,
        *,
        sheet: str | None = None,
        mapping: Mapping[int, Target | None] | None = None,
        progress: Progress | None = None,
    ) -> ImportPlan:
        """Read and check the whole file; nothing is stored. Raises ImportRefused
        (UnknownLayout for a layout that needs a mapping)."""
        with open_sheet(path, sheet) as opened:
            layout: Layout = (
                recognise(opened.header)
                if mapping is None
                else mapped_layout(opened.header, mapping)
            )
            rows_read = opened.rows()
            if layout.unknown or not layout.has("name"):
                preview = tuple(r.values for r in islice(rows_read, PREVIEW_ROWS))
                raise unknown_layout(layout, preview)
            rows: list[ImportRow] = []
            for row in rows_read:
                rows.append(read_row(row, layout))
                if progress is not None and len(rows) % PROGRESS_EVERY == 0:
                    progress(len(rows), opened.estimated_rows)
        with self._db.reading() as session:
            stored = [
                (actor_id, name, org)
                for actor_id, name, org in session.execute(
                    select(Actor.id, Actor.name, Actor.org_number).order_by(Actor.created_at)
                )
            ]
        return make_plan(path, layout, rows, stored, self._details)

    def _details(self, ids: list[str]) -> dict[str, ActorDetail]:
        found: dict[str, ActorDetail] = {}
        with self._db.reading() as session:
            for actor in self._load(session, ids):
                found[actor.id] = _detail(actor)
        return found

    @staticmethod
    def _load(session: Session, ids: list[str]) -> list[Actor]:
        actors: list[Actor] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            actors.extend(
                session.scalars(
                    select(Actor).where(Actor.id.in_(chunk)).options(selectinload(Actor.contacts))
                )
            )
        return actors

    # --- storing --------------------------------------------------------------------
    def store(
        self,
        plan: ImportPlan,
        *,
        update: bool = False,
        sectors: Mapping[int, str] | None = None,
        decisions: Mapping[int, NearDecision] | None = None,
    ) -> Change[ImportSummary]:
        """Store the plan in one transaction, after a backup. ``update``: matched
        actors get the file's values; ``sectors``: row number → the sector chosen in
        the preview; ``decisions``: row number → what to do with a near-identical
        name (skipped by default). Raises ImportRefused for a plan with problems."""
        if not plan.valid:
            raise ImportRefused(
                N_("Nothing is imported: rows of {file} have problems."), file=plan.path.name
            )
        decisions = decisions or {}
        adds: list[ImportRow] = []
        matches: list[tuple[str, ImportRow]] = []
        for planned in plan.rows:
            row = _with_sector(planned.row, (sectors or {}).get(planned.row.number))
            target = _target(planned, decisions)
            if target == "add":
                adds.append(row)
            elif target:
                matches.append((target, row))
        counts = plan.counts(update, decisions)
        backup = None
        if adds or (update and matches):
            from stad_desktop.services.backups import BackupService
            from stad_desktop.storage.backups import BEFORE_IMPORT

            backup = BackupService(self._db).make(BEFORE_IMPORT)
        with self._db.transaction() as session:
            added = self._add(session, adds)
            updated = self._update(session, matches) if update else []
        summary = ImportSummary(len(added), counts.matched, len(updated), counts.skipped, backup)
        description = Message(N_("Import actors from {file}"), {"file": plan.path.name})
        return Change(
            summary, description, lambda: self._revert(summary, description, added, updated)
        )

    def _add(self, session: Session, rows: list[ImportRow]) -> list[_Added]:
        taken = set(session.scalars(select(Actor.org_number).where(Actor.org_number.is_not(None))))
        added = []
        for row in rows:
            assert row.clean is not None
            org = row.clean.org_number
            if org is not None and org in taken:
                raise ImportRefused(
                    N_("Organisation number {value} was stored meanwhile; read the file again."),
                    value=org,
                )
            if org is not None:
                taken.add(org)
            added.append(_Added(new_id(), row.clean, bool(row.archived)))
        self._insert(session, added)
        return added

    @staticmethod
    def _insert(session: Session, added: list[_Added]) -> None:
        """Insert the actors and their contact persons as the actor service stores
        them (its search and sort keys), many rows per statement."""
        now = utcnow()
        actors: list[dict[str, object]] = []
        contacts: list[dict[str, object]] = []
        for item in added:
            clean = item.clean
            actors.append(
                {
                    "id": item.actor_id,
                    "name": clean.name,
                    "sector": clean.sector.value,
                    "org_number": clean.org_number,
                    "village": clean.village,
                    "wishes_to_contribute": clean.wishes_to_contribute,
                    "hours_per_month": clean.hours_per_month,
                    "notes": clean.notes,
                    "archived": item.archived,
                    **actor_keys(
                        clean.name,
                        clean.village,
                        clean.org_number,
                        [c.name for c in clean.contacts],
                    ),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            contacts.extend(
                {
                    "id": new_id(),
                    "actor_id": item.actor_id,
                    "name": contact.name,
                    "email": contact.email,
                    "phone": contact.phone,
                    "position": position,
                    **person_keys(contact.name, contact.email, contact.phone, clean.name),
                    "created_at": now,
                    "updated_at": now,
                }
                for position, contact in enumerate(clean.contacts)
            )
        for start in range(0, len(actors), _CHUNK * 4):
            session.execute(insert(Actor), actors[start : start + _CHUNK * 4])
        for start in range(0, len(contacts), _CHUNK * 4):
            session.execute(insert(ContactPerson), contacts[start : start + _CHUNK * 4])

    def _update(self, session: Session, matches: list[tuple[str, ImportRow]]) -> list[_Updated]:
        actors = {a.id: a for a in self._load(session, [actor_id for actor_id, _ in matches])}
        updated = []
        for actor_id, row in matches:
            actor = actors.get(actor_id)
            if actor is None:
                continue
            change = merged(_detail(actor), row)
            if change is None:
                continue
            self._set(actor, change.after, change.after_archived)
            updated.append(
                _Updated(
                    actor_id,
                    change.before,
                    change.before_archived,
                    change.after,
                    change.after_archived,
                )
            )
        session.flush()
        return updated

    @staticmethod
    def _set(actor: Actor, data: ActorInput, archived: bool) -> None:
        ActorService._apply(actor, _clean(data))
        actor.archived = archived

    # --- undo and redo --------------------------------------------------------------
    def _revert(
        self,
        summary: ImportSummary,
        description: Message,
        added: list[_Added],
        updated: list[_Updated],
    ) -> Change[ImportSummary]:
        ids = [item.actor_id for item in added]
        with self._db.transaction() as session:
            if self._in_use(session, ids):
                raise ValidationError(
                    "actors",
                    N_(
                        "Actors from this import are now in projects or meetings; "
                        "the import can no longer be undone."
                    ),
                )
            for start in range(0, len(ids), _CHUNK):
                session.execute(delete(Actor).where(Actor.id.in_(ids[start : start + _CHUNK])))
            self._put(session, [(u.actor_id, u.before, u.before_archived) for u in updated])
        return Change(
            summary, description, lambda: self._redo(summary, description, added, updated)
        )

    def _redo(
        self,
        summary: ImportSummary,
        description: Message,
        added: list[_Added],
        updated: list[_Updated],
    ) -> Change[ImportSummary]:
        with self._db.transaction() as session:
            self._insert(session, added)
            self._put(session, [(u.actor_id, u.after, u.after_archived) for u in updated])
        return Change(
            summary, description, lambda: self._revert(summary, description, added, updated)
        )

    def _put(self, session: Session, values: list[tuple[str, ActorInput, bool]]) -> None:
        actors = {a.id: a for a in self._load(session, [actor_id for actor_id, _, _ in values])}
        for actor_id, data, archived in values:
            actor = actors.get(actor_id)
            if actor is not None:
                self._set(actor, data, archived)
        session.flush()

    @staticmethod
    def _in_use(session: Session, ids: list[str]) -> bool:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            used = or_(
                exists().where(ProjectActor.actor_id.in_(chunk)),
                exists().where(RoleAssignment.actor_id.in_(chunk)),
                exists().where(MeetingParticipant.actor_id.in_(chunk)),
                exists().where(InputItem.from_actor_id.in_(chunk)),
                exists().where(Indicator.owner_id.in_(chunk)),
                exists().where(Project.owner_id.in_(chunk)),
            )
            if session.scalar(select(used)):
                return True
        return False


def _with_sector(row: ImportRow, sector: str | None) -> ImportRow:
    """The row with the sector chosen for it in the preview."""
    if sector is None or row.clean is None:
        return row
    chosen = Sector(sector)
    return replace(
        row,
        data=replace(row.data, sector=chosen.value),
        clean=replace(row.clean, sector=chosen),
        given=row.given | {"sector"},
    )


def _target(planned: PlannedRow, decisions: Mapping[int, NearDecision]) -> str:
    """ "add", the id of the stored actor the row is, or "" (left out)."""
    if planned.status is RowStatus.NEW:
        return "add"
    if planned.status is RowStatus.MATCHED:
        return planned.match_id or ""
    if planned.status is RowStatus.NEAR and planned.near is not None:
        decision = decisions.get(planned.row.number, NearDecision.SKIP)
        if decision is NearDecision.ADD:
            return "add"
        if decision is NearDecision.SAME:
            return planned.near.actor_id or ""
    return ""
