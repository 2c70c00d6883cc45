"""What an import would do, worked out before anything is stored: every row read and
checked, matched with the actors already stored (by organisation number, or by the
exact name for a row without one), near-identical names flagged, and what an
update would change."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from stad_desktop.language import N_
from stad_desktop.services.actor_import.layout import Layout
from stad_desktop.services.actor_import.near import Named, name_key, near_pairs
from stad_desktop.services.actor_import.reading import Cell, ImportRefused
from stad_desktop.services.actor_import.rows import ImportRow, RowProblem
from stad_desktop.services.actors import ActorInput, ContactInput, _clean
from stad_desktop.services.readmodels import ActorDetail

Progress = Callable[[int, int], object]  # rows read so far, about how many in all
PREVIEW_ROWS = 20
MAX_PROBLEMS = 20


class RowStatus(StrEnum):
    NEW = "new"  # added
    MATCHED = "matched"  # the same organisation number (or name) as a stored actor
    NEAR = "near"  # a name much like another: the user decides
    REPEATED = "repeated"  # the same actor as an earlier row of the file: skipped
    INVALID = "invalid"


class NearDecision(StrEnum):
    SKIP = "skip"
    ADD = "add"  # add as a new actor
    SAME = "same"  # the same as the stored actor it is like


class UnknownLayout(ImportRefused):
    """A layout the program does not know: the columns it does not know (or the
    missing name column), and the first rows, for a mapping made by the user."""

    def __init__(
        self,
        message: str,
        header: tuple[str, ...],
        preview: tuple[tuple[Cell, ...], ...],
        unknown: tuple[str, ...],
        **params: object,
    ) -> None:
        super().__init__(message, **params)
        self.header = header
        self.preview = preview
        self.unknown = unknown


@dataclass(frozen=True)
class Near:
    """The actor (``actor_id``) or earlier row (``row``) a row's name is much like."""

    name: str
    actor_id: str | None
    row: int | None


@dataclass(frozen=True)
class Update:
    """What ``--update`` changes in a matched actor."""

    actor_id: str
    before: ActorInput
    before_archived: bool
    after: ActorInput
    after_archived: bool


@dataclass(frozen=True)
class PlannedRow:
    row: ImportRow
    status: RowStatus
    match_id: str | None = None  # the stored actor matched
    match_name: str = ""
    update: Update | None = None  # None: nothing to change (or not matched)
    near: Near | None = None


@dataclass(frozen=True)
class Counts:
    added: int
    matched: int
    updated: int
    skipped: int


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    layout: Layout
    rows: tuple[PlannedRow, ...]

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        return tuple(p for planned in self.rows for p in planned.row.problems)

    @property
    def valid(self) -> bool:
        return not any(planned.status is RowStatus.INVALID for planned in self.rows)

    def counts(self, update: bool, decisions: Mapping[int, NearDecision] | None = None) -> Counts:
        decisions = decisions or {}
        added = matched = updated = skipped = 0
        for planned in self.rows:
            status = planned.status
            if status is RowStatus.NEAR:
                decision = decisions.get(planned.row.number, NearDecision.SKIP)
                if decision is NearDecision.ADD:
                    added += 1
                elif decision is NearDecision.SAME and planned.near and planned.near.actor_id:
                    matched += 1
                    updated += update
                else:
                    skipped += 1
            elif status is RowStatus.NEW:
                added += 1
            elif status is RowStatus.MATCHED:
                matched += 1
                updated += update and planned.update is not None
            elif status is RowStatus.REPEATED:
                skipped += 1
        return Counts(added, matched, updated, skipped)


def make_plan(
    path: Path,
    layout: Layout,
    rows: Iterable[ImportRow],
    stored: list[tuple[str, str, str | None]],
    details: Callable[[list[str]], dict[str, ActorDetail]],
) -> ImportPlan:
    """The plan for ``rows``; ``stored``: (id, name, organisation number) of every
    stored actor; ``details``: the stored actors with these ids."""
    by_org: dict[str, tuple[str, str]] = {}
    by_name: dict[str, str] = {}
    names: list[Named] = []
    for actor_id, name, org in stored:
        if org:
            by_org[org] = (actor_id, name)
        by_name.setdefault(name, actor_id)
        names.append(Named(name_key(name), actor_id, org, existing=True))
    seen_orgs: set[str] = set()
    seen_names: set[str] = set()
    planned: list[PlannedRow] = []
    for order, row in enumerate(rows):
        clean = row.clean
        if clean is None:
            planned.append(PlannedRow(row, RowStatus.INVALID))
            continue
        org = clean.org_number
        if (org and org in seen_orgs) or (not org and clean.name in seen_names):
            planned.append(PlannedRow(row, RowStatus.REPEATED))
        elif org and org in by_org:
            planned.append(PlannedRow(row, RowStatus.MATCHED, *by_org[org]))
        elif not org and clean.name in by_name:
            planned.append(PlannedRow(row, RowStatus.MATCHED, by_name[clean.name], clean.name))
        else:
            planned.append(PlannedRow(row, RowStatus.NEW))
            names.append(Named(name_key(clean.name), row.number, org, False, order + 1))
        if org:
            seen_orgs.add(org)
        else:
            seen_names.add(clean.name)
    if not planned:
        raise ImportRefused(N_("The file {file} has column names but no rows."), file=path.name)
    planned = _with_near(planned, near_pairs(names), {a: n for a, n, _o in stored})
    planned = _with_updates(planned, details)
    return ImportPlan(path, layout, tuple(planned))


