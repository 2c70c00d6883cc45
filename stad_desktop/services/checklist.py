"""The eleven-point co-creation checklist per project."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from stad_desktop.language import N_, Message
from stad_desktop.model import ChecklistItem, ChecklistStatus, Project
from stad_desktop.model.catalogue import CHECKLIST_ITEMS
from stad_desktop.services import validation as v
from stad_desktop.services.changes import Change
from stad_desktop.services.errors import NotFoundError
from stad_desktop.services.matrix import (
    checklist_hints,
    compute_warnings,
    project_actors,
    project_assignments,
    role_views,
)
from stad_desktop.services.readmodels import ChecklistItemView
from stad_desktop.storage import Database


class ChecklistService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def items(self, project_id: str) -> tuple[ChecklistItemView, ...]:
        """All eleven items with status, comment and, for items 2, 6 and 11, a hint."""
        with self._db.reading() as session:
            if session.get(Project, project_id) is None:
                raise NotFoundError("project", project_id)
            stored = {
                item.number: item
                for item in session.scalars(
                    select(ChecklistItem).where(ChecklistItem.project_id == project_id)
                )
            }
            actors = project_actors(session, [project_id]).get(project_id, [])
            assignments = project_assignments(session, [project_id]).get(project_id, [])
            warnings = compute_warnings(actors, role_views(session), assignments)
            hints = checklist_hints(session, project_id, actors, warnings, assignments)
        result = []
        for number, name in enumerate(CHECKLIST_ITEMS, start=1):
            item = stored.get(number)
            result.append(
                ChecklistItemView(
                    project_id=project_id,
                    number=number,
                    name=name,
                    status=item.status if item else ChecklistStatus.NOT_STARTED.value,
                    comment=item.comment if item else "",
                    hint=hints.get(number),
                )
            )
        return tuple(result)

    def set_item(
        self, project_id: str, number: int, status: str, comment: str = ""
    ) -> Change[ChecklistItemView]:
        """Set one item's status and comment; undoing puts back the ones before."""
        clean = clean_items({number: (status, comment)}, prefix="")
        with self._db.transaction() as session:
            if session.get(Project, project_id) is None:
                raise NotFoundError("project", project_id)
            before = item_states(session, project_id, clean)
            write_items(session, project_id, clean)
        old_status, old_comment = before[number]
        new_status, new_comment = clean[number]
        return Change(
            ChecklistItemView(
                project_id, number, CHECKLIST_ITEMS[number - 1], new_status, new_comment
            ),
            Message(N_("Edit checklist item {number}"), {"number": number}),
            lambda: self.set_item(project_id, number, old_status, old_comment),
        )


def clean_items(
    changes: Mapping[int, tuple[str, str]], prefix: str = "checklist.{number}."
) -> dict[int, tuple[str, str]]:
    """Checked (status, comment) per item number; a ValidationError names the field
    (``checklist.3.status`` with the default prefix)."""
    result = {}
    for number, (status, comment) in changes.items():
        field = prefix.format(number=number)
        if not 1 <= number <= len(CHECKLIST_ITEMS):
            raise NotFoundError("checklist item", str(number))
        clean_status = v.choice(field + "status", status, ChecklistStatus)
        result[number] = (clean_status.value, v.optional_text(field + "comment", comment))
    return result


def item_states(
    session: Session, project_id: str, numbers: Iterable[int]
) -> dict[int, tuple[str, str]]:
    """(status, comment) of the given items as stored now."""
    wanted = list(numbers)
    stored = {
        item.number: (item.status, item.comment)
        for item in session.scalars(
            select(ChecklistItem).where(
                ChecklistItem.project_id == project_id, ChecklistItem.number.in_(wanted)
            )
        )
    }
    return {n: stored.get(n, (ChecklistStatus.NOT_STARTED.value, "")) for n in wanted}


def write_items(session: Session, project_id: str, changes: Mapping[int, tuple[str, str]]) -> None:
    """Store checked (status, comment) values, inside the caller's transaction."""
    if not changes:
        return
    stored = {
        item.number: item
        for item in session.scalars(
            select(ChecklistItem).where(
                ChecklistItem.project_id == project_id, ChecklistItem.number.in_(list(changes))
            )
        )
    }
    for number, (status, comment) in changes.items():
        item = stored.get(number)
        if item is None:
            item = ChecklistItem(project_id=project_id, number=number)
            session.add(item)
        item.status = status
        item.comment = comment
    session.flush()
