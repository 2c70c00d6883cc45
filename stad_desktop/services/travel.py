"""Travel copies: the agreed interface the user interface is written against.

A placeholder until the merge engine lands; every call that would read or write a
travel copy says so with :class:`TravelRefused`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from stad_desktop.language import N_, Message

Side = Literal["office", "travel"]


class TravelRefused(Exception):
    """A travel copy that cannot be taken or brought home; nothing was changed."""

    def __init__(self, message: str, **params: object) -> None:
        self.message = Message(message, params)
        super().__init__(message)


@dataclass(frozen=True)
class TravelInfo:
    copy_id: str
    office_id: str
    office_name: str
    taken_at: dt.datetime
    program_version: str


@dataclass(frozen=True)
class FieldConflict:
    key: str
    table: str
    record_id: str
    record_label: str
    field: str
    field_label: Message
    base: str
    office: str
    travel: str


@dataclass(frozen=True)
class MergeSummary:
    added: int
    changed: int
    merged: int
    conflicts: int
    resolved_office: int
    resolved_travel: int


@dataclass(frozen=True)
class MergePlan:
    info: TravelInfo
    summary: MergeSummary
    conflicts: tuple[FieldConflict, ...]


@dataclass(frozen=True)
class MergeLoser:
    """A value that lost a conflict, kept in the merge record."""

    table: str
    record_id: str
    record_label: str
    field: str
    field_label: Message
    kept: str
    lost: str
    kept_side: Side


@dataclass(frozen=True)
class MergeRecordView:
    id: str
    merged_at: dt.datetime
    copy_id: str
    summary: MergeSummary
    losers: tuple[MergeLoser, ...]


class TravelService:
    def __init__(self, db: object) -> None:
        self.db = db

    def info(self) -> TravelInfo | None:
        return None

    def take(self, output: Path) -> TravelInfo:
        raise TravelRefused(N_("Travel copies are not available yet."))

    def plan(self, trip: Path) -> MergePlan:
        raise TravelRefused(N_("Travel copies are not available yet."))

    def bring_home(
        self,
        trip: Path,
        choices: Mapping[str, Side] | None = None,
        prefer: Side | None = None,
    ) -> MergeSummary:
        raise TravelRefused(N_("Travel copies are not available yet."))

    def merges(self) -> tuple[MergeRecordView, ...]:
        return ()
