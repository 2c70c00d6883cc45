"""Dates, numbers and kroner as people read and type them, in each language.

The one place that formats or reads a date or a number for people: the table
models, the dialogs, the chart, the printouts and the command line all call these
functions, so one date looks the same everywhere in one language. Each takes the
language: a code (``"nn"``, ``"nb"``, ``"en"``) or a Translator.

- nn, nb: ``06.11.2026`` (short), ``6. november 2026`` (long), ``1 234,5``,
  ``1 250 000 kr``, ``45 %``;
- en: ``06/11/2026``, ``6 November 2026``, ``1,234.5``, ``NOK 1,250,000``, ``45%``.

A language object whose ``real_minus`` is true (the printouts' translator) gets
numbers, amounts and percentages with the typographic minus sign (``−5``) instead
of a hyphen; :func:`parse_number` reads both.

Short dates are for lists, tables, input fields and the chart; long dates for
running text (periods and "Printed …" in the printouts). Date input fields use
:func:`date_pattern`, a pattern Qt and Babel read alike, so a field shows a date
the way the lists do. Babel is imported when first needed, and its results are
cached: a list of thousands of rows repeats the same values.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal, Protocol

LOCALES = {"nn": "nn_NO", "nb": "nb_NO", "en": "en_GB"}
_DATE_SEPARATORS = {"nn": ".", "nb": ".", "en": "/"}
# Babel's own styles, plus abbreviated month and year ("nov. 2026") and the year
# alone ("2026") for chart axes.
_DATE_STYLES = {"long": "long", "month": "MMM y", "year": "y"}
MINUS = "\u2212"

DateStyle = Literal["short", "long", "month", "year"]
Number = float | Decimal | int


class HasLanguage(Protocol):
    """Anything that carries a language code, such as a Translator."""

    @property
    def lang(self) -> str: ...


Language = str | HasLanguage


def real_minus(text: str) -> str:
    """A formatted number with the typographic minus sign (−) instead of a hyphen."""
    return text.replace("-", MINUS)


def _signed(text: str, lang: Language) -> str:
    """``text`` with a real minus sign when ``lang`` asks for one (printouts)."""
    return real_minus(text) if getattr(lang, "real_minus", False) else text


def language_code(lang: Language) -> str:
    """``"nn"``, ``"nb"`` or ``"en"``; ValueError for a language without formats."""
    code = lang if isinstance(lang, str) else lang.lang
    if code not in LOCALES:
        raise ValueError(f"unknown language {code!r}")
    return code


# --- dates -------------------------------------------------------------------------------
def date_pattern(lang: Language) -> str:
    """The short date as a pattern that Qt (``QDateEdit.setDisplayFormat``,
    ``QDateTimeAxis.setFormat``) and Babel read alike: ``dd.MM.yyyy`` or ``dd/MM/yyyy``."""
    sep = _DATE_SEPARATORS[language_code(lang)]
    return f"dd{sep}MM{sep}yyyy"


def format_date(value: dt.date | None, lang: Language, style: DateStyle = "short") -> str:
    """``06.11.2026`` (short), ``6. november 2026`` (long), ``nov. 2026`` (month) or
    ``2026`` (year); English ``06/11/2026``, ``6 November 2026``, ``Nov 2026``.
    None is ``""``."""
    if value is None:
        return ""
    code = language_code(lang)
    if style == "short":
        sep = _DATE_SEPARATORS[code]
        return f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year:04d}"
    return _babel_date(value, LOCALES[code], _DATE_STYLES[style])


def format_datetime(value: dt.datetime | None, lang: Language) -> str:
    """The short date and the time of day: ``06.11.2026 14:05``."""
    if value is None:
        return ""
    return f"{format_date(value.date(), lang)} {value:%H:%M}"


@lru_cache(maxsize=4096)
def _babel_date(value: dt.date, locale: str, style: str) -> str:
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(value, style, locale=locale))


# --- numbers -----------------------------------------------------------------------------
def format_number(
    value: Number | None, lang: Language, digits: int = 2, *, grouping: bool = True
) -> str:
    """``1 234,5``: at most ``digits`` decimals, none shown when they are zero.
    Without ``grouping`` (``1234,5``), for input fields that read the text back."""
    if value is None:
        return ""
    pattern = ("#,##0" if grouping else "0") + ("." + "#" * digits if digits else "")
    return _signed(_babel_number(value, LOCALES[language_code(lang)], pattern), lang)


@lru_cache(maxsize=8192, typed=True)
def _babel_number(value: Number, locale: str, pattern: str) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=pattern, locale=locale))


def format_money(value: Number | None, lang: Language) -> str:
    """An amount in Norwegian kroner, without øre when it is whole: ``1 250 000 kr``
    and ``NOK 1,250,000``, but ``1 234,50 kr``. The currency code is a word of its
    own (``NOK 12.50``, not ``NOK12.50``)."""
    if value is None:
        return ""
    try:
        whole = Decimal(str(value)) % 1 == 0
    except InvalidOperation:
        whole = False
    return _signed(_babel_money(value, LOCALES[language_code(lang)], whole), lang)


@lru_cache(maxsize=1024, typed=True)
def _babel_money(value: Number, locale: str, whole: bool) -> str:
    from babel import Locale
    from babel.numbers import format_currency

    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    if whole:
        pattern = pattern.replace(".00", "")
    # The currency code is a word of its own: "NOK 1,250,000", not "NOK1,250,000".
    pattern = re.sub(r"¤(?=[#0])", "¤\u00a0", pattern)
    return str(
        format_currency(value, "NOK", format=pattern, currency_digits=not whole, locale=locale)
    )


def format_percent(fraction: float | None, lang: Language) -> str:
    """``45 %`` (English ``45%``) for 0.45."""
    if fraction is None:
        return ""
    from babel.numbers import format_percent as babel_format_percent

    return _signed(str(babel_format_percent(fraction, locale=LOCALES[language_code(lang)])), lang)


# --- reading what people type --------------------------------------------------------------
_DOTTED_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_NUMBER_JUNK = re.compile(r"(?i)\s|\u00a0|\u202f|kr\.?|nok|%")


def parse_number(text: str, lang: Language) -> Decimal:
    """Read a number the way ``lang`` writes it: ``1 234,5``, ``250.000`` and
    ``1 234,50 kr`` in Norwegian, ``1,234.5`` in English; ``-3`` and ``1234.5`` in
    both. Raises ValueError."""
    cleaned = _NUMBER_JUNK.sub("", text.strip()).replace("\u2212", "-")
    if not cleaned:
        raise ValueError("empty")
    if language_code(lang) in ("nn", "nb"):
        if "," in cleaned:
            cleaned = cleaned.replace(".", "").replace(",", ".")
        elif _DOTTED_THOUSANDS.match(cleaned):
            cleaned = cleaned.replace(".", "")  # "250.000" is 250 000 in Norwegian
    else:
        cleaned = cleaned.replace(",", "")
    if cleaned.endswith(".-"):
        cleaned = cleaned[:-2]
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{2})$"), ("d", "m", "yy")),
)
_LONG_DATE = re.compile(r"^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mai": 5, "may": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}  # fmt: skip


def parse_date(text: str, lang: Language) -> dt.date:
    """Read a date as :func:`format_date` writes it in ``lang`` (``26.11.2026``,
    ``26/11/2026``, ``26. november 2026``), or as ``26.11.26`` or ``2026-11-26``.
    Every language puts the day first (the English is British), and month names
    are read in Norwegian and English alike, so a date typed the other language's
    way is still understood. Raises ValueError."""
    value = text.strip()
    for pattern, order in _DATE_FORMS:
        match = pattern.match(value)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts["y"] if "y" in parts else 2000 + parts["yy"]
            return dt.date(year, parts["m"], parts["d"])
    match = _LONG_DATE.match(value.casefold())
    if match and match.group(2)[:3] in _MONTHS:
        return dt.date(int(match.group(3)), _MONTHS[match.group(2)[:3]], int(match.group(1)))
    raise ValueError(text)
