"""Which column of a file holds what: the program's own actors sheet (its headers in
Nynorsk, Bokmål or English, see ``sheet_columns``), a register download (see
``registers``), or a mapping the user made for any other layout.

A :class:`Layout` maps column indexes to :class:`Target` fields. Contact fields are
numbered (contact person 1, 2, …).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from stad_desktop.language import LANGUAGES, N_, Translator
from stad_desktop.services.actor_import.registers import (
    FRIVILLIGHETSREGISTERET,
    REGISTER_COLUMNS,
    normalise_header,
    register_source,
)
from stad_desktop.services.sheet_columns import ACTOR_COLUMNS, CONTACT_COLUMNS

OWN_LAYOUT = "own"
MAPPED = "mapped"
CONTACT_FIELDS = tuple(column.key for column in CONTACT_COLUMNS)

# The fields a column can be mapped to, with their names as the mapping dialog
# shows them (the contact fields are numbered: group 1, 2, 3).
FIELD_LABELS: dict[str, str] = {
    **{column.key: column.header for column in ACTOR_COLUMNS},
    "org_form": N_("Organisation form"),
    "website": N_("Website"),
}
MAPPABLE_CONTACT_GROUPS = 3


@dataclass(frozen=True)
class Target:
    """What a column holds: ``field``, and for contact fields the ``group``."""

    field: str
    group: int = 0

    def label(self, tr: Translator) -> str:
        if self.field in CONTACT_FIELDS:
            header = next(c.header for c in CONTACT_COLUMNS if c.key == self.field)
            return tr._(header).format(number=self.group)
        return tr._(FIELD_LABELS[self.field])


def mappable_targets() -> tuple[Target, ...]:
    """Every field a column may be mapped to in the mapping dialog."""
    plain = tuple(Target(key) for key in FIELD_LABELS)
    contacts = tuple(
        Target(key, group)
        for group in range(1, MAPPABLE_CONTACT_GROUPS + 1)
        for key in CONTACT_FIELDS
    )
    return plain + contacts


@dataclass(frozen=True)
class Layout:
    """``source``: OWN_LAYOUT, MAPPED or a register's name; ``columns``: column index
    → target, in order of priority (the first column with a value gives a field)."""

    source: str
    header: tuple[str, ...]
    columns: tuple[tuple[int, Target], ...]
    unknown: tuple[str, ...] = ()

    @property
    def default_sector(self) -> str | None:
        """The sector of rows that say nothing about it."""
        from stad_desktop.model import Sector

        return Sector.VOLUNTARY.value if self.source == FRIVILLIGHETSREGISTERET else None

    def column_name(self, field: str, group: int = 0) -> str:
        """The header of the column that gives ``field`` (for problems)."""
        for index, target in self.columns:
            if target == Target(field, group):
                return self.header[index]
        return ""

    def has(self, field: str) -> bool:
        return any(target.field == field for _index, target in self.columns)


@lru_cache(maxsize=1)
def _own_headers() -> tuple[dict[str, Target], tuple[tuple[re.Pattern[str], str], ...]]:
    """The own sheet's headers in every language (case folded) → target, and the
    numbered contact headers as patterns."""
    plain: dict[str, Target] = {}
    numbered: list[tuple[re.Pattern[str], str]] = []
    for lang in LANGUAGES:
        tr = Translator(lang)
        for column in ACTOR_COLUMNS:
            plain[tr._(column.header).casefold()] = Target(column.key)
        for column in CONTACT_COLUMNS:
            head, _sep, tail = tr._(column.header).casefold().partition("{number}")
            pattern = re.compile(re.escape(head) + r"\s*(\d+)" + re.escape(tail) + "$")
            numbered.append((pattern, column.key))
    return plain, tuple(numbered)


def _own_target(header: str) -> Target | None:
    plain, numbered = _own_headers()
    text = " ".join(header.split()).casefold()
    if text in plain:
        return plain[text]
    for pattern, key in numbered:
        match = pattern.match(text)
        if match is not None and int(match.group(1)) > 0:
            return Target(key, int(match.group(1)))
    return None


def recognise(header: Sequence[str]) -> Layout:
    """The layout of a file with this header row. Unknown columns are listed in
    ``unknown`` (a register download's other columns are simply not used)."""
    header = tuple(header)
    own = _own_layout(header)
    if not own.unknown and own.has("name"):
        return own
    normalised = [normalise_header(h) for h in header]
    source = register_source(set(normalised))
    if source is not None:
        columns = [
            (normalised.index(name), Target(field))
            for name, field in REGISTER_COLUMNS
            if name in normalised
        ]
        return Layout(source, header, tuple(columns))
    return own


def _own_layout(header: tuple[str, ...]) -> Layout:
    columns = []
    unknown = []
    for index, text in enumerate(header):
        if not text.strip():
            continue
        target = _own_target(text)
        if target is None:
            unknown.append(text)
        else:
            columns.append((index, target))
    return Layout(OWN_LAYOUT, header, tuple(columns), tuple(unknown))


def mapped_layout(header: Sequence[str], mapping: Mapping[int, Target | None]) -> Layout:
    """The layout the user made: column index → target (None: ignore)."""
    columns = tuple(
        (index, target) for index, target in sorted(mapping.items()) if target is not None
    )
    return Layout(MAPPED, tuple(header), columns)


def guess_mapping(layout: Layout) -> dict[int, Target | None]:
    """A starting point for the mapping dialog: the columns already recognised."""
    known = dict(layout.columns)
    return {index: known.get(index) for index in range(len(layout.header))}
