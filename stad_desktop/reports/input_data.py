"""Input items as the printouts show them: with the names of the actor who gave
them and of the projects they are linked to, and where and when they were heard.

The name of the person who gave an item is personal data: it is only kept when
the caller asks for contact data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from stad_desktop.model import InputStatus
from stad_desktop.services import Services
from stad_desktop.services.readmodels import InputItemView, MeetingView


@dataclass(frozen=True)
class HeardItem:
    """An input item as printed: ``from_name`` is empty unless contacts were asked for."""

    item: InputItemView
    from_actor: str
    """The name of the actor who gave it ("" if none)."""
    projects: tuple[str, ...]
    """The names of the projects it is linked to."""
    meeting: MeetingView | None = None
    """Where and when it was heard (printed where the input of several meetings is shown)."""


def status_counts(items: Iterable[InputItemView]) -> dict[str, int]:
    counter = Counter(item.status for item in items)
    return {status.value: counter.get(status.value, 0) for status in InputStatus}


def heard_items(
    services: Services,
    items: Sequence[InputItemView],
    *,
    include_contacts: bool,
    meetings: Mapping[str, MeetingView] | None = None,
) -> tuple[HeardItem, ...]:
    """The items as printed, with the names of their actor and projects."""
    actor_names = {a.id: a.name for a in services.actors.refs(include_archived=True)}
    project_names = {p.id: p.name for p in services.projects.refs(include_archived=True)}
    result = []
    for item in items:
        linked = (item.project_id,) if item.project_id else ()
        result.append(
            HeardItem(
                item=item if include_contacts else replace(item, from_name=""),
                from_actor=actor_names.get(item.from_actor_id or "", ""),
                projects=tuple(project_names[p] for p in linked if p in project_names),
                meeting=meetings.get(item.meeting_id) if meetings is not None else None,
            )
        )
    return tuple(result)
