"""The change history: every change made through a writing session, in one place.

A ``before_flush`` listener on the writing sessions (see ``storage.Database``) adds a
:class:`~stad_desktop.model.ChangeRecord` for each record added, changed or deleted
through the ORM: the table, the record's id, the fields with their old and new
values (JSON), when, and by whom (the name in the setting ``history.user_name``, or
else the operating-system account's). Services write nothing of their own for it.

A session whose ``info`` holds ``REDACT`` (an erasure) records which fields changed,
but no values: the history of an erased person keeps the fact, not the content.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from stad_desktop.model import ChangeRecord, Setting
from stad_desktop.model.entities import new_id

USER_NAME_KEY = "history.user_name"
REDACT = "history_redact"
# Not worth keeping: times and versions of the change itself, and derived keys (the
# contact key repeats the contact persons' names: their own records hold them).
_SKIPPED = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "version",
        "sort_key",
        "search_text",
        "village_key",
        "contact_key",
        "email_key",
        "phone_key",
    }
)
# Tables whose changes are not recorded: the history itself and the program's own.
_UNRECORDED = frozenset(
    {"change_history", "erasure_register", "travel_base", "merge_records", "database_identity"}
)


def os_user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _who(session: Session) -> str:
    name = session.info.get("history_user")
    if name is None:
        with session.no_autoflush:
            name = session.scalar(select(Setting.value).where(Setting.key == USER_NAME_KEY))
        name = (name or "").strip() or os_user_name()
        session.info["history_user"] = name
    return str(name)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _columns(obj: Any) -> list[str]:
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in _SKIPPED]


def _changes(obj: Any, action: str, redact: bool) -> dict[str, Any]:
    state = inspect(obj)
    result: dict[str, Any] = {}
    for key in _columns(obj):
        if action == "insert":
            value = getattr(obj, key)
            if value is None or value == "":
                continue
            result[key] = None if redact else _plain(value)
        elif action == "update":
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old == new:
                continue
            result[key] = None if redact else [_plain(old), _plain(new)]
    return result


def record_changes(session: Session, _context: Any, _instances: Any) -> None:
    """The ``before_flush`` listener: one ChangeRecord per record changed."""
    redact = bool(session.info.get(REDACT))
    now = dt.datetime.now(dt.UTC)
    found: list[tuple[Any, str]] = [(obj, "insert") for obj in session.new]
    found += [(obj, "update") for obj in session.dirty if session.is_modified(obj)]
    found += [(obj, "delete") for obj in session.deleted]
    records = []
    for obj, action in found:
        table = getattr(obj, "__tablename__", None)
        if table is None or table in _UNRECORDED or not hasattr(obj, "id"):
            continue
        if action == "insert" and obj.id is None:
            obj.id = new_id()
        changes = {} if action == "delete" else _changes(obj, action, redact)
        if action == "update" and not changes:
            continue
        records.append(
            ChangeRecord(
                changed_at=now,
                changed_by=_who(session),
                table_name=table,
                record_id=str(obj.id),
                action=action,
                changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
            )
        )
    session.add_all(records)


def record_rows(session: Session, table: str, rows: list[dict[str, Any]], action: str) -> None:
    """The history of records written with bulk statements, which the ``before_flush``
    listener does not see (removing the example data and putting it back): one
    ChangeRecord per row, ``action`` "insert" (with its values) or "delete"."""
    if table in _UNRECORDED:
        return
    now = dt.datetime.now(dt.UTC)
    who = _who(session)
    session.add_all(
        ChangeRecord(
            changed_at=now,
            changed_by=who,
            table_name=table,
            record_id=str(row["id"]),
            action=action,
            changes=json.dumps(
                {
                    key: _plain(value)
                    for key, value in row.items()
                    if action == "insert" and key not in _SKIPPED and value not in (None, "")
                },
                ensure_ascii=False,
                sort_keys=True,
            ),
        )
        for row in rows
    )
