"""Words the printouts derive from data: enum labels, periods, values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from stad_desktop.language import Translator
from stad_desktop.model import Sector
from stad_desktop.model.enums import label


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
    """An amount in kroner, without øre when it is whole: ``1 250 000 kr``, but
    ``1 234,50 kr`` (``Translator.format_nok`` always shows the øre)."""
    if value is None:
        return ""
    try:
        whole = Decimal(str(value)) % 1 == 0
    except InvalidOperation:
        whole = False
    if not whole:
        return tr.format_nok(value)
    from babel import Locale
    from babel.numbers import format_currency

    pattern = Locale.parse(tr.locale).currency_formats["standard"].pattern.replace(".00", "")
    return str(
        format_currency(value, "NOK", format=pattern, currency_digits=False, locale=tr.locale)
    )
