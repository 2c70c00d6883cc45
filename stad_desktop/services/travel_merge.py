"""The three-way merge of a travel copy into the office database, record by record
and field by field, over plain rows (see ``travel_rows``): no engine-specific tricks.

Rules: a change made on one side only is applied; the same change made on both sides
is applied once; different changes to the same field are a conflict. New records
from both sides all arrive; a new travel record that has the same natural key as an
office record (an actor's organisation number, an actor's role in a project, ...)
is the same record, merged field by field with no base. Edited on one side and
archived or removed on the other is a conflict. A removal is not carried out while
records of the other side still refer to the record; a record the office removed
that travel records refer to comes back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Table, and_, delete, insert, select, update
from sqlalchemy.orm import Session

from stad_desktop.model import Actor, ContactPerson, Project, ProjectActor, RoleAssignment
from stad_desktop.model.entities import utcnow
from stad_desktop.services.travel_rows import (
    NOT_COMPARED,
    RECORD_FIELD,
    Row,
    Rows,
    from_plain,
    synced_tables,
)

Side = Literal["office", "travel"]


@dataclass
class Conflict:
    """Different changes on the two sides: a field's values, or for RECORD_FIELD a
    whole row on one side (None where the other side removed it)."""

    key: str
    table: str
    record_id: str
    field: str
    base: Any
    office: Any
    travel: Any


@dataclass
class RecordMerge:
    table: str
    record_id: str
    action: Literal["insert", "update", "delete", "none"]
    values: dict[str, Any] = field(default_factory=dict)  # travel's one-sided changes
    row: Row | None = None  # the row to insert
    conflicts: list[Conflict] = field(default_factory=list)
    both_sides: bool = False


@dataclass
class TableCounts:
    added: int = 0
    changed: int = 0
    merged: int = 0
    conflicts: int = 0


@dataclass
class Computed:
    records: list[RecordMerge]
    conflicts: list[Conflict]
    travel: Rows  # with ids of records matched by natural key replaced by the office's
    counts: dict[str, TableCounts]


def _compared(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in NOT_COMPARED]


def unique_keys(table: Table) -> list[tuple[str, ...]]:
    from sqlalchemy import UniqueConstraint

    keys = [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    keys += [(c.name,) for c in table.columns if c.unique]
    return keys


def compute(base: Rows, office: Rows, travel: Rows) -> Computed:
    remap: dict[str, str] = {}
    records: list[RecordMerge] = []
    conflicts: list[Conflict] = []
    counts: dict[str, TableCounts] = defaultdict(TableCounts)
    travel_out: Rows = {}
    for table in synced_tables():
        name = table.name
        b_rows = base.get(name, {})
        o_rows = office.get(name, {})
        t_rows = _remapped(table, travel.get(name, {}), remap)
        _match_natural_keys(table, b_rows, o_rows, t_rows, remap)
        travel_out[name] = t_rows
        fields = _compared(table)
        count = counts[name]
        for record_id in sorted(b_rows.keys() | o_rows.keys() | t_rows.keys()):
            merge = _merge_record(
                name,
                record_id,
                fields,
                b_rows.get(record_id),
                o_rows.get(record_id),
                t_rows.get(record_id),
            )
            if merge is None:
                continue
            records.append(merge)
            conflicts.extend(merge.conflicts)
            count.conflicts += len(merge.conflicts)
            if merge.both_sides:
                count.merged += 1
            elif merge.action == "insert":
                count.added += 1
            elif merge.action in ("update", "delete"):
                count.changed += 1
    return Computed(records, conflicts, travel_out, dict(counts))


def _remapped(table: Table, rows: dict[str, Row], remap: dict[str, str]) -> dict[str, Row]:
    columns = [c.name for c in table.columns if c.foreign_keys]
    if not remap or not columns:
        return dict(rows)
    result = {}
    for record_id, row in rows.items():
        if any(row.get(c) in remap for c in columns):
            row = dict(row)
            for c in columns:
                if row.get(c) in remap:
                    row[c] = remap[row[c]]
        result[record_id] = row
    return result


def _match_natural_keys(
    table: Table,
    b_rows: dict[str, Row],
    o_rows: dict[str, Row],
    t_rows: dict[str, Row],
    remap: dict[str, str],
) -> None:
    """A record new on the road with the unique key of an office record is that
    record: it takes the office record's id (and records referring to it follow)."""
    keys = unique_keys(table)
    if not keys:
        return
    office_keys: dict[tuple[tuple[str, ...], tuple[Any, ...]], str] = {}
    for record_id, row in o_rows.items():
        for key in keys:
            values = tuple(row.get(c) for c in key)
            if None not in values:
                office_keys[(key, values)] = record_id
    for record_id in [r for r in t_rows if r not in b_rows and r not in o_rows]:
        row = t_rows[record_id]
        for key in keys:
            values = tuple(row.get(c) for c in key)
            other = office_keys.get((key, values)) if None not in values else None
            if other is not None and other not in t_rows:
                remap[record_id] = other
                del t_rows[record_id]
                t_rows[other] = {**row, "id": other}
                break


