"""Near-identical names: "Selje Grendalag" and "Selje grendalag", "Eid IL" and "Eid
idrettslag", "Stad Hotell AS" and "Stad Hotell". They are flagged for the user to
decide, never merged on their own.

Names are compared by a key (case folded, punctuation and legal-form suffixes
left out, common abbreviations written out). Equal keys are near-identical; so are
keys that rapidfuzz finds at least :data:`SIMILAR` alike, compared with their
neighbours in sorted order (forwards and backwards), which finds typing slips in
any part of a name without comparing every name with every other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

SIMILAR = 90.0
_WINDOW = 3
_WORDS = re.compile(r"[^\W_]+")
_NUMBERS = re.compile(r"\d+")
_ABBREVIATIONS = {
    "il": "idrettslag",
    "fk": "fotballklubb",
    "ik": "idrettsklubb",
    "sk": "sportsklubb",
    "ul": "ungdomslag",
    "bl": "bondelag",
    "sl": "skyttarlag",
    "hl": "helselag",
    "mk": "musikkorps",
}
_LEGAL_FORMS = frozenset({"as", "asa", "sa", "ba", "da", "ans", "enk", "nuf", "ks"})


def name_key(name: str) -> str:
    """``name`` as compared for near-identical names."""
    words = [_ABBREVIATIONS.get(w, w) for w in _WORDS.findall(name.casefold())]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class Named:
    """A name to compare: ``ref`` says whose it is (an actor id or a row number);
    ``org_number``: two names that both have (different) organisation numbers are
    different organisations, however alike."""

    key: str
    ref: object
    org_number: str | None
    existing: bool  # an actor already stored (else a row of the file)
    order: int = 0  # the row's place in the file (existing actors come first)


def near_pairs(names: Sequence[Named]) -> dict[object, Named]:
    """For each new name (a row) that is near-identical to an existing actor or an
    earlier row, the other one (an existing actor preferred)."""
    from rapidfuzz import fuzz

    found: dict[object, Named] = {}

    def consider(a: Named, b: Named) -> None:
        if a.existing and b.existing:
            return
        if a.org_number and b.org_number:
            return
        # the later row is flagged; against an existing actor, the row
        row, other = (b, a) if (a.existing or (not b.existing and a.order < b.order)) else (a, b)
        if row.existing:
            return
        held = found.get(row.ref)
        if held is None or (other.existing and not held.existing):
            found[row.ref] = other

    by_key: dict[str, list[Named]] = {}
    for item in names:
        by_key.setdefault(item.key, []).append(item)
    for group in by_key.values():
        if len(group) > 1:
            first_existing = [g for g in group if g.existing]
            rows = sorted((g for g in group if not g.existing), key=lambda g: g.order)
            for index, row in enumerate(rows):
                for other in [*first_existing, *rows[:index]]:
                    consider(other, row)
    keys = list(by_key)
    for ordering in (sorted(keys), sorted(keys, key=lambda k: k[::-1])):
        for index, key in enumerate(ordering):
            for neighbour in ordering[index + 1 : index + 1 + _WINDOW]:
                # "Bygg 1 AS" and "Bygg 2 AS" are two companies, however alike
                if _NUMBERS.findall(key) != _NUMBERS.findall(neighbour):
                    continue
                if fuzz.ratio(key, neighbour, score_cutoff=SIMILAR):
                    for a in by_key[key]:
                        for b in by_key[neighbour]:
                            consider(a, b)
    return found
