"""The eleven-point co-creation checklist per project."""

from __future__ import annotations

from sqlalchemy import select

from stad_desktop.model import ChecklistItem, ChecklistStatus, Project
from stad_desktop.model.catalogue import CHECKLIST_ITEMS
from stad_desktop.services import validation as v
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
    ) -> ChecklistItemView:
        clean_status = v.choice("status", status, ChecklistStatus)
        clean_comment = v.optional_text("comment", comment)
        if not 1 <= number <= len(CHECKLIST_ITEMS):
            raise NotFoundError("checklist item", str(number))
        with self._db.transaction() as session:
            if session.get(Project, project_id) is None:
                raise NotFoundError("project", project_id)
            item = session.scalar(
                select(ChecklistItem).where(
                    ChecklistItem.project_id == project_id, ChecklistItem.number == number
                )
            )
            if item is None:
                item = ChecklistItem(project_id=project_id, number=number)
                session.add(item)
            item.status = clean_status.value
            item.comment = clean_comment
        return ChecklistItemView(
            project_id, number, CHECKLIST_ITEMS[number - 1], clean_status.value, clean_comment
        )
