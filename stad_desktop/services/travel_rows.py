"""The records a travel copy carries, as plain comparable rows, and how to name them.

Rows are read and written with SQLAlchemy Core over the model's tables, so any
engine can hand out and take back travel copies. A row is a dict of column name to
a JSON-ready value (dates and times as ISO text), the same form the base state is
kept in inside a copy.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, DateTime, Table, select
from sqlalchemy.orm import Session

from stad_desktop.format import format_date, format_money, format_number
from stad_desktop.language import N_, Message, _, current
from stad_desktop.model import (
    Base,
    Beneficiary,
    ChecklistStatus,
    EntryKind,
    InputStatus,
    MeetingKind,
    Phase,
    Sector,
)
from stad_desktop.model.entities import UTCDateTime
from stad_desktop.model.enums import label

Row = dict[str, Any]
Rows = dict[str, dict[str, Row]]  # table name -> id -> row

# Tables that describe the database itself, never copied or merged.
META_TABLES = frozenset(
    {
        "database_identity",
        "travel_copies",
        "merge_records",
        "travel_base",
        "change_history",
        "erasure_register",
        "named_persons",
    }
)
# Columns never compared: the id, times of change, the record's version (counted on
# each side on its own), and keys derived from other fields.
NOT_COMPARED = frozenset(
    {"id", "created_at", "updated_at", "version", "sort_key", "search_text", "village_key",
     "contact_key", "email_key", "phone_key"}
)  # fmt: skip


def synced_tables() -> list[Table]:
    """The tables a travel copy carries, parents before the tables that refer to them."""
    return [t for t in Base.metadata.sorted_tables if t.name not in META_TABLES]


Converters = dict[str, Callable[[Any], Any]]


def _converters(table: Table) -> tuple[Converters, Converters]:
    out: Converters = {}
    back: Converters = {}
    for column in table.columns:
        if isinstance(column.type, UTCDateTime | DateTime):
            out[column.name] = dt.datetime.isoformat
            back[column.name] = dt.datetime.fromisoformat
        elif isinstance(column.type, Date):
            out[column.name] = dt.date.isoformat
            back[column.name] = dt.date.fromisoformat
    return out, back


_CONVERTERS: dict[str, tuple[Converters, Converters]] = {}


def converters(table: Table) -> tuple[Converters, Converters]:
    if table.name not in _CONVERTERS:
        _CONVERTERS[table.name] = _converters(table)
    return _CONVERTERS[table.name]


def to_plain(table: Table, values: Mapping[str, Any]) -> Row:
    """A database row as JSON-ready values."""
    out, _back = converters(table)
    row = dict(values)
    for name, convert in out.items():
        value = row.get(name)
        if value is not None:
            row[name] = convert(value)
    return row


def from_plain(table: Table, row: Mapping[str, Any]) -> Row:
    """JSON-ready values back as values for the table's columns."""
    _out, back = converters(table)
    values = {name: row.get(name) for name in table.columns.keys()}  # noqa: SIM118
    for name, convert in back.items():
        value = values.get(name)
        if isinstance(value, str):
            values[name] = convert(value)
    return values


def read_rows(session: Session, tables: Iterable[Table]) -> Rows:
    """Every row of ``tables``, read in the session's one transaction."""
    result: Rows = {}
    for table in tables:
        rows: dict[str, Row] = {}
        for mapping in session.execute(select(table)).mappings():
            row = to_plain(table, dict(mapping))
            rows[row["id"]] = row
        result[table.name] = rows
    return result