def _merge_record(
    table: str,
    record_id: str,
    fields: list[str],
    b: Row | None,
    o: Row | None,
    t: Row | None,
) -> RecordMerge | None:
    def conflict(field_name: str, base: Any, office: Any, travel: Any) -> Conflict:
        return Conflict(
            f"{table}:{record_id}:{field_name}", table, record_id, field_name, base, office, travel
        )

    if t is None and o is None:
        return None
    if b is None:
        if o is None:
            return RecordMerge(table, record_id, "insert", row=t)
        if t is None:
            return None
        # The same record created on both sides: every difference is a conflict.
        both = [conflict(f, None, o.get(f), t.get(f)) for f in fields if o.get(f) != t.get(f)]
        if not both:
            return None
        return RecordMerge(table, record_id, "none", conflicts=both, both_sides=True)
    if o is None:
        assert t is not None
        if _same(b, t, fields):
            return None
        return RecordMerge(
            table, record_id, "none", row=t, conflicts=[conflict(RECORD_FIELD, b, None, t)]
        )
    if t is None:
        if _same(b, o, fields):
            return RecordMerge(table, record_id, "delete")
        return RecordMerge(table, record_id, "none", conflicts=[conflict(RECORD_FIELD, b, o, None)])
    by_travel = {f for f in fields if t.get(f) != b.get(f)}
    if not by_travel:
        return None
    by_office = {f for f in fields if o.get(f) != b.get(f)}
    values: dict[str, Any] = {}
    found: list[Conflict] = []
    for f in sorted(by_travel):
        if f not in by_office:
            values[f] = t.get(f)
        elif o.get(f) != t.get(f):
            found.append(conflict(f, b.get(f), o.get(f), t.get(f)))
    if "archived" in fields and ("archived" in by_travel) != ("archived" in by_office):
        # Archived on one side, edited on the other: not a silent loss.
        archiving, editing = (
            (by_travel, by_office) if "archived" in by_travel else (by_office, by_travel)
        )
        if editing - {"archived"} and "archived" in archiving:
            values.pop("archived", None)
            found.append(
                conflict("archived", b.get("archived"), o.get("archived"), t.get("archived"))
            )
    if not values and not found:
        return None
    return RecordMerge(
        table, record_id, "update", values=values, conflicts=found, both_sides=bool(by_office)
    )


def chosen_outcome(
    merge: RecordMerge, chosen: Mapping[str, Side]
) -> tuple[dict[str, Any], bool, Row | None]:
    """What one record's merge does once its conflicts are decided: the field values
    to write, whether the record goes, and the row it arrives or comes back with."""
    values = dict(merge.values)
    remove = merge.action == "delete"
    add = merge.row if merge.action == "insert" else None
    for c in merge.conflicts:
        side = chosen.get(c.key)
        if c.field == RECORD_FIELD:
            if side == "travel" and c.travel is None:
                remove = True
            elif side == "travel" and c.office is None:
                add = c.travel
        elif side == "travel":
            values[c.field] = c.travel
    return values, remove, add


def _same(a: Row, b: Row, fields: list[str]) -> bool:
    return all(a.get(f) == b.get(f) for f in fields)


# --- applying -------------------------------------------------------------------------


