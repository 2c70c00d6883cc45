"""What a form gives the meeting service: a meeting (:class:`MeetingInput`) and an
input item (:class:`InputData`), as typed; the service checks them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from stad_desktop.model import InputStatus, MeetingKind
from stad_desktop.services.readmodels import InputItemView, MeetingView


@dataclass(frozen=True)
class MeetingInput:
    title: str
    meeting_date: object
    kind: str = MeetingKind.PUBLIC_MEETING
    place: str = ""
    project_id: str | None = None
    minutes: str = ""
    participant_ids: Sequence[str] = field(default_factory=tuple)
    # The version the values were read at (the view's ``version``): saving over a
    # newer one is refused (services.versions). None: no check (undo, imports).
    version: int | None = None

    @classmethod
    def from_view(cls, meeting: MeetingView) -> MeetingInput:
        return cls(
            meeting.title,
            meeting.meeting_date,
            meeting.kind,
            meeting.place,
            meeting.project_id,
            meeting.minutes,
            tuple(p.id for p in meeting.participants),
        )


@dataclass(frozen=True)
class InputData:
    text: str
    from_actor_id: str | None = None
    from_name: str = ""
    topic: str = ""
    project_ids: Sequence[str] = ()
    """The projects the input concerns (none, one or several)."""
    status: str = InputStatus.NEW
    answer: str = ""
    village: str = ""
    """The village the input concerns; empty: the meeting's place."""
    # The version the values were read at (the view's ``version``): saving over a
    # newer one is refused (services.versions). None: no check (undo, imports).
    version: int | None = None

    @classmethod
    def from_view(cls, item: InputItemView) -> InputData:
        return cls(
            item.text,
            item.from_actor_id,
            item.from_name,
            item.topic,
            item.project_ids,
            item.status,
            item.answer,
            item.village,
        )
