"""Reading input items: with the projects they are linked to, and in context (the
meeting they were given at, who gave them) for the lists of a project's, an
actor's and a village's input and for the answer backlog."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, case, func, select, true
from sqlalchemy.orm import Session

from stad_desktop.language import N_
from stad_desktop.model import Actor, InputItem, InputItemProject, Meeting, Project
from stad_desktop.services.errors import ValidationError
from stad_desktop.services.readmodels import (
    AnswerBacklog,
    BacklogSummary,
    BacklogVillage,
    InputInContext,
    InputItemView,
    ProjectRef,
    VillageCount,
)
from stad_desktop.textkeys import fold, sort_key

DEFAULT_BACKLOG_WEEKS = 6
_CHUNK = 500  # ids per IN (...): well under every database's limit of parameters


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def linked_projects(session: Session, item_ids: Sequence[str]) -> dict[str, list[ProjectRef]]:
    """Item id -> the projects it is linked to, in alphabetical order."""
    result: dict[str, list[ProjectRef]] = {}
    for chunk in chunks(list(dict.fromkeys(item_ids))):
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
    return _entries(session, _context_query().where(true() if where is None else where))


def _entries(session: Session, stmt: Any) -> tuple[InputInContext, ...]:
    rows = session.execute(stmt).all()
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


def _waiting(weeks: int, today: dt.date | None) -> tuple[int, dt.date, Any]:
    """The weeks, today and the SQL condition of the answer backlog."""
    weeks = max(0, int(weeks))
    today = today or dt.date.today()
    before = today - dt.timedelta(weeks=weeks)
    # Answers are stored stripped (clean_text): no answer is the empty text.
    return weeks, today, (Meeting.meeting_date < before) & (func.trim(InputItem.answer) == "")


def _village_of_item() -> Any:
    """SQL for :attr:`InputInContext.village`: the item's own village, else the
    meeting's place."""
    return case((InputItem.village != "", InputItem.village), else_=Meeting.place)


def backlog_summary(
    session: Session, weeks: int = DEFAULT_BACKLOG_WEEKS, today: dt.date | None = None
) -> BacklogSummary:
    """How many items of the answer backlog there are, overall and per village
    (most first), counted in SQL: the cost does not grow with the items."""
    weeks, today, waiting = _waiting(weeks, today)
    village = _village_of_item()
    rows = session.execute(
        select(village, func.count(InputItem.id))
        .join(Meeting, Meeting.id == InputItem.meeting_id)
        .where(waiting)
        .group_by(village)
    ).all()
    counts: Counter[str] = Counter()
    spellings: dict[str, list[tuple[int, str, str]]] = {}
    for raw, count in rows:
        clean = " ".join((raw or "").split())
        key = fold(clean)
        counts[key] += count
        spellings.setdefault(key, []).append((count, clean, raw or ""))
    villages = []
    for key, total in counts.items():
        found = spellings[key]
        # The spelling most items use (then the first in Norwegian order) is shown.
        shown = min(found, key=lambda f: (-f[0], sort_key(f[1]), f[1]))[1]
        raws = tuple(sorted({f[2] for f in found}))
        villages.append(BacklogVillage(shown, total, key, raws))
    villages.sort(key=lambda v: (-v.count, sort_key(v.village), v.village))
    return BacklogSummary(weeks, today, sum(counts.values()), tuple(villages))


def backlog_per_project(
    session: Session, weeks: int = DEFAULT_BACKLOG_WEEKS, today: dt.date | None = None
) -> dict[str, int]:
    """Project id -> how many items of the answer backlog are linked to the project
    (projects with none left out), counted in SQL: no item is read."""
    _weeks, _today, waiting = _waiting(weeks, today)
    stmt = (
        select(InputItemProject.project_id, func.count())
        .join(InputItem, InputItem.id == InputItemProject.input_item_id)
        .join(Meeting, Meeting.id == InputItem.meeting_id)
        .where(waiting)
        .group_by(InputItemProject.project_id)
    )
    return {str(project_id): int(count) for project_id, count in session.execute(stmt)}


def backlog_page(
    session: Session,
    weeks: int,
    today: dt.date | None,
    spellings: Sequence[str] | None,
    offset: int,
    limit: int,
) -> tuple[InputInContext, ...]:
    """Items ``offset`` to ``offset + limit`` of the answer backlog (of the village
    written one of ``spellings``, or of all when None), oldest meeting first."""
    _weeks, _today, waiting = _waiting(weeks, today)
    stmt = _context_query().where(waiting)
    if spellings is not None:
        stmt = stmt.where(_village_of_item().in_(list(spellings)))
    return _entries(session, stmt.offset(max(0, offset)).limit(limit))


def backlog(
    session: Session, weeks: int = DEFAULT_BACKLOG_WEEKS, today: dt.date | None = None
) -> AnswerBacklog:
    """Input with no answer yet whose meeting was more than ``weeks`` weeks before
    ``today``, oldest first, and how many per village (most first)."""
    summary = backlog_summary(session, weeks, today)
    _weeks, _today, waiting = _waiting(weeks, today)
    items = in_context(session, waiting)
    per_village = tuple(VillageCount(v.village, v.count) for v in summary.villages)
    return AnswerBacklog(summary.weeks, summary.today, items, per_village)
