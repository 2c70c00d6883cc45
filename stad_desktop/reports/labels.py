"""Words the printouts derive from data: enum labels, periods, values."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from stad_desktop.format import format_date
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
        return tr._("{start} – {end}").format(
            start=format_date(start, tr, "long"), end=format_date(end, tr, "long")
        )
    if start:
        return tr._("From {start}").format(start=format_date(start, tr, "long"))
    if end:
        return tr._("Until {end}").format(end=format_date(end, tr, "long"))
    return tr._("Not set")
