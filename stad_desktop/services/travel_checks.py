"""What a merge would leave behind, checked before it is written: no two records with
the same unique key (an organisation number, a role code, ...), and the rules the
services keep across fields (an end date not before its start date). Values taken
from different sides can break either even when each side kept them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from stad_desktop.language import N_, Message
from stad_desktop.services.travel_merge import Computed, Side, chosen_outcome, unique_keys
from stad_desktop.services.travel_rows import (
    Namer,
    Rows,
    field_label,
    synced_tables,
    table_label,
)

# (table, start field, end field, message): the date orders the services refuse to break
# (services/projects.py and services/effects.py, with validation.date_order).
DATE_ORDERS = (
    (
        "projects",
        "start_date",
        "end_date",
        N_(
            "Bringing the travel copy home would make the project “{record}” end "
            "({end}) before it starts ({start}). Change one of the dates in the office "
            "database or in the travel copy, or keep the other value in the conflict, "
            "and bring it home again. Nothing has been changed."
        ),
    ),
    (
        "indicators",
        "baseline_date",
        "target_date",
        N_(
            "Bringing the travel copy home would give the indicator “{record}” a target "
            "date ({end}) before its baseline date ({start}). Change one of the dates in "
            "the office database or in the travel copy, or keep the other value in the "
            "conflict, and bring it home again. Nothing has been changed."
        ),
    ),
)


def merged_rows(
    computed: Computed, chosen: Mapping[str, Side], office: Rows
) -> tuple[Rows, dict[str, set[str]]]:
    """The rows the merge would leave (removals left out), and the ids it would write
    per table."""
    result: Rows = {name: dict(rows) for name, rows in office.items()}
    written: dict[str, set[str]] = {}
    for merge in computed.records:
        rows = result.setdefault(merge.table, {})
        values, remove, add = chosen_outcome(merge, chosen)
        if add is not None:
            if merge.record_id not in rows:
                rows[merge.record_id] = dict(add)
                written.setdefault(merge.table, set()).add(merge.record_id)
        elif values and merge.record_id in rows:
            rows[merge.record_id] = {**rows[merge.record_id], **values}
            written.setdefault(merge.table, set()).add(merge.record_id)
        if remove:
            rows.pop(merge.record_id, None)
    return result, written


def merge_problem(computed: Computed, chosen: Mapping[str, Side], office: Rows) -> Message | None:
    """Why the merge with these choices cannot be written, or None."""
    rows, written = merged_rows(computed, chosen, office)
    namer = Namer(office, computed.travel)
    return _collision(rows, written, namer) or _date_order(rows, written, namer)


def _collision(rows: Rows, written: dict[str, set[str]], namer: Namer) -> Message | None:
    for table in synced_tables():
        ids = written.get(table.name)
        if not ids:
            continue
        table_rows = rows.get(table.name, {})
        for key in unique_keys(table):
            holders: dict[tuple[Any, ...], list[str]] = {}
            for record_id, row in table_rows.items():
                values = tuple(row.get(c) for c in key)
                if None not in values:
                    holders.setdefault(values, []).append(record_id)
            for record_id in sorted(ids):
                written_row = table_rows.get(record_id)
                if written_row is None:
                    continue
                values = tuple(written_row.get(c) for c in key)
                others = [r for r in holders.get(values, []) if r != record_id]
                if others:
                    other = others[0]
                    field = key[-1]
                    return Message(
                        N_(
                            "Bringing the travel copy home would give two records the same "
                            "value in the field “{field}” ({value}): {table} “{record}” and "
                            "“{other}”. Change one "
                            "of them in the office database or in the travel copy and bring "
                            "it home again. Nothing has been changed."
                        ),
                        {
                            "field": field_label(field),
                            "value": namer.value(table.name, field, written_row.get(field)),
                            "table": table_label(table.name),
                            "record": namer.record(table.name, record_id),
                            "other": namer.record(table.name, other),
                        },
                    )
    return None


def _date_order(rows: Rows, written: dict[str, set[str]], namer: Namer) -> Message | None:
    for table, start_field, end_field, text in DATE_ORDERS:
        for record_id in sorted(written.get(table, set())):
            row = rows.get(table, {}).get(record_id)
            if row is None:
                continue
            start, end = _date(row.get(start_field)), _date(row.get(end_field))
            if start is not None and end is not None and end < start:
                return Message(
                    text,
                    {"record": namer.record(table, record_id), "start": start, "end": end},
                )
    return None


def _date(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None