def dumps(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


# --- names for people -------------------------------------------------------------

FIELD_LABELS: dict[str, str] = {
    "name": N_("Name"),
    "sector": N_("Sector"),
    "org_number": N_("Organisation number"),
    "village": N_("Village"),
    "wishes_to_contribute": N_("Wishes to contribute"),
    "hours_per_month": N_("Hours per month"),
    "notes": N_("Notes"),
    "archived": N_("Archived"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "position": N_("Order"),
    "summary": N_("Summary"),
    "goal": N_("Goal"),
    "target_group": N_("Target group"),
    "area": N_("Area"),
    "phase": N_("Phase"),
    "start_date": N_("Start date"),
    "end_date": N_("End date"),
    "owner_id": N_("Owner"),
    "budget_ore": N_("Budget"),
    "expectation": N_("Expectation"),
    "contribution": N_("Contribution"),
    "unit": N_("Unit"),
    "baseline_value": N_("Baseline"),
    "baseline_date": N_("Baseline date"),
    "target_value": N_("Target value"),
    "target_date": N_("Target date"),
    "entry_date": N_("Date"),
    "kind": N_("Kind"),
    "value": N_("Value"),
    "text": N_("Text"),
    "beneficiary": N_("Beneficiary"),
    "source": N_("Source"),
    "recorded_by": N_("Recorded by"),
    "status": N_("Status"),
    "comment": N_("Comment"),
    "title": N_("Title"),
    "meeting_date": N_("Date"),
    "place": N_("Place"),
    "minutes": N_("Minutes"),
    "from_name": N_("From"),
    "from_actor_id": N_("From actor"),
    "topic": N_("Topic"),
    "answer": N_("Answer"),
    "project_id": N_("Project"),
    "actor_id": N_("Actor"),
    "role_id": N_("Role"),
    "indicator_id": N_("Indicator"),
    "meeting_id": N_("Meeting"),
    "input_item_id": N_("Input"),
    "key": N_("Setting"),
    "short": N_("Short code"),
    "code": N_("Code"),
    "name_nn": N_("Name (Nynorsk)"),
    "name_nb": N_("Name (Bokmål)"),
    "name_en": N_("Name (English)"),
    "builtin": N_("The program's own"),
    "number": N_("Item"),
}
RECORD_FIELD = "_record"  # a conflict about the whole record: removed on one side

TABLE_LABELS: dict[str, str] = {
    "actors": N_("Actor"),
    "contact_persons": N_("Contact person"),
    "projects": N_("Project"),
    "roles": N_("Role"),
    "project_actors": N_("Actor in a project"),
    "role_assignments": N_("Role in a project"),
    "indicators": N_("Indicator"),
    "effect_entries": N_("Effect log entry"),
    "checklist_items": N_("Checklist item"),
    "meetings": N_("Meeting"),
    "meeting_participants": N_("Meeting participant"),
    "input_items": N_("Input"),
    "input_item_projects": N_("Input linked to a project"),
    "settings": N_("Setting"),
}


def field_label(field: str) -> Message:
    if field == RECORD_FIELD:
        return Message(N_("The record itself"))
    return Message(FIELD_LABELS.get(field, field))


def table_label(table: str) -> Message:
    return Message(TABLE_LABELS.get(table, table))


_ENUMS: dict[str, type[StrEnum]] = {
    "sector": Sector,
    "phase": Phase,
    "status": ChecklistStatus,
    "beneficiary": Beneficiary,
}
_KIND_ENUMS: dict[str, type[StrEnum]] = {"effect_entries": EntryKind, "meetings": MeetingKind}
_STATUS_ENUMS: dict[str, type[StrEnum]] = {"input_items": InputStatus}
_OWN_LABEL = {
    "actors": "name",
    "projects": "name",
    "meetings": "title",
    "indicators": "name",
    "contact_persons": "name",
    "checklist_items": "number",
    "effect_entries": "entry_date",
    "input_items": "text",
    "settings": "key",
}
_PARENTS = {
    "contact_persons": ("actor_id",),
    "project_actors": ("project_id", "actor_id"),
    "role_assignments": ("project_id", "actor_id", "role_id"),
    "checklist_items": ("project_id",),
    "indicators": ("project_id",),
    "effect_entries": ("project_id",),
    "meeting_participants": ("meeting_id", "actor_id"),
    "input_items": ("meeting_id",),
    "input_item_projects": ("input_item_id", "project_id"),
}


class Namer:
    """Names records and shows values as text, looking records up in the office's
    rows first and then in the travel copy's."""

    def __init__(self, *sources: Rows) -> None:
        self._sources = sources
        self._lang = current().lang
        self._tables = {t.name: t for t in synced_tables()}

    def _find(self, table: str, record_id: str) -> Row | None:
        for rows in self._sources:
            row = rows.get(table, {}).get(record_id)
            if row is not None:
                return row
        return None

    def record(self, table: str, record_id: str) -> str:
        row = self._find(table, record_id)
        if row is None:
            return record_id
        parts = [self._parent(table, column, row.get(column)) for column in _PARENTS.get(table, ())]
        own = _OWN_LABEL.get(table)
        if table == "roles":
            own = f"name_{self._lang}"
        if own is not None:
            parts.append(self.value(table, own, row.get(own)))
        return " – ".join(p for p in parts if p)

    def _parent(self, table: str, column: str, value: object) -> str:
        if not isinstance(value, str):
            return ""
        target = self._target(table, column)
        return self.record(target, value) if target else value

    def _target(self, table: str, column: str) -> str | None:
        for key in self._tables[table].c[column].foreign_keys:
            return key.column.table.name
        return None

    def value(self, table: str, field: str, value: object) -> str:
        """``value`` of ``field`` as a person reads it."""
        if value is None:
            return ""
        lang = self._lang
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if field.endswith("_id") and isinstance(value, str):
            return self._parent(table, field, value)
        enum = _ENUMS.get(field) or (_KIND_ENUMS.get(table) if field == "kind" else None)
        if field == "status" and table in _STATUS_ENUMS:
            enum = _STATUS_ENUMS[table]
        if enum is not None and isinstance(value, str):
            try:
                return current().render(Message(label(enum(value))))
            except ValueError:
                return value
        if field == "budget_ore" and isinstance(value, int):
            return format_money(value / 100, lang)
        if isinstance(value, float):
            return format_number(value, lang)
        if isinstance(value, str) and field.endswith("date"):
            try:
                return format_date(dt.date.fromisoformat(value), lang)
            except ValueError:
                return value
        return str(value)
