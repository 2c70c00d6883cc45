"""Reading for the "what we heard" printouts: finding a meeting by its title, the
input heard at one meeting in context, and the villages input has come from.

A meeting is named on the command line by its id or its title (Unicode case
folded): the exact title first, else the one meeting whose title holds the text.
Input is read by :mod:`stad_desktop.services.input_reads`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from stad_desktop.language import N_, Message
from stad_desktop.model import InputItem, Meeting
from stad_desktop.services import input_reads as reads
from stad_desktop.services.errors import NotFoundError
from stad_desktop.services.readmodels import InputInContext, MeetingView
from stad_desktop.storage import Database
from stad_desktop.textkeys import clean_text, fold, has_broken_character


@dataclass(frozen=True)
class MeetingRef:
    id: str
    title: str
    meeting_date: dt.date


# An unknown village's message lists at most this many of the villages with input.
MAX_VILLAGES_SHOWN = 10


class HearingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def find_meeting(self, title_or_id: str) -> MeetingView:
        """A meeting by id or title; NotFoundError when none or more than one match
        (see :meth:`matching_meetings` for the ones that made it ambiguous)."""
        from stad_desktop.services.meetings import MeetingService

        meetings = MeetingService(self._db)
        if not has_broken_character(title_or_id):
            try:
                return meetings.get(title_or_id)
            except NotFoundError:
                pass
        wanted = fold(clean_text(title_or_id, multiline=False))
        candidates = self.matching_meetings(title_or_id, limit=None)
        exact = [ref for ref in candidates if fold(ref.title) == wanted]
        if len(exact) == 1:
            return meetings.get(exact[0].id)
        if len(candidates) == 1:
            return meetings.get(candidates[0].id)
        raise NotFoundError("meeting", title_or_id)

    def matching_meetings(self, text: str, limit: int | None = 10) -> tuple[MeetingRef, ...]:
        """The meetings whose title holds ``text`` (case folded), newest first, at
        most ``limit`` of them."""
        wanted = fold(clean_text(text, multiline=False))
        if not wanted or has_broken_character(text):
            return ()
        stmt = select(Meeting.id, Meeting.title, Meeting.meeting_date).order_by(
            Meeting.meeting_date.desc(), Meeting.title, Meeting.id
        )
        with self._db.reading() as session:
            found = [MeetingRef(*row) for row in session.execute(stmt) if wanted in fold(row.title)]
        return tuple(found if limit is None else found[:limit])

    def input_at_meeting(self, meeting_id: str) -> tuple[InputInContext, ...]:
        """The input heard at one meeting, in the order it was given."""
        with self._db.reading() as session:
            return reads.in_context(session, InputItem.meeting_id == meeting_id)

    def villages_with_input(self) -> tuple[str, ...]:
        """The villages input is about (its own village, else its meeting's place),
        each once, in the order of :meth:`MeetingService.villages`."""
        with self._db.reading() as session:
            about = {fold(entry.village) for entry in reads.in_context(session)}
            return tuple(name for name in reads.villages(session) if fold(name) in about)

    def unknown_village(self, name: str) -> Message:
        """The message for a village no input, meeting or actor names: which have input."""
        known = self.villages_with_input()
        if not known:
            return Message(
                N_("No village called “{name}” is known, and no input is registered."),
                {"name": name},
            )
        names = ", ".join(known[:MAX_VILLAGES_SHOWN])
        if len(known) > MAX_VILLAGES_SHOWN:
            names += ", …"
        return Message(
            N_("No village called “{name}” is known. Villages with input: {names}."),
            {"name": name, "names": names},
        )
