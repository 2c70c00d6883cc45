"""Table models of input shown with where and when it was given: a project's
input, an actor's input, and the answer backlog."""

from __future__ import annotations

from PySide6.QtCore import QObject

from stad_desktop.format import format_date
from stad_desktop.language import N_, current
from stad_desktop.services.readmodels import InputInContext
from stad_desktop.ui.models.meetings import one_line, status_text
from stad_desktop.ui.models.rows import Column, RowTableModel


def _date(e: InputInContext) -> str:
    return format_date(e.meeting_date, current())


def _meeting(e: InputInContext) -> str:
    return f"{e.meeting_title} ({e.meeting_place})" if e.meeting_place else e.meeting_title


def _projects(e: InputInContext) -> str:
    return ", ".join(p.name for p in e.projects)


_TEXT: Column[InputInContext] = Column(
    "", N_("Input"), lambda e: one_line(e.item.text), tooltip=lambda e: e.item.text
)
_DATE: Column[InputInContext] = Column("", N_("Date"), _date)
_MEETING: Column[InputInContext] = Column("", N_("Meeting"), _meeting, tooltip=_meeting)
_VILLAGE: Column[InputInContext] = Column(
    "", N_("Village"), lambda e: e.village, tooltip=lambda e: e.village
)
_FROM: Column[InputInContext] = Column(
    "", N_("From"), lambda e: e.source, tooltip=lambda e: e.source
)
_STATUS: Column[InputInContext] = Column("", N_("Status"), lambda e: status_text(e.item.status))
_ANSWER: Column[InputInContext] = Column(
    "", N_("Answer"), lambda e: one_line(e.item.answer), tooltip=lambda e: e.item.answer
)
_PROJECTS: Column[InputInContext] = Column("", N_("Projects"), _projects, tooltip=_projects)

# The input of a project, and the input an actor gave (text first: it takes the rest).
PROJECT_INPUT_COLUMNS = (_TEXT, _DATE, _MEETING, _VILLAGE, _FROM, _STATUS, _ANSWER)
ACTOR_INPUT_COLUMNS = (_TEXT, _DATE, _MEETING, _VILLAGE, _PROJECTS, _STATUS, _ANSWER)
BACKLOG_COLUMNS = (_TEXT, _DATE, _VILLAGE, _STATUS)


class InputContextModel(RowTableModel[InputInContext]):
    def __init__(
        self, columns: tuple[Column[InputInContext], ...], parent: QObject | None = None
    ) -> None:
        super().__init__(columns, parent)
