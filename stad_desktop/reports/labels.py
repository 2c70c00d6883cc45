"""Words and numbers the printouts derive from data: enum labels, periods, amounts,
shares, and the order of names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from stad_desktop.language import Translator
from stad_desktop.model import Sector
from stad_desktop.model.enums import label
from stad_desktop.textkeys import sort_key

MINUS = "\u2212"


def real_minus(text: str) -> str:
    """A formatted number with the typographic minus sign (−) instead of a hyphen."""
    return text.replace("-", MINUS)


class PrintTranslator(Translator):
    """A translator for printouts: numbers, amounts and percentages with a real minus."""

    def format_number(self, value: float | Decimal | int | None, digits: int = 2) -> str:
        return real_minus(super().format_number(value, digits))

    def format_nok(self, value: float | Decimal | int | None) -> str:
        return real_minus(super().format_nok(value))

    def format_percent(self, fraction: float | None) -> str:
        return real_minus(super().format_percent(fraction))


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
        return tr._("{start} – {end}").format(start=tr.format_date(start), end=tr.format_date(end))
    if start:
        return tr._("From {start}").format(start=tr.format_date(start))
    if end:
        return tr._("Until {end}").format(end=tr.format_date(end))
    return tr._("Not set")


def nok_text(tr: Translator, value: float | Decimal | int | None) -> str:
    """An amount in kroner, without øre when it is whole: ``1 250 000 kr`` and
    ``NOK 1,250,000``, but ``1 234,50 kr`` (``Translator.format_nok`` always shows
    the øre). The minus sign is a real one."""
    if value is None:
        return ""
    try:
        whole = Decimal(str(value)) % 1 == 0
    except InvalidOperation:
        whole = False
    from babel import Locale
    from babel.numbers import format_currency

    pattern = Locale.parse(tr.locale).currency_formats["standard"].pattern
    if whole:
        pattern = pattern.replace(".00", "")
    # The currency code is a word of its own: "NOK 1,250,000", not "NOK1,250,000".
    pattern = re.sub(r"¤(?=[#0])", "¤\u00a0", pattern)
    return real_minus(
        str(
            format_currency(
                value, "NOK", format=pattern, currency_digits=not whole, locale=tr.locale
            )
        )
    )


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
