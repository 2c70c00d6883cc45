"""The read models of travel copies and merges, and how the merge's findings become
them (names and values as text for people, JSON for the merge record)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from stad_desktop.language import Message, _
from stad_desktop.services.travel_info import OFFICE, TRAVEL, TravelInfo
from stad_desktop.services.travel_merge import Computed, Conflict, Side, TableCounts
from stad_desktop.services.travel_rows import RECORD_FIELD, Namer, Rows, field_label, table_label


@dataclass(frozen=True)
class FieldConflict:
    key: str
    table: str
    record_id: str
    record_label: str
    field: str
    field_label: Message
    base: str
    office: str
    travel: str
    table_label: Message = dataclasses.field(default_factory=lambda: Message(""))
    office_removed: bool = False
    travel_removed: bool = False


@dataclass(frozen=True)
class TableSummary:
    added: int = 0
    changed: int = 0
    merged: int = 0
    conflicts: int = 0


@dataclass(frozen=True)
class MergeSummary:
    added: int
    changed: int
    merged: int
    conflicts: int
    resolved_office: int
    resolved_travel: int
    kept: int = 0  # removals not carried out, or records brought back, as still in use
    per_table: Mapping[str, TableSummary] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class MergePlan:
    info: TravelInfo
    summary: MergeSummary
    conflicts: tuple[FieldConflict, ...]


@dataclass(frozen=True)
class LostValue:
    """A conflict as it was resolved: ``chosen`` side won, ``lost`` is the value kept
    here from the other side."""

    conflict: FieldConflict
    chosen: Side
    lost: str
    lost_value: Any = None  # as stored: a field's value, or a removed record's fields


@dataclass(frozen=True)
class MergeRecordView:
    id: str
    merged_at: dt.datetime
    copy_id: str
    summary: MergeSummary
    losers: tuple[LostValue, ...]


def conflict_views(computed: Computed, office: Rows) -> tuple[FieldConflict, ...]:
    namer = Namer(office, computed.travel)
    return tuple(_view(c, namer) for c in computed.conflicts)


# Fields of a conflicting row not shown: ids, stamps and the keys kept for sorting.
_NOT_SHOWN = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "sort_key",
        "search_text",
        "village_key",
        "contact_key",
        "email_key",
        "phone_key",
    }
)


def _row_text(namer: Namer, c: Conflict, row: Any) -> str:
    if row is None:
        return _("(removed)")
    base = c.base or {}
    changed = [
        f"{field_label(f).render()}: {namer.value(c.table, f, row.get(f))}"
        for f in sorted(row)
        if f not in _NOT_SHOWN and row.get(f) != base.get(f)
    ]
    return "; ".join(changed) if changed else _("(unchanged)")


def _view(c: Conflict, namer: Namer) -> FieldConflict:
    if c.field == RECORD_FIELD:
        base = namer.record(c.table, c.record_id)
        office, travel = _row_text(namer, c, c.office), _row_text(namer, c, c.travel)
    else:
        base = namer.value(c.table, c.field, c.base)
        office = namer.value(c.table, c.field, c.office)
        travel = namer.value(c.table, c.field, c.travel)
    return FieldConflict(
        key=c.key,
        table=c.table,
        record_id=c.record_id,
        record_label=namer.record(c.table, c.record_id),
        field=c.field,
        field_label=field_label(c.field),
        base=base,
        office=office,
        travel=travel,
        table_label=table_label(c.table),
        office_removed=c.field == RECORD_FIELD and c.office is None,
        travel_removed=c.field == RECORD_FIELD and c.travel is None,
    )


def make_summary(computed: Computed, chosen: Mapping[str, Side], kept: int) -> MergeSummary:
    def table(counts: TableCounts) -> TableSummary:
        return TableSummary(counts.added, counts.changed, counts.merged, counts.conflicts)

    per_table = {name: table(c) for name, c in computed.counts.items() if any(asdict(c).values())}
    return MergeSummary(
        added=sum(c.added for c in per_table.values()),
        changed=sum(c.changed for c in per_table.values()),
        merged=sum(c.merged for c in per_table.values()),
        conflicts=len(computed.conflicts),
        resolved_office=sum(1 for side in chosen.values() if side == OFFICE),
        resolved_travel=sum(1 for side in chosen.values() if side == TRAVEL),
        kept=kept,
        per_table=per_table,
    )


def summary_json(summary: MergeSummary) -> dict[str, Any]:
    data = asdict(summary)
    data["per_table"] = {name: asdict(t) for name, t in summary.per_table.items()}
    return data


def summary_from_json(data: dict[str, Any]) -> MergeSummary:
    per_table = {name: TableSummary(**t) for name, t in data.pop("per_table", {}).items()}
    return MergeSummary(**data, per_table=per_table)


def loser(view: FieldConflict, conflict: Conflict, side: Side) -> dict[str, Any]:
    return {
        "key": view.key,
        "table": view.table,
        "record_id": view.record_id,
        "record_label": view.record_label,
        "field": view.field,
        "base": view.base,
        "office": view.office,
        "travel": view.travel,
        "office_removed": view.office_removed,
        "travel_removed": view.travel_removed,
        "chosen": side,
        "lost": view.travel if side == OFFICE else view.office,
        "lost_value": conflict.travel if side == OFFICE else conflict.office,
    }


def loser_from_json(item: dict[str, Any]) -> LostValue:
    conflict = FieldConflict(
        key=item["key"],
        table=item["table"],
        record_id=item["record_id"],
        record_label=item["record_label"],
        field=item["field"],
        field_label=field_label(item["field"]),
        base=item["base"],
        office=item["office"],
        travel=item["travel"],
        table_label=table_label(item["table"]),
        office_removed=item.get("office_removed", False),
        travel_removed=item.get("travel_removed", False),
    )
    return LostValue(conflict, item["chosen"], item["lost"], item.get("lost_value"))
