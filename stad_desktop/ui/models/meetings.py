"""Table models for the meetings view: the meetings, and the input collected at the
selected meeting (read-model rows shown through the shared RowTableModel)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject

from stad_desktop.format import format_date
from stad_desktop.language import N_, _, current
from stad_desktop.model.enums import InputStatus, MeetingKind, label
from stad_desktop.services.readmodels import InputItemView, MeetingView
from stad_desktop.ui.models.rows import Column, RowTableModel
from stad_desktop.ui.models.windowed import WindowedTableModel


def kind_text(kind: str) -> str:
    return _(label(MeetingKind(kind)))


def status_text(status: str) -> str:
    return _(label(InputStatus(status)))


def one_line(text: str) -> str:
    """Text of several lines on one table row."""
    return " ".join(text.split())


def _participants_tip(m: MeetingView) -> str:
    return ", ".join(p.name for p in m.participants)


MEETING_COLUMNS: tuple[Column[MeetingView], ...] = (
    Column("", N_("Date"), lambda m: format_date(m.meeting_date, current())),
    Column("", N_("Title"), lambda m: m.title, tooltip=lambda m: m.title),
    Column("", N_("Kind"), lambda m: kind_text(m.kind)),
    Column("", N_("Place"), lambda m: m.place, tooltip=lambda m: m.place),
    Column("", N_("Project"), lambda m: m.project_name, tooltip=lambda m: m.project_name),
    Column("", N_("Participants"), lambda m: str(len(m.participants)), True, _participants_tip),
    Column("", N_("Input"), lambda m: str(m.input_count), True),
)
MEETING_TITLE_COLUMN = 1


@dataclass(frozen=True)
class InputRow:
    """An input item with the names it refers to (the actor or free-text name it
    came from, and its project)."""

    item: InputItemView
    source: str
    project_name: str

    @property
    def id(self) -> str:
        return self.item.id


def input_rows(
    items: Sequence[InputItemView],
    actor_names: Mapping[str, str],
    project_names: Mapping[str, str],
) -> list[InputRow]:
    rows = []
    for item in items:
        actor = actor_names.get(item.from_actor_id or "", "")
        if actor and item.from_name:
            source = f"{actor} ({item.from_name})"
        else:
            source = actor or item.from_name
        names = ", ".join(project_names.get(p, "") for p in item.project_ids)
        rows.append(InputRow(item, source, names))
    return rows


INPUT_COLUMNS: tuple[Column[InputRow], ...] = (
    Column("", N_("Input"), lambda r: one_line(r.item.text), tooltip=lambda r: r.item.text),
    Column("", N_("From"), lambda r: r.source, tooltip=lambda r: r.source),
    Column("", N_("Topic"), lambda r: r.item.topic),
    Column("", N_("Village"), lambda r: r.item.village),
    Column("", N_("Project"), lambda r: r.project_name, tooltip=lambda r: r.project_name),
    Column("", N_("Status"), lambda r: status_text(r.item.status)),
    Column("", N_("Answer"), lambda r: one_line(r.item.answer), tooltip=lambda r: r.item.answer),
)
INPUT_TEXT_COLUMN = 0


class MeetingTableModel(WindowedTableModel[MeetingView]):
    """The meetings, fetched a block at a time (``set_source``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(MEETING_COLUMNS, parent)


class InputTableModel(RowTableModel[InputRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(INPUT_COLUMNS, parent)
