"""Bulk paths: many records in one transaction, with the same validation as the
single-record services (used by imports and the large-data benchmark generator)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from stad_desktop.language import N_
from stad_desktop.model import (
    Actor,
    ChecklistItem,
    EffectEntry,
    Indicator,
    InputItem,
    InputItemProject,
    Meeting,
    MeetingParticipant,
    Project,
    ProjectActor,
    RoleAssignment,
)
from stad_desktop.model.catalogue import CHECKLIST_ITEMS
from stad_desktop.services import validation as v
from stad_desktop.services.actors import ActorInput, ActorService, _clean
from stad_desktop.services.effects import EffectService, EntryInput, IndicatorInput
from stad_desktop.services.errors import ValidationError
from stad_desktop.services.meetings import InputData, MeetingInput, MeetingService
from stad_desktop.services.ownership import make_owner, owner_role_id
from stad_desktop.services.projects import ProjectInput, ProjectService
from stad_desktop.storage import Database


@dataclass(frozen=True)
class AssignmentRow:
    project_id: str
    actor_id: str
    role_id: str
    expectation: str = ""
    contribution: str = ""


def _prefixed(index: int, exc: ValidationError) -> ValidationError:
    error = ValidationError(f"rows.{index}.{exc.field}", exc.message.msgid, **exc.message.params)
    return error


class BulkService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def actors(self, inputs: Sequence[ActorInput]) -> list[str]:
        with self._db.transaction() as session:
            taken = set(
                session.scalars(select(Actor.org_number).where(Actor.org_number.is_not(None)))
            )
            rows = []
            for index, data in enumerate(inputs):
                try:
                    clean = _clean(data)
                    if clean.org_number is not None and clean.org_number in taken:
                        raise ValidationError(
                            "org_number",
                            N_("{name} already has organisation number {value}."),
                            name="?",
                            value=clean.org_number,
                        )
                except ValidationError as exc:
                    raise _prefixed(index, exc) from None
                if clean.org_number is not None:
                    taken.add(clean.org_number)
                actor = Actor()
                ActorService._apply(actor, clean)
                rows.append(actor)
            session.add_all(rows)
            session.flush()
            return [actor.id for actor in rows]

    def projects(self, inputs: Sequence[ProjectInput]) -> list[str]:
        with self._db.transaction() as session:
            projects = []
            for index, data in enumerate(inputs):
                project = Project()
                session.add(project)
                try:
                    ProjectService._apply(session, project, data)
                except ValidationError as exc:
                    raise _prefixed(index, exc) from None
                projects.append(project)
            session.flush()
            for project in projects:
                make_owner(session, project, project.owner_id)
            session.add_all(
                ChecklistItem(project_id=p.id, number=n)
                for p in projects
                for n in range(1, len(CHECKLIST_ITEMS) + 1)
            )
            session.flush()
            return [p.id for p in projects]

    def assignments(self, rows: Sequence[AssignmentRow]) -> None:
        """Give many roles at once. The owner role makes its holder the project's
        owner, as in the role matrix: with several such rows for one project, the
        last one wins (see ``services.ownership``)."""
        with self._db.transaction() as session:
            owner_role = owner_role_id(session)
            owners: dict[str, tuple[str, str, str]] = {}
            members: set[tuple[str, str]] = {
                (project_id, actor_id)
                for project_id, actor_id in session.execute(
                    select(ProjectActor.project_id, ProjectActor.actor_id)
                )
            }
            seen: set[tuple[str, str, str]] = set()
            objects: list[object] = []
            for index, row in enumerate(rows):
                key = (row.project_id, row.actor_id, row.role_id)
                if key in seen:
                    continue
                seen.add(key)
                try:
                    expectation = v.optional_text("expectation", row.expectation)
                    contribution = v.optional_text("contribution", row.contribution)
                except ValidationError as exc:
                    raise _prefixed(index, exc) from None
                if row.role_id == owner_role:
                    owners[row.project_id] = (row.actor_id, expectation, contribution)
                    continue
                if (row.project_id, row.actor_id) not in members:
                    members.add((row.project_id, row.actor_id))
                    objects.append(ProjectActor(project_id=row.project_id, actor_id=row.actor_id))
                objects.append(
                    RoleAssignment(
                        project_id=row.project_id,
                        actor_id=row.actor_id,
                        role_id=row.role_id,
                        expectation=expectation,
                        contribution=contribution,
                    )
                )
            session.add_all(objects)
            session.flush()
            for project_id, (actor_id, expectation, contribution) in owners.items():
                project = session.get(Project, project_id)
                if project is not None:
                    make_owner(session, project, actor_id, expectation, contribution)

    def indicators(self, rows: Sequence[tuple[str, IndicatorInput]]) -> list[str]:
        with self._db.transaction() as session:
            indicators = []
            for index, (project_id, data) in enumerate(rows):
                indicator = Indicator(project_id=project_id, position=index)
                try:
                    EffectService._apply_indicator(session, indicator, data)
                except ValidationError as exc:
                    raise _prefixed(index, exc) from None
                indicators.append(indicator)
            session.add_all(indicators)
            session.flush()
            return [i.id for i in indicators]

    def entries(self, rows: Sequence[tuple[str, EntryInput]]) -> None:
        with self._db.transaction() as session:
            entries = []
            for index, (project_id, data) in enumerate(rows):
                entry = EffectEntry(project_id=project_id)
                try:
                    EffectService._apply_entry(session, entry, data)
                except ValidationError as exc:
                    raise _prefixed(index, exc) from None
                entries.append(entry)
            session.add_all(entries)

    def meetings(self, inputs: Sequence[MeetingInput]) -> list[str]:
        service = MeetingService(self._db)
        with self._db.transaction() as session:
            meetings = []
            participants: list[MeetingParticipant] = []
            for index, data in enumerate(inputs):
                meeting = Meeting()
                try:
                    service._apply(session, meeting, data)
                except ValidationError as exc:
                    raise _prefixed(index, exc) from None
                meetings.append((meeting, data.participant_ids))
            session.add_all(m for m, _ in meetings)
            session.flush()
            for meeting, actor_ids in meetings:
                participants.extend(
                    MeetingParticipant(meeting_id=meeting.id, actor_id=a)
                    for a in dict.fromkeys(actor_ids)
                )
            session.add_all(participants)
            return [m.id for m, _ in meetings]

    def inputs(self, rows: Sequence[tuple[str, InputData]]) -> None:
        with self._db.transaction() as session:
            known_projects = set(session.scalars(select(Project.id)))
            items = []
            for index, (meeting_id, data) in enumerate(rows):
                item = InputItem(meeting_id=meeting_id)
                try:
                    project_ids = MeetingService._input_fields(session, item, data)
                    if not known_projects.issuperset(project_ids):
                        raise ValidationError(
                            "project_ids", N_("Choose one of the values in the list.")
                        )
                except ValidationError as exc:
                    raise _prefixed(index, exc) from None
                items.append((item, project_ids))
            session.add_all(item for item, _ in items)
            session.flush()
            session.add_all(
                InputItemProject(input_item_id=item.id, project_id=project_id)
                for item, project_ids in items
                for project_id in project_ids
            )