def _with_near(
    planned: list[PlannedRow], pairs: Mapping[object, Named], stored_names: Mapping[str, str]
) -> list[PlannedRow]:
    if not pairs:
        return planned
    rows_by_number = {p.row.number: p for p in planned}
    result = []
    for item in planned:
        other = pairs.get(item.row.number) if item.status is RowStatus.NEW else None
        if other is None:
            result.append(item)
        elif other.existing:
            actor_id = str(other.ref)
            near = Near(stored_names.get(actor_id, ""), actor_id, None)
            result.append(replace(item, status=RowStatus.NEAR, near=near))
        else:
            number = int(str(other.ref))
            earlier = rows_by_number[number].row.data.name
            near = Near(earlier, None, number)
            result.append(replace(item, status=RowStatus.NEAR, near=near))
    return result


def _with_updates(
    planned: list[PlannedRow], details: Callable[[list[str]], dict[str, ActorDetail]]
) -> list[PlannedRow]:
    ids = [p.match_id for p in planned if p.status is RowStatus.MATCHED and p.match_id]
    if not ids:
        return planned
    stored = details(ids)
    result = []
    for item in planned:
        actor = stored.get(item.match_id or "")
        if item.status is RowStatus.MATCHED and actor is not None:
            item = replace(item, update=merged(actor, item.row))
        result.append(item)
    return result


def merged(actor: ActorDetail, row: ImportRow) -> Update | None:
    """What the row changes in ``actor``: empty fields filled, changed fields updated
    (only the fields the file gives); contact persons matched by name. None when
    nothing would change."""
    clean = row.clean
    assert clean is not None
    before = ActorInput.from_detail(actor)
    changes: dict[str, object] = {}
    for name in ("name", "village", "wishes_to_contribute", "notes", "hours_per_month"):
        if name in row.given and getattr(clean, name) != getattr(before, name):
            changes[name] = getattr(clean, name)
    if "org_number" in row.given and clean.org_number and clean.org_number != before.org_number:
        changes["org_number"] = clean.org_number
    if "sector" in row.given and clean.sector.value != before.sector:
        changes["sector"] = clean.sector.value
    website = row.data.notes.rsplit("\n", 1)[-1] if "website" in row.given else ""
    if website and website not in before.notes and "notes" not in row.given:
        changes["notes"] = f"{before.notes}\n{website}" if before.notes else website
    contacts = _merged_contacts(before.contacts, clean.contacts)
    if contacts != tuple(before.contacts):
        changes["contacts"] = contacts
    archived = actor.archived if row.archived is None else row.archived
    if not changes and archived == actor.archived:
        return None
    after = replace(before, **changes)  # type: ignore[arg-type]
    _clean(after)  # the merged actor passes the same checks
    return Update(actor.id, before, actor.archived, after, archived)


def _merged_contacts(
    stored: Iterable[ContactInput], incoming: Iterable[ContactInput]
) -> tuple[ContactInput, ...]:
    result = list(stored)
    for contact in incoming:
        index = next(
            (i for i, c in enumerate(result) if c.name.casefold() == contact.name.casefold()),
            None,
        )
        if index is None:
            result.append(contact)
            continue
        old = result[index]
        result[index] = ContactInput(
            old.name, contact.email or old.email, contact.phone or old.phone
        )
    return tuple(result)


def problem_lines(plan: ImportPlan) -> tuple[RowProblem, ...]:
    """The first problems of the file (as many as are listed)."""
    return plan.problems[:MAX_PROBLEMS]


def unknown_layout(layout: Layout, preview: tuple[tuple[Cell, ...], ...]) -> UnknownLayout:
    if layout.unknown:
        return UnknownLayout(
            N_(
                "The columns {columns} are not known: name them as in the program's export, "
                "or import the file in the window to map them."
            ),
            layout.header,
            preview,
            layout.unknown,
            columns=", ".join(f"«{name}»" for name in layout.unknown),
        )
    return UnknownLayout(
        N_("The file has no column with the name of the actor."),
        layout.header,
        preview,
        (),
    )
