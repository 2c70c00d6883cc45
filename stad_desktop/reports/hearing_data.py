"""Gather what the "what we heard" printouts show: one meeting with its input, one
village's input across meetings, and the input linked to a project.

As in :mod:`stad_desktop.reports.data`, personal data (the names of the people who
gave input, and the participants' contact persons) is only gathered when the
caller asks for it. Without it, participants are counted by sector and input is
shown with the actor (organisation) that gave it, if any.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from stad_desktop.model import Sector
from stad_desktop.reports.data import ActorContacts, gather_contacts
from stad_desktop.reports.input_data import HeardItem, for_print, status_counts
from stad_desktop.reports.labels import natural_key
from stad_desktop.services import Services
from stad_desktop.services.errors import NotFoundError
from stad_desktop.services.readmodels import ActorRef, MeetingView, ProjectRow
from stad_desktop.textkeys import fold

# The ways the meeting printout groups its input.
GROUP_BY_TOPIC = "topic"
GROUP_BY_PROJECT = "project"
GROUPINGS = (GROUP_BY_TOPIC, GROUP_BY_PROJECT)
# The minutes are shortened to about this many characters (at a sentence's end).
MINUTES_SUMMARY = 1500


@dataclass(frozen=True)
class InputGroup:
    title: str
    """A topic or a project name; empty for the items without one."""
    items: tuple[HeardItem, ...]


@dataclass(frozen=True)
class MeetingReportData:
    meeting: MeetingView
    sector_counts: Mapping[str, int]
    """Participants per sector, for the sectors present (in sector order)."""
    minutes_summary: str
    minutes_shortened: bool
    groups: tuple[InputGroup, ...]
    group_by: str
    status_counts: Mapping[str, int]
    """Input items per status, for every status (in status order)."""
    include_contacts: bool
    participants: tuple[ActorRef, ...] = ()
    """The participating actors by name; only when contacts were asked for."""
    contacts: tuple[ActorContacts, ...] = ()

    @property
    def input_count(self) -> int:
        return sum(self.status_counts.values())


def summarise(text: str, limit: int = MINUTES_SUMMARY) -> tuple[str, bool]:
    """``text`` cut to about ``limit`` characters at the end of a sentence or a
    paragraph (or a word), and whether it was cut."""
    text = text.strip()
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    for stop in ("\n\n", ". ", "! ", "? ", "\n", " "):
        at = head.rfind(stop)
        if at >= limit // 2:
            return head[: at + (1 if stop.strip() else 0)].rstrip() + " …", True
    return head.rstrip() + " …", True


def sector_counts(actors: Iterable[ActorRef]) -> dict[str, int]:
    counter = Counter(actor.sector for actor in actors)
    return {sector.value: counter[sector.value] for sector in Sector if counter[sector.value]}


def group_items(items: Sequence[HeardItem], group_by: str) -> tuple[InputGroup, ...]:
    """Items grouped by topic or by project, groups in name order, the items without
    one last; an item linked to several projects is shown under each."""
    groups: dict[str, list[HeardItem]] = {}
    for heard in items:
        if group_by == GROUP_BY_PROJECT:
            keys: Sequence[str] = tuple(p.name for p in heard.projects) or ("",)
        else:
            keys = (heard.item.topic.strip(),)
        for key in keys:
            groups.setdefault(key, []).append(heard)
    order = sorted(groups, key=lambda key: (not key, natural_key(key)))
    return tuple(InputGroup(key, tuple(groups[key])) for key in order)


def gather_meeting(
    services: Services,
    meeting_id: str,
    *,
    group_by: str = GROUP_BY_TOPIC,
    include_contacts: bool = False,
) -> MeetingReportData:
    """Everything "what we heard" prints for one meeting (NotFoundError if unknown)."""
    if group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r}")
    meeting = services.meetings.get(meeting_id)
    items = for_print(
        services.hearing.input_at_meeting(meeting.id), include_contacts=include_contacts
    )
    summary, shortened = summarise(meeting.minutes)
    return MeetingReportData(
        meeting=meeting,
        sector_counts=sector_counts(meeting.participants),
        minutes_summary=summary,
        minutes_shortened=shortened,
        groups=group_items(items, group_by),
        group_by=group_by,
        status_counts=status_counts(items),
        include_contacts=include_contacts,
        participants=meeting.participants if include_contacts else (),
        contacts=gather_contacts(services, meeting.participants) if include_contacts else (),
    )


@dataclass(frozen=True)
class VillageProject:
    row: ProjectRow
    input_count: int
    """Input items from the village linked to the project."""


@dataclass(frozen=True)
class VillageReportData:
    village: str
    items: tuple[HeardItem, ...]
    """All input about the village, the newest meeting first."""
    meeting_count: int
    status_counts: Mapping[str, int]
    waiting: int
    """Input with no answer yet."""
    projects: tuple[VillageProject, ...]
    include_contacts: bool

    @property
    def years(self) -> tuple[int, ...]:
        """The years of the meetings, newest first."""
        return tuple(sorted({e.meeting_date.year for e in self.items}, reverse=True))


def find_village(services: Services, name: str) -> str:
    """The village ``name`` as it is spelt in the data (case and spacing ignored);
    NotFoundError when no input, meeting or actor names it."""
    wanted = fold(" ".join(name.split()))
    for village in services.meetings.villages():
        if fold(village) == wanted and wanted:
            return village
    raise NotFoundError("village", name)


def gather_village(
    services: Services, name: str, *, include_contacts: bool = False
) -> VillageReportData:
    """All input about one village across meetings and years, with the projects that
    touch the village: those its input is linked to, and those whose area it is."""
    village = find_village(services, name)
    entries = services.meetings.input_for_village(village)  # oldest meeting first
    items = for_print(
        sorted(entries, key=lambda e: e.meeting_date, reverse=True),
        include_contacts=include_contacts,
    )
    linked = Counter(project.id for e in items for project in e.projects)
    folded = fold(village)
    rows = [
        row
        for row in services.projects.list()
        if row.id in linked or (row.area.strip() and fold(row.area.strip()) == folded)
    ]
    rows.sort(key=lambda row: (-linked.get(row.id, 0), natural_key(row.name), row.id))
    return VillageReportData(
        village=village,
        items=items,
        meeting_count=len({e.item.meeting_id for e in items}),
        status_counts=status_counts(items),
        waiting=sum(1 for e in items if not e.item.answered),
        projects=tuple(VillageProject(row, linked.get(row.id, 0)) for row in rows),
        include_contacts=include_contacts,
    )
