"""Reading input items: with the projects they are linked to, and in context (the
meeting they were given at, who gave them) for the lists of a project's, an
actor's and a village's input and for the answer backlog."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select, true
from sqlalchemy.orm import Session

from stad_desktop.language import N_
from stad_desktop.model import Actor, InputItem, InputItemProject, Meeting, Project
from stad_desktop.services.errors import ValidationError
from stad_desktop.services.readmodels import (
    AnswerBacklog,
    InputInContext,
    InputItemView,
    ProjectRef,
    VillageCount,
)
from stad_desktop.textkeys import fold, sort_key

DEFAULT_BACKLOG_WEEKS = 6
_CHUNK = 500  # ids per IN (...): well under every database's limit of parameters


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def linked_projects(session: Session, item_ids: Sequence[str]) -> dict[str, list[ProjectRef]]:
    """Item id -> the projects it is linked to, in alphabetical order."""
    result: dict[str, list[ProjectRef]] = {}
    for chunk in _chunks(list(dict.fromkeys(item_ids))):
        rows = session.execute(
            select(InputItemProject.input_item_id, Project.id, Project.name, Project.phase)
            .join(Project, Project.id == InputItemProject.project_id)
            .where(InputItemProject.input_item_id.in_(chunk))
            .order_by(Project.sort_key, Project.name, Project.id)
        )
        for item_id, project_id, name, phase in rows:
            result.setdefault(item_id, []).append(ProjectRef(project_id, name, phase))
    return result


def item_view(item: InputItem, project_ids: Iterable[str]) -> InputItemView:
    return InputItemView(
        id=item.id,
        meeting_id=item.meeting_id,
        text=item.text,
        from_actor_id=item.from_actor_id,
        from_name=item.from_name,
        topic=item.topic,
        village=item.village,
        project_ids=tuple(project_ids),
        status=item.status,
        answer=item.answer,
        created_at=item.created_at,
        version=item.version,
    )


def item_views(session: Session, items: Sequence[InputItem]) -> tuple[InputItemView, ...]:
    links = linked_projects(session, [item.id for item in items])
    return tuple(item_view(item, (p.id for p in links.get(item.id, ()))) for item in items)


def set_links(session: Session, item_id: str, project_ids: Sequence[str]) -> None:
    """Link the item to exactly these projects (each must exist)."""
    wanted = list(dict.fromkeys(p for p in project_ids if p))
    if wanted:
        found = set(session.scalars(select(Project.id).where(Project.id.in_(wanted))))
        if len(found) != len(wanted):
            raise ValidationError("project_ids", N_("Choose one of the values in the list."))
    have = {
        link.project_id: link
        for link in session.scalars(
            select(InputItemProject).where(InputItemProject.input_item_id == item_id)
        )
    }
    for project_id, link in have.items():
        if project_id not in wanted:
            session.delete(link)
    for project_id in wanted:
        if project_id not in have:
            session.add(InputItemProject(input_item_id=item_id, project_id=project_id))
    session.flush()


# --- input in context --------------------------------------------------------------


def _context_query() -> Any:
    return (
        select(
            InputItem,
            Meeting.title,
            Meeting.meeting_date,
            Meeting.place,
            Meeting.kind,
            Actor.name,
        )
        .join(Meeting, Meeting.id == InputItem.meeting_id)
        .outerjoin(Actor, Actor.id == InputItem.from_actor_id)
        .order_by(Meeting.meeting_date, Meeting.title, Meeting.id, InputItem.created_at)
    )


def in_context(
    session: Session, where: ColumnElement[bool] | None = None
) -> tuple[InputInContext, ...]:
    """The input items matching ``where`` (all without it), oldest meeting first and
    in the order given within a meeting."""
    rows = session.execute(_context_query().where(true() if where is None else where)).all()
    links = linked_projects(session, [row[0].id for row in rows])
    return tuple(
        InputInContext(
            item=item_view(item, (p.id for p in links.get(item.id, ()))),
            meeting_title=title,
            meeting_date=meeting_date,
            meeting_place=place,
            meeting_kind=kind,
            from_actor_name=actor_name or "",
            projects=tuple(links.get(item.id, ())),
        )
        for item, title, meeting_date, place, kind, actor_name in rows
    )


def for_project(session: Session, project_id: str) -> tuple[InputInContext, ...]:
    linked = select(InputItemProject.input_item_id).where(InputItemProject.project_id == project_id)
    return in_context(session, InputItem.id.in_(linked))


def from_actor(session: Session, actor_id: str) -> tuple[InputInContext, ...]:
    return in_context(session, InputItem.from_actor_id == actor_id)


def same_village(a: str, b: str) -> bool:
    """Village names compared the way people read them: case and spacing ignored."""
    return fold(" ".join(a.split())) == fold(" ".join(b.split()))


def for_village(session: Session, name: str) -> tuple[InputInContext, ...]:
    """Input about the village ``name`` across all meetings: the items given that
    village, and the items with none given at a meeting whose place is ``name``."""
    if not name.strip():
        return ()
    return tuple(entry for entry in in_context(session) if same_village(entry.village, name))


def villages(session: Session) -> tuple[str, ...]:
    """The villages known: those input is about (its own village, else its meeting's
    place) and the actors' villages, each once (the first spelling found), in
    Norwegian alphabetical order."""
    found: dict[str, str] = {}
    names = session.execute(
        select(InputItem.village, Meeting.place)
        .join(Meeting, Meeting.id == InputItem.meeting_id)
        .distinct()
    ).all()
    actor_villages = session.scalars(select(Actor.village).distinct())
    for name in [village or place for village, place in names] + list(actor_villages):
        clean = " ".join((name or "").split())
        if clean:
            found.setdefault(fold(clean), clean)
    return tuple(sorted(found.values(), key=lambda v: (sort_key(v), v)))


def topics(session: Session) -> tuple[str, ...]:
    """The topics input has been given under, each once, alphabetically."""
    found: dict[str, str] = {}
    for topic in session.scalars(select(InputItem.topic).distinct()):
        clean = " ".join((topic or "").split())
        if clean:
            found.setdefault(fold(clean), clean)
    return tuple(sorted(found.values(), key=lambda v: (sort_key(v), v)))


def backlog(
    session: Session, weeks: int = DEFAULT_BACKLOG_WEEKS, today: dt.date | None = None
) -> AnswerBacklog:
    """Input with no answer yet whose meeting was more than ``weeks`` weeks before
    ``today``, oldest first, and how many per village (most first)."""
    weeks = max(0, int(weeks))
    today = today or dt.date.today()
    before = today - dt.timedelta(weeks=weeks)
    waiting = tuple(
        entry
        for entry in in_context(session, Meeting.meeting_date < before)
        if not entry.item.answered
    )
    counts = Counter(" ".join(entry.village.split()) for entry in waiting)
    spelled: dict[str, str] = {}
    merged: Counter[str] = Counter()
    for village, count in counts.items():
        key = fold(village)
        spelled.setdefault(key, village)
        merged[key] += count
    per_village = sorted(
        (VillageCount(spelled[key], count) for key, count in merged.items()),
        key=lambda v: (-v.count, sort_key(v.village), v.village),
    )
    return AnswerBacklog(weeks, today, waiting, tuple(per_village))
