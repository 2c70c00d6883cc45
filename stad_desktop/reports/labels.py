"""Words and numbers the printouts derive from data: enum labels, periods, amounts,
shares, and the order of names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum

from stad_desktop.format import format_date
from stad_desktop.language import Translator
from stad_desktop.model import Sector
from stad_desktop.model.enums import label
from stad_desktop.textkeys import sort_key


class PrintTranslator(Translator):
    """A translator for printouts: :mod:`stad_desktop.format` writes its numbers,
    amounts and percentages with a real minus sign (−)."""

    real_minus = True


def sector_text(tr: Translator, value: str) -> str:
    return enum_text(tr, Sector, value)


def enum_text(tr: Translator, enum: type[StrEnum], value: str | None) -> str:
    """The translated label of a stored enum value (the value itself if unknown)."""
    if value is None:
        return ""
    try:
        return tr._(label(enum(value)))
    except (ValueError, KeyError):
        return value


def period_text(tr: Translator, start: dt.date | None, end: dt.date | None) -> str:
    """``1. mars 2025 – 31. desember 2027``, or an open-ended period."""
    if start and end:
        return tr._("{start} – {end}").format(
            start=format_date(start, tr, "long"), end=format_date(end, tr, "long")
        )
    if start:
        return tr._("From {start}").format(start=format_date(start, tr, "long"))
    if end:
        return tr._("Until {end}").format(end=format_date(end, tr, "long"))
    return tr._("Not set")


def whole_percentages(counts: Sequence[int]) -> list[int]:
    """Each count's share in whole percent, adding up to exactly 100 (largest
    remainder rounding); all zeros when there is nothing to share."""
    total = sum(counts)
    if total <= 0:
        return [0 for _ in counts]
    exact = [count * 100 / total for count in counts]
    result = [int(share) for share in exact]
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - result[i]), i))
    for index in order[: 100 - sum(result)]:
        result[index] += 1
    return result


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[str, int], ...]:
    """A Norwegian sort key in which numbers sort by value: "Tiltak 2" before
    "Tiltak 10"."""
    parts = _DIGITS.split(sort_key(text))
    return tuple(
        ("", int(part)) if index % 2 else (part, 0) for index, part in enumerate(parts) if part
    )