def apply(session: Session, computed: Computed, chosen: dict[str, Side], office: Rows) -> int:
    """Write the merge in ``session`` (the caller's one transaction); ``chosen`` holds
    a side for every conflict. Returns how many records were kept or brought back
    because the other side still refers to them."""
    tables = {t.name: t for t in synced_tables()}
    present = {name: set(rows) for name, rows in office.items()}
    now = utcnow()
    touched: dict[str, set[str]] = defaultdict(set)
    deletes: list[tuple[str, str]] = []
    kept = 0

    def insert_row(name: str, row: Row) -> None:
        nonlocal kept
        table = tables[name]
        for column in table.columns:
            value = row.get(column.name)
            for key in column.foreign_keys:
                parent = key.column.table.name
                if value is not None and value not in present.get(parent, set()):
                    source = computed.travel.get(parent, {}).get(value)
                    if source is not None:
                        insert_row(parent, source)
                        kept += 1
        values = from_plain(table, row)
        values["updated_at"] = now
        session.execute(insert(table).values(**values))
        present.setdefault(name, set()).add(row["id"])
        touched[name].add(row["id"])

    for merge in computed.records:
        table = tables[merge.table]
        values, remove, add = chosen_outcome(merge, chosen)
        if add is not None:
            if merge.record_id not in present.get(merge.table, set()):
                insert_row(merge.table, add)
        elif values:
            plain = from_plain(table, values)
            update_values = {k: plain[k] for k in values}
            update_values["updated_at"] = now
            if "version" in table.c:  # a save like any other: the next version
                update_values["version"] = table.c.version + 1
            session.execute(
                update(table).where(table.c.id == merge.record_id).values(**update_values)
            )
            touched[merge.table].add(merge.record_id)
        if remove:
            deletes.append((merge.table, merge.record_id))
    order = {t.name: i for i, t in enumerate(synced_tables())}
    for name, record_id in sorted(deletes, key=lambda d: -order[d[0]]):
        if _still_used(session, tables, name, record_id):
            kept += 1
            continue
        session.execute(delete(tables[name]).where(tables[name].c.id == record_id))
        touched[name].add(record_id)
    session.flush()
    refresh_derived(session, touched)
    return kept


def _still_used(session: Session, tables: dict[str, Table], name: str, record_id: str) -> bool:
    for table in tables.values():
        for column in table.columns:
            for key in column.foreign_keys:
                if key.column.table.name == name:
                    found = session.execute(
                        select(table.c.id).where(column == record_id).limit(1)
                    ).first()
                    if found is not None:
                        return True
    return False


def refresh_derived(session: Session, touched: dict[str, set[str]]) -> None:
    """Derived data the services keep, made right for the records the merge touched:
    sort and search keys, and membership of every owner and role holder in the
    project (checklist hints and role-matrix warnings are computed from these)."""
    from stad_desktop.services.actors import set_actor_keys
    from stad_desktop.services.people_list import set_person_keys
    from stad_desktop.services.projects import project_search_text
    from stad_desktop.textkeys import sort_key

    actor_ids = set(touched.get("actors", set()))
    if touched.get("contact_persons"):
        actor_ids |= set(
            session.scalars(
                select(ContactPerson.actor_id).where(
                    ContactPerson.id.in_(touched["contact_persons"])
                )
            )
        )
    for actor in session.scalars(select(Actor).where(Actor.id.in_(actor_ids))):
        contacts = session.scalars(
            select(ContactPerson.name)
            .where(ContactPerson.actor_id == actor.id)
            .order_by(ContactPerson.position)
        )
        set_actor_keys(actor, list(contacts))
        set_person_keys(actor)
    for project in session.scalars(
        select(Project).where(Project.id.in_(touched.get("projects", set())))
    ):
        project.sort_key = sort_key(project.name)
        project.search_text = project_search_text(project.name, project.area, project.target_group)
    session.flush()
    member = and_(
        ProjectActor.project_id == RoleAssignment.project_id,
        ProjectActor.actor_id == RoleAssignment.actor_id,
    )
    missing: set[tuple[str, str | None]] = set(
        (row[0], row[1])
        for row in session.execute(
            select(RoleAssignment.project_id, RoleAssignment.actor_id)
            .outerjoin(ProjectActor, member)
            .where(ProjectActor.id.is_(None))
        )
    )
    owner_member = and_(
        ProjectActor.project_id == Project.id, ProjectActor.actor_id == Project.owner_id
    )
    missing |= set(
        (row[0], row[1])
        for row in session.execute(
            select(Project.id, Project.owner_id)
            .outerjoin(ProjectActor, owner_member)
            .where(Project.owner_id.is_not(None), ProjectActor.id.is_(None))
        )
    )
    for project_id, actor_id in sorted(missing, key=str):
        session.add(ProjectActor(project_id=project_id, actor_id=actor_id))
    session.flush()
