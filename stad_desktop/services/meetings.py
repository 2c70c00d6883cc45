"""Meetings (public, village and work meetings) and the input collected there."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from stad_desktop.language import N_, Message
from stad_desktop.model import (
    Actor,
    InputItem,
    InputItemProject,
    InputStatus,
    Meeting,
    MeetingKind,
    MeetingParticipant,
    Project,
)
from stad_desktop.model.enums import label
from stad_desktop.services import input_reads as reads
from stad_desktop.services import validation as v
from stad_desktop.services.changes import Change
from stad_desktop.services.errors import NotFoundError, ValidationError
from stad_desktop.services.meeting_inputs import InputData, MeetingInput
from stad_desktop.services.readmodels import (
    ActorRef,
    AnswerBacklog,
    BacklogSummary,
    InputInContext,
    InputItemView,
    MeetingView,
)
from stad_desktop.services.versions import check_version, saving, short_name
from stad_desktop.storage import Database

# The meeting list's order: newest first, then by title (the id keeps it total).
_MEETING_ORDER = (Meeting.meeting_date.desc(), Meeting.title, Meeting.id)


def _input_view(session: Session, item: InputItem) -> InputItemView:
    return reads.item_views(session, [item])[0]


class MeetingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, data: MeetingInput, meeting_id: str | None = None) -> Change[MeetingView]:
        """A new meeting; undoing deletes it again."""
        with self._db.transaction() as session:
            meeting = Meeting()
            if meeting_id is not None:
                meeting.id = meeting_id
            self._apply(session, meeting, data)
            session.add(meeting)
            session.flush()
            self._set_participants(session, meeting.id, data.participant_ids)
            view = self._views(session, [meeting.id])[0]
        return self._added(view)

    def update(self, meeting_id: str, data: MeetingInput) -> Change[MeetingView]:
        """Save new values and participants; undoing puts back those stored before."""
        with (
            saving(self._db, Meeting, meeting_id, data.title, data.version),
            self._db.transaction() as session,
        ):
            meeting = self._get(session, meeting_id)
            check_version(meeting.version, data.version, meeting.title)
            before = MeetingInput.from_view(self._views(session, [meeting_id])[0])
            self._apply(session, meeting, data)
            self._set_participants(session, meeting.id, data.participant_ids)
            view = self._views(session, [meeting.id])[0]
        return Change(
            view,
            Message(N_("Edit meeting {title}"), {"title": view.title}),
            lambda: self.update(meeting_id, before),
        )

    def delete(self, meeting_id: str) -> Change[tuple[MeetingView, tuple[InputItemView, ...]]]:
        """Delete a meeting with its participants and input (the value); undoing puts
        them back."""
        with self._db.transaction() as session:
            meeting = self._get(session, meeting_id)
            view = self._views(session, [meeting_id])[0]
            items = reads.item_views(
                session,
                session.scalars(
                    select(InputItem)
                    .where(InputItem.meeting_id == meeting_id)
                    .order_by(InputItem.created_at)
                ).all(),
            )
            session.execute(delete(InputItem).where(InputItem.meeting_id == meeting_id))
            session.execute(
                delete(MeetingParticipant).where(MeetingParticipant.meeting_id == meeting_id)
            )
            session.delete(meeting)
        return Change(
            (view, items),
            Message(N_("Delete meeting {title}"), {"title": view.title}),
            lambda: self.restore(view, items),
        )

    def restore(
        self, view: MeetingView, items: Sequence[InputItemView] = ()
    ) -> Change[MeetingView]:
        """Put back a meeting deleted by :meth:`delete`, with its input; undoing
        deletes it again."""
        with self._db.transaction() as session:
            meeting = Meeting(id=view.id)
            data = MeetingInput.from_view(view)
            self._apply(session, meeting, data)
            session.add(meeting)
            session.flush()
            self._set_participants(session, meeting.id, data.participant_ids)
            for item in items:
                row = InputItem(id=item.id, meeting_id=meeting.id)
                if item.created_at is not None:  # their order, as before
                    row.created_at = item.created_at
                self._apply_input(session, row, InputData.from_view(item))
            restored = self._views(session, [meeting.id])[0]
        return self._added(restored)

    def _added(self, view: MeetingView) -> Change[MeetingView]:
        return Change(
            view,
            Message(N_("Add meeting {title}"), {"title": view.title}),
            lambda: self.delete(view.id),
        )

    def get(self, meeting_id: str) -> MeetingView:
        with self._db.reading() as session:
            self._get(session, meeting_id)
            return self._views(session, [meeting_id])[0]

    def list(self, project_id: str | None = None) -> tuple[MeetingView, ...]:
        """The meetings (of one project), newest first."""
        return self.page(project_id)

    def page(
        self, project_id: str | None = None, offset: int = 0, limit: int | None = None
    ) -> tuple[MeetingView, ...]:
        """Meetings ``offset`` to ``offset + limit`` of :meth:`list` (all from
        ``offset`` when ``limit`` is None), sorted in SQL on an index."""
        stmt = select(Meeting.id).where(*self._listed(project_id)).order_by(*_MEETING_ORDER)
        if offset or limit is not None:
            stmt = stmt.offset(max(0, offset)).limit(limit)
        with self._db.reading() as session:
            return self._views(session, list(session.scalars(stmt)))

    def count(self, project_id: str | None = None) -> int:
        """How many meetings :meth:`list` gives."""
        stmt = select(func.count(Meeting.id)).where(*self._listed(project_id))
        with self._db.reading() as session:
            return int(session.scalar(stmt) or 0)

    def position(self, meeting_id: str, project_id: str | None = None) -> int:
        """Where ``meeting_id`` is in :meth:`list` (from 0), or -1."""
        numbered = (
            select(Meeting.id, func.row_number().over(order_by=_MEETING_ORDER).label("n"))
            .where(*self._listed(project_id))
            .subquery()
        )
        with self._db.reading() as session:
            found = session.scalar(select(numbered.c.n).where(numbered.c.id == meeting_id))
        return int(found) - 1 if found is not None else -1

    @staticmethod
    def _listed(project_id: str | None) -> tuple[Any, ...]:
        return () if project_id is None else (Meeting.project_id == project_id,)

    # --- input --------------------------------------------------------------------
    def add_input(
        self,
        meeting_id: str,
        data: InputData,
        input_id: str | None = None,
        created_at: dt.datetime | None = None,
    ) -> Change[InputItemView]:
        """A new input item (with ``input_id`` and ``created_at`` when putting one
        back, so it keeps its place in the meeting); undoing deletes it again."""
        with self._db.transaction() as session:
            self._get(session, meeting_id)
            item = InputItem(meeting_id=meeting_id)
            if input_id is not None:
                item.id = input_id
            if created_at is not None:
                item.created_at = created_at
            self._apply_input(session, item, data)
            view = _input_view(session, item)
        return Change(view, Message(N_("Add input")), lambda: self.delete_input(view.id))

    def update_input(self, input_id: str, data: InputData) -> Change[InputItemView]:
        """Save new values; undoing puts back the values stored before."""
        return self._update_input(
            input_id, lambda _before: data, Message(N_("Edit input")), data.version
        )

    def set_input_status(self, input_id: str, status: str) -> Change[InputItemView]:
        """Mark an input item new, considered, included or rejected; undoing puts
        back the status it had."""
        clean = v.choice("status", status, InputStatus)
        return self._update_input(
            input_id,
            lambda before: replace(before, status=clean.value),
            Message(N_("Set input to {status}"), {"status": Message(label(clean))}),
        )

    def _update_input(
        self,
        input_id: str,
        change: Callable[[InputData], InputData],
        description: Message,
        opened: int | None = None,
    ) -> Change[InputItemView]:
        with (
            saving(self._db, InputItem, input_id, "", opened) as named,
            self._db.transaction() as session,
        ):
            item = session.get(InputItem, input_id)
            if item is None:
                raise NotFoundError("input", input_id)
            named.append(short_name(item.text))
            check_version(item.version, opened, short_name(item.text))
            before = InputData.from_view(_input_view(session, item))
            self._apply_input(session, item, change(before))
            view = _input_view(session, item)
        return Change(
            view,
            description,
            lambda: self._update_input(input_id, lambda _now: before, description),
        )

    def delete_input(self, input_id: str) -> Change[InputItemView]:
        """Delete one input item (the value); undoing puts it back with its id."""
        with self._db.transaction() as session:
            item = session.get(InputItem, input_id)
            if item is None:
                raise NotFoundError("input", input_id)
            view = _input_view(session, item)
            session.delete(item)
        return Change(view, Message(N_("Delete input")), lambda: self.restore_input(view))

    def restore_input(self, view: InputItemView) -> Change[InputItemView]:
        return self.add_input(
            view.meeting_id, InputData.from_view(view), input_id=view.id, created_at=view.created_at
        )

    def inputs(
        self, meeting_id: str | None = None, project_id: str | None = None
    ) -> tuple[InputItemView, ...]:
        stmt = select(InputItem).order_by(InputItem.created_at)
        if meeting_id is not None:
            stmt = stmt.where(InputItem.meeting_id == meeting_id)
        if project_id is not None:
            linked = select(InputItemProject.input_item_id).where(
                InputItemProject.project_id == project_id
            )
            stmt = stmt.where(InputItem.id.in_(linked))
        with self._db.reading() as session:
            return reads.item_views(session, session.scalars(stmt).all())

    def names_for(self, items: Sequence[InputItemView]) -> tuple[dict[str, str], dict[str, str]]:
        """The names of the actors the items came from and of the projects they are
        linked to (id -> name), archived ones too: only those, not every actor's."""
        actor_ids = sorted({i.from_actor_id for i in items if i.from_actor_id})
        project_ids = sorted({p for i in items for p in i.project_ids})
        actors: dict[str, str] = {}
        projects: dict[str, str] = {}
        with self._db.reading() as session:
            for chunk in reads.chunks(actor_ids):
                stmt = select(Actor.id, Actor.name).where(Actor.id.in_(chunk))
                actors.update((row.id, row.name) for row in session.execute(stmt))
            for chunk in reads.chunks(project_ids):
                stmt = select(Project.id, Project.name).where(Project.id.in_(chunk))
                projects.update((row.id, row.name) for row in session.execute(stmt))
        return actors, projects

    def input_for_project(self, project_id: str) -> tuple[InputInContext, ...]:
        """The input linked to a project, with where and when it was given, oldest
        meeting first."""
        with self._db.reading() as session:
            return reads.for_project(session, project_id)

    def input_from_actor(self, actor_id: str) -> tuple[InputInContext, ...]:
        """The input an actor gave, with where and when, oldest meeting first."""
        with self._db.reading() as session:
            return reads.from_actor(session, actor_id)

    def input_for_village(self, name: str) -> tuple[InputInContext, ...]:
        """The input about a village across all meetings (its own village is
        ``name``, or it has none and its meeting's place is ``name``; case is
        ignored), oldest meeting first."""
        with self._db.reading() as session:
            return reads.for_village(session, name)

    def villages(self) -> tuple[str, ...]:
        """The villages known (of input, its meetings' places and the actors)."""
        with self._db.reading() as session:
            return reads.villages(session)

    def topics(self) -> tuple[str, ...]:
        """The topics input has been given under (for typing one)."""
        with self._db.reading() as session:
            return reads.topics(session)

    def answer_backlog(
        self, weeks: int = reads.DEFAULT_BACKLOG_WEEKS, today: dt.date | None = None
    ) -> AnswerBacklog:
        """Input with no answer whose meeting is more than ``weeks`` weeks old,
        overall and counted per village."""
        with self._db.reading() as session:
            return reads.backlog(session, weeks, today)

    def backlog_summary(
        self, weeks: int = reads.DEFAULT_BACKLOG_WEEKS, today: dt.date | None = None
    ) -> BacklogSummary:
        """The answer backlog counted, overall and per village (no items)."""
        with self._db.reading() as session:
            return reads.backlog_summary(session, weeks, today)

    def backlog_per_project(
        self, weeks: int = reads.DEFAULT_BACKLOG_WEEKS, today: dt.date | None = None
    ) -> dict[str, int]:
        """Project id -> how many items of the answer backlog are linked to it
        (projects with none left out)."""
        with self._db.reading() as session:
            return reads.backlog_per_project(session, weeks, today)

    def backlog_page(
        self,
        weeks: int,
        spellings: Sequence[str] | None,
        offset: int,
        limit: int,
        today: dt.date | None = None,
    ) -> tuple[InputInContext, ...]:
        """A page of the answer backlog (of one village's ``spellings``, or all)."""
        with self._db.reading() as session:
            return reads.backlog_page(session, weeks, today, spellings, offset, limit)

    # --- helpers ------------------------------------------------------------------
    @staticmethod
    def _get(session: Session, meeting_id: str) -> Meeting:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError("meeting", meeting_id)
        return meeting

    @staticmethod
    def _check_project(session: Session, field_name: str, project_id: str | None) -> str | None:
        if project_id and session.get(Project, project_id) is None:
            raise ValidationError(field_name, N_("Choose one of the values in the list."))
        return project_id or None

    def _apply(self, session: Session, meeting: Meeting, data: MeetingInput) -> None:
        check = v.Checks()  # every bad field at once
        title = check(v.required_text, "title", data.title)
        meeting_date = check(v.date, "meeting_date", data.meeting_date, required=True)
        kind = check(v.choice, "kind", data.kind, MeetingKind)
        place = check(v.optional_text, "place", data.place, 200)
        minutes = check(v.optional_text, "minutes", data.minutes)
        project_id = check(self._check_project, session, "project_id", data.project_id)
        check.done()
        assert meeting_date is not None
        meeting.title = title
        meeting.meeting_date = meeting_date
        meeting.kind = kind.value
        meeting.place = place
        meeting.minutes = minutes
        meeting.project_id = project_id

    def _apply_input(self, session: Session, item: InputItem, data: InputData) -> None:
        """Check and store ``data`` in ``item`` (added to the session) and its links."""
        project_ids = self._input_fields(session, item, data)
        if item not in session:
            session.add(item)
        session.flush()
        reads.set_links(session, item.id, project_ids)

    @staticmethod
    def _input_fields(session: Session, item: InputItem, data: InputData) -> tuple[str, ...]:
        """Check and store the fields of ``data`` in ``item``; the project ids to link
        (each once; not yet checked)."""
        check = v.Checks()  # every bad field at once
        text = check(v.required_text, "text", data.text, 20000)
        if data.from_actor_id and session.get(Actor, data.from_actor_id) is None:
            check.errors.append(
                ValidationError("from_actor_id", N_("Choose one of the values in the list."))
            )
        from_name = check(v.optional_text, "from_name", data.from_name, 200)
        topic = check(v.optional_text, "topic", data.topic, 200)
        village = check(v.optional_text, "village", data.village, 100)
        status = check(v.choice, "status", data.status, InputStatus)
        answer = check(v.optional_text, "answer", data.answer)
        check.done()
        item.text = text
        item.from_actor_id = data.from_actor_id or None
        item.from_name = from_name
        item.topic = topic
        item.village = village
        item.status = status.value
        item.answer = answer
        wanted = (data.project_ids,) if isinstance(data.project_ids, str) else data.project_ids
        return tuple(dict.fromkeys(p for p in wanted if p))

    @staticmethod
    def _set_participants(session: Session, meeting_id: str, actor_ids: Sequence[str]) -> None:
        wanted = list(dict.fromkeys(actor_ids))
        if wanted:
            found = set(session.scalars(select(Actor.id).where(Actor.id.in_(wanted))))
            if len(found) != len(wanted):
                raise ValidationError(
                    "participant_ids", N_("Choose one of the values in the list.")
                )
        session.execute(
            delete(MeetingParticipant).where(MeetingParticipant.meeting_id == meeting_id)
        )
        for actor_id in wanted:
            session.add(MeetingParticipant(meeting_id=meeting_id, actor_id=actor_id))
        session.flush()

    @staticmethod
    def _views(session: Session, ids: Sequence[str]) -> tuple[MeetingView, ...]:
        if not ids:
            return ()
        meetings = {
            m.id: (m, name)
            for m, name in session.execute(
                select(Meeting, Project.name)
                .outerjoin(Project, Project.id == Meeting.project_id)
                .where(Meeting.id.in_(ids))
            )
        }
        participants: dict[str, builtins.list[ActorRef]] = {}
        for meeting_id, actor_id, name, sector in session.execute(
            select(MeetingParticipant.meeting_id, Actor.id, Actor.name, Actor.sector)
            .join(Actor, Actor.id == MeetingParticipant.actor_id)
            .where(MeetingParticipant.meeting_id.in_(ids))
            .order_by(Actor.sort_key)
        ):
            participants.setdefault(meeting_id, []).append(ActorRef(actor_id, name, sector))
        counts = dict(
            session.execute(
                select(InputItem.meeting_id, func.count(InputItem.id))
                .where(InputItem.meeting_id.in_(ids))
                .group_by(InputItem.meeting_id)
            ).all()
        )
        return tuple(
            MeetingView(
                id=m.id,
                title=m.title,
                meeting_date=m.meeting_date,
                place=m.place,
                kind=m.kind,
                project_id=m.project_id,
                project_name=project_name or "",
                minutes=m.minutes,
                participants=tuple(participants.get(m.id, [])),
                input_count=counts.get(m.id, 0),
                version=m.version,
            )
            for m, project_name in (meetings[i] for i in ids)
        )
