"""The spreadsheet export: one table, or all of them, from the database into an XLSX
workbook or a CSV file (``stad-desktop export``, *File → Export …*).

The export only reads: the services it is given may be over a database opened
read-only (see ``storage.reading``). The target is checked first like every file
the program writes (``services.outputs``) and written whole or not at all
(``fileio.atomic_write``). The format follows the file name: ``.xlsx`` or ``.csv``.

Persons due for review (``services.personal_data``) are left out as the printouts
leave them out: their contact rows go, and their names as "from whom" on input and
"recorded by" on entries are left empty. A workbook then ends with a sheet that says
so, and :meth:`ExportResult.left_out_message` says it for the terminal or status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.fileio import atomic_write
from stad_desktop.language import N_, Message, Translator, plural_message
from stad_desktop.services import export_tables as t
from stad_desktop.services.outputs import OutputKind, OutputRefused, check_output
from stad_desktop.services.personal_data import is_due, person_key

if TYPE_CHECKING:
    from stad_desktop.services.facade import Services
    from stad_desktop.services.readmodels import (
        ActorDetail,
        EntryView,
        InputItemView,
        MeetingView,
        ProjectDetail,
    )

ALL = "all"
CHOICES = (*t.TABLES, ALL)
FORMATS: Mapping[str, OutputKind] = {".xlsx": OutputKind.XLSX, ".csv": OutputKind.CSV}

# "Exported 27 actors to aktørar.xlsx", per table (the count, the file's name).
_DONE: Mapping[str, Callable[[int, str], Message]] = {
    t.ACTORS: lambda n, f: plural_message(
        "Exported {count} actor to {file}",
        "Exported {count} actors to {file}",
        n,
        {"file": f},
    ),
    t.CONTACTS: lambda n, f: plural_message(
        "Exported {count} contact person to {file}",
        "Exported {count} contact persons to {file}",
        n,
        {"file": f},
    ),
    t.PROJECTS: lambda n, f: plural_message(
        "Exported {count} project to {file}",
        "Exported {count} projects to {file}",
        n,
        {"file": f},
    ),
    t.ROLES: lambda n, f: plural_message(
        "Exported {count} row of the role matrices to {file}",
        "Exported {count} rows of the role matrices to {file}",
        n,
        {"file": f},
    ),
    t.INDICATORS: lambda n, f: plural_message(
        "Exported {count} indicator to {file}",
        "Exported {count} indicators to {file}",
        n,
        {"file": f},
    ),
    t.ENTRIES: lambda n, f: plural_message(
        "Exported {count} effect entry to {file}",
        "Exported {count} effect entries to {file}",
        n,
        {"file": f},
    ),
    t.MEETINGS: lambda n, f: plural_message(
        "Exported {count} meeting to {file}",
        "Exported {count} meetings to {file}",
        n,
        {"file": f},
    ),
    t.INPUT: lambda n, f: plural_message(
        "Exported {count} input item to {file}",
        "Exported {count} input items to {file}",
        n,
        {"file": f},
    ),
    ALL: lambda n, f: plural_message(
        "Exported {count} table to {file}",
        "Exported {count} tables to {file}",
        n,
        {"file": f},
    ),
}


@dataclass(frozen=True)
class ExportResult:
    table: str
    path: Path
    rows: int
    """Rows written (without the header rows); for ``all``, in every sheet."""
    sheets: int
    left_out: int = 0
    """Persons left out because their personal data is due for review."""

    def left_out_message(self) -> Message | None:
        """The line that says persons were left out (None when none were)."""
        if not self.left_out:
            return None
        return left_out_message(self.left_out)

    def message(self, file: str | None = None) -> Message:
        """What was done, for the status bar or the terminal (``file``: how to name
        the file, by default its name)."""
        count = self.sheets if self.table == ALL else self.rows
        return _DONE[self.table](count, file or self.path.name)


def left_out_message(count: int) -> Message:
    return plural_message(
        "{count} person is left out: their personal data is due for review.",
        "{count} persons are left out: their personal data is due for review.",
        count,
    )


def output_kind(table: str, target: Path, database: Path | None) -> OutputKind:
    """The format ``target`` asks for; raises :class:`OutputRefused` when its name
    ends in neither .xlsx nor .csv, when all tables are asked for in a CSV file, or
    when ``target`` may not be written (see ``services.outputs``)."""
    if table not in CHOICES:
        raise ValueError(table)
    kind = FORMATS.get(target.suffix.lower())
    if kind is None:
        raise OutputRefused(
            N_("{path}: give a file name that ends in .xlsx or .csv; nothing has been written."),
            target,
        )
    if table == ALL and kind is OutputKind.CSV:
        raise OutputRefused(
            N_(
                "All tables go into one workbook with a sheet each: give a file name that "
                "ends in .xlsx instead of {path}."
            ),
            target,
        )
    check_output(target, database, kind)
    return kind


def export(
    services: Services,
    table: str,
    target: Path,
    *,
    lang: str,
    include_contacts: bool = False,
) -> ExportResult:
    """Write ``table`` (one of ``CHOICES``) into ``target`` in the language ``lang``.
    Raises :class:`OutputRefused` (nothing written) or ``OSError`` (the file as it was)."""
    kind = output_kind(table, target, services.db.path)
    tr = Translator(lang)
    left_out: set[str] = set()
    sheets = gather(services, table, tr, include_contacts=include_contacts, left_out=left_out)
    written = sheets
    if left_out and kind is OutputKind.XLSX:
        written = (*sheets, t.note_sheet(tr.render(left_out_message(len(left_out))), tr))
    with atomic_write(target) as handle:
        if kind is OutputKind.CSV:
            from stad_desktop.services.export_csv import write_csv

            write_csv(sheets[0], handle, lang)
        else:
            from stad_desktop.services.export_xlsx import write_xlsx

            write_xlsx(written, handle)
    rows = sum(len(sheet.rows) for sheet in sheets)
    return ExportResult(table, target, rows, len(sheets), len(left_out))


def gather(
    services: Services,
    table: str,
    tr: Translator,
    *,
    include_contacts: bool = False,
    left_out: set[str] | None = None,
) -> tuple[t.Sheet, ...]:
    """The sheets of ``table``: one, or for ``all`` one per table (the contact persons
    only with ``include_contacts``). Persons due for review are left out; their
    folded names are added to ``left_out``."""
    if table == ALL:
        keys = [key for key in t.TABLES if include_contacts or key != t.CONTACTS]
    else:
        keys = [table]
    personal = include_contacts or table == t.CONTACTS
    reader = _Reader(services, personal, set() if left_out is None else left_out)
    return tuple(_make(reader, key, tr, include_contacts) for key in keys)


class _Reader:
    """The read models of the tables, each read once however many sheets use it, and
    without the persons due for review (when personal data is exported at all)."""

    def __init__(self, services: Services, personal: bool, left_out: set[str]) -> None:
        self.services = services
        self._due = services.personal_data.due_keys() if personal else frozenset()
        self.left_out = left_out
        self._actors: tuple[ActorDetail, ...] | None = None
        self._projects: tuple[ProjectDetail, ...] | None = None
        self._meetings: tuple[MeetingView, ...] | None = None

    def shown(self, name: str) -> bool:
        """False for a person due for review (and counts them as left out)."""
        if name and is_due(name, self._due):
            self.left_out.add(person_key(name))
            return False
        return True

    def actors(self) -> tuple[ActorDetail, ...]:
        if self._actors is None:
            self._actors = tuple(
                replace(a, contacts=tuple(c for c in a.contacts if self.shown(c.name)))
                for a in self.services.actors.details()
            )
        return self._actors

    def entries(self) -> list[EntryView]:
        return [
            e if self.shown(e.recorded_by) else replace(e, recorded_by="")
            for e in self.services.effects.all_entries()
        ]

    def inputs(self) -> list[InputItemView]:
        return [
            i if self.shown(i.from_name) else replace(i, from_name="")
            for i in self.services.meetings.inputs()
        ]

    def projects(self) -> tuple[ProjectDetail, ...]:
        if self._projects is None:
            self._projects = self.services.projects.details()
        return self._projects

    def meetings(self) -> tuple[MeetingView, ...]:
        if self._meetings is None:
            self._meetings = self.services.meetings.list()
        return self._meetings

    def project_names(self) -> dict[str, str]:
        return {project.id: project.name for project in self.projects()}


def _make(reader: _Reader, key: str, tr: Translator, include_contacts: bool) -> t.Sheet:
    services = reader.services
    if key == t.ACTORS:
        return t.actors_sheet(reader.actors(), tr, include_contacts=include_contacts)
    if key == t.CONTACTS:
        return t.contacts_sheet(reader.actors(), tr)
    if key == t.PROJECTS:
        counts = {row.id: row.actor_count for row in services.projects.list(include_archived=True)}
        return t.projects_sheet(reader.projects(), counts, tr)
    if key == t.ROLES:
        matrices = [(p.name, services.roles.matrix(p.id)) for p in reader.projects()]
        return t.roles_sheet(matrices, tr)
    if key == t.INDICATORS:
        ids = [project.id for project in reader.projects()]
        by_project = services.effects.indicators_by_project(ids)
        indicators = [view for pid in ids for view in by_project[pid]]
        return t.indicators_sheet(indicators, reader.project_names(), tr)
    if key == t.ENTRIES:
        names = reader.project_names()
        order = {pid: index for index, pid in enumerate(names)}
        entries = sorted(reader.entries(), key=lambda e: order.get(e.project_id, len(order)))
        return t.entries_sheet(entries, names, tr, include_contacts=include_contacts)
    if key == t.MEETINGS:
        return t.meetings_sheet(reader.meetings(), tr, include_contacts=include_contacts)
    meetings = {meeting.id: meeting for meeting in reader.meetings()}
    actors = {actor.id: actor.name for actor in services.actors.refs(include_archived=True)}
    return t.input_sheet(
        reader.inputs(),
        meetings,
        reader.project_names(),
        actors,
        tr,
        include_contacts=include_contacts,
    )
