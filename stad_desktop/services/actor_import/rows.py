"""One row of a file as an actor: its cells read by the layout, checked with the same
rules as the actor dialog (``actors._clean``), and its problems named by the row
number and column the spreadsheet shows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from stad_desktop.language import LANGUAGES, N_, Message, Translator
from stad_desktop.model import Sector
from stad_desktop.model.enums import label
from stad_desktop.services.actor_import.layout import CONTACT_FIELDS, Layout, Target
from stad_desktop.services.actor_import.reading import Cell, SheetRow
from stad_desktop.services.actor_import.registers import sector_of_form
from stad_desktop.services.actors import ActorInput, ContactInput, _Clean, _clean
from stad_desktop.services.errors import ValidationError

REGISTER_CONTACT = 0  # the group of a register's own e-mail and phone


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: Message

    def render(self, tr: Translator) -> str:
        if self.column:
            return tr._("Row {row}, {column}: {problem}").format(
                row=self.row, column=self.column, problem=tr.render(self.message)
            )
        return tr._("Row {row}: {problem}").format(row=self.row, problem=tr.render(self.message))


@dataclass(frozen=True)
class ImportRow:
    """A row read: ``data`` as the actor dialog would get it, ``clean`` when it is
    valid (else ``problems``), ``given``: the fields the file gives a value for."""

    number: int
    data: ActorInput
    archived: bool | None
    given: frozenset[str]
    clean: _Clean | None
    problems: tuple[RowProblem, ...] = field(default=())


@lru_cache(maxsize=1)
def _sector_names() -> dict[str, Sector]:
    names: dict[str, Sector] = {}
    for lang in LANGUAGES:
        tr = Translator(lang)
        for sector in Sector:
            names[tr._(label(sector)).casefold()] = sector
    for sector in Sector:
        names[sector.value] = sector
    return names


@lru_cache(maxsize=1)
def _yes_no() -> dict[str, bool]:
    answers = {"true": True, "false": False, "1": True, "0": False, "x": True}
    for lang in LANGUAGES:
        tr = Translator(lang)
        answers[tr._("Yes").casefold()] = True
        answers[tr._("No").casefold()] = False
    answers.update({"ja": True, "nei": False, "yes": True, "no": False})
    return answers


def text(value: Cell) -> str:
    """A cell as text: whole numbers without ".0", texts stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_CONTACT_INDEX = re.compile(r"contacts\.(\d+)\.(\w+)$")


def read_row(row: SheetRow, layout: Layout) -> ImportRow:
    """``row`` read by ``layout`` and checked."""
    cells: dict[Target, Cell] = {}
    for index, target in layout.columns:
        if target in cells or index >= len(row.values):
            continue
        value = row.values[index]
        if value is not None and text(value):
            cells[target] = value
    values = {target.field: text(value) for target, value in cells.items() if not target.group}
    problems: list[RowProblem] = []

    sector = _sector(row, layout, cells, values, problems)
    archived: bool | None = None
    if "archived" in values:
        archived = _yes_no().get(values["archived"].casefold())
        if archived is None:
            problems.append(
                RowProblem(
                    row.number,
                    layout.column_name("archived"),
                    Message(N_("Write yes or no, not {value}."), {"value": values["archived"]}),
                )
            )
    contacts, sources = _contacts(cells, values)
    notes = values.get("notes", "")
    if "website" in values:
        notes = f"{notes}\n{values['website']}" if notes else values["website"]
    hours = cells.get(Target("hours_per_month"))
    data = ActorInput(
        name=values.get("name", ""),
        sector=sector.value if sector is not None else Sector.OTHER.value,
        org_number=values.get("org_number", ""),
        village=values.get("village", ""),
        wishes_to_contribute=values.get("wishes_to_contribute", ""),
        hours_per_month=hours if isinstance(hours, int | float) else text(hours) or None,
        notes=notes,
        contacts=tuple(contacts),
    )
    given = set(values) - {"website", "register_email", "register_phone", "org_form"}
    if "website" in values:
        given.add("notes")
    if sector is not None:
        given.add("sector")
    if contacts:
        given.add("contacts")
    clean = None
    try:
        clean = _clean(data)
    except ValidationError as exc:
        problems.append(RowProblem(row.number, _column_of(exc.field, layout, sources), exc.message))
    return ImportRow(
        row.number,
        data,
        archived,
        frozenset(given),
        clean if not problems else None,
        tuple(problems),
    )


def _sector(
    row: SheetRow,
    layout: Layout,
    cells: dict[Target, Cell],
    values: dict[str, str],
    problems: list[RowProblem],
) -> Sector | None:
    if "sector" in values:
        found = _sector_names().get(" ".join(values["sector"].split()).casefold())
        if found is None:
            problems.append(
                RowProblem(
                    row.number,
                    layout.column_name("sector"),
                    Message(N_("{value} is not a sector."), {"value": values["sector"]}),
                )
            )
        return found
    if "org_form" in values:
        inferred = sector_of_form(values["org_form"])
        if inferred is not None:
            return inferred
    default = layout.default_sector
    return Sector(default) if default is not None else None


def _contacts(
    cells: dict[Target, Cell], values: dict[str, str]
) -> tuple[list[ContactInput], list[int]]:
    """The contact persons of the row (numbered groups in order), and for each the
    group it came from. A register's own e-mail and phone make a contact under the
    organisation's name."""
    groups: dict[int, dict[str, str]] = {}
    for target, value in cells.items():
        if target.field in CONTACT_FIELDS and target.group:
            groups.setdefault(target.group, {})[target.field] = text(value)
    contacts: list[ContactInput] = []
    sources: list[int] = []
    if "register_email" in values or "register_phone" in values:
        contacts.append(
            ContactInput(
                values.get("name", ""),
                values.get("register_email", ""),
                values.get("register_phone", ""),
            )
        )
        sources.append(REGISTER_CONTACT)
    for group in sorted(groups):
        found = groups[group]
        contacts.append(
            ContactInput(
                found.get("contact_name", ""),
                found.get("contact_email", ""),
                found.get("contact_phone", ""),
            )
        )
        sources.append(group)
    return contacts, sources


def _column_of(field: str, layout: Layout, sources: list[int]) -> str:
    match = _CONTACT_INDEX.match(field)
    if match is None:
        return layout.column_name(field)
    index, part = int(match.group(1)), match.group(2)
    group = sources[index] if index < len(sources) else 0
    if group == REGISTER_CONTACT:
        register_field = {"email": "register_email", "phone": "register_phone"}.get(part, "name")
        return layout.column_name(register_field)
    return layout.column_name(f"contact_{part}", group)
