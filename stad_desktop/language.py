"""Translations and Norwegian formatting.

Strings are marked with ``_()`` / ``ngettext()`` / ``N_()`` from this module and
translated with gettext catalogs compiled from ``i18n/``. A :class:`Translator`
carries one language and Babel formatting. The user interface holds the
module-level current translator (see :func:`set_language`); a report is given its
own, so a Bokmål printout can be made from a Nynorsk screen.
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from stad_desktop import paths

DOMAIN = "stad_desktop"
LANGUAGES = ("nn", "nb", "en")
DEFAULT_LANGUAGE = "nn"
LANGUAGE_NAMES = {"nn": "Nynorsk", "nb": "Bokmål", "en": "English"}
_LOCALES = {"nn": "nn_NO", "nb": "nb_NO", "en": "en_GB"}


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is shown."""
    return message


@dataclass(frozen=True)
class Localized:
    """A text that data carries in all three languages (role and checklist names)."""

    nn: str
    nb: str
    en: str

    def get(self, lang: str) -> str:
        return str(getattr(self, lang if lang in LANGUAGES else DEFAULT_LANGUAGE))

    def in_sentence(self) -> Localized:
        """The texts as they are written inside a sentence: a name that starts with a
        capital letter followed by small ones starts with a small letter ("ingen
        finansiør"); names such as "NAV-kontakt" are left as they are."""
        return Localized(*(lower_first(text) for text in (self.nn, self.nb, self.en)))


def lower_first(text: str) -> str:
    """``text`` with its first letter made small, unless the word it starts is written
    in capitals (an abbreviation) or is a single letter."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and not word[1].isupper():
        return text[0].lower() + text[1:]
    return text


@dataclass(frozen=True)
class Message:
    """A translatable message with named placeholders, rendered late in a language."""

    msgid: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, tr: Translator | None = None) -> str:
        return (tr or current()).render(self)

    def __str__(self) -> str:
        return self.render()


@lru_cache(maxsize=8)
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, localedir=str(paths.i18n_dir()), languages=[lang], fallback=True
    )


def catalog_available(lang: str) -> bool:
    return type(_catalog(lang)) is not gettext.NullTranslations


class Translator:
    """One language: gettext lookups plus Babel dates, numbers and NOK."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang
        self.locale = _LOCALES[lang]
        self._cat = _catalog(lang)

    # --- text -------------------------------------------------------------------
    def _(self, message: str) -> str:
        return self._cat.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._cat.ngettext(singular, plural, n)

    def render(self, message: Message | str) -> str:
        if isinstance(message, str):
            return self._(message)
        params = {key: self._param(value) for key, value in message.params.items()}
        return self._(message.msgid).format(**params)

    def _param(self, value: object) -> object:
        if isinstance(value, Message):
            return self.render(value)
        if isinstance(value, Localized):
            return value.get(self.lang)
        if isinstance(value, dt.date):
            return self.format_date(value)
        if isinstance(value, Decimal):
            return self.format_number(value)
        return value

    # --- formatting ----------------------------------------------------------------
    def format_date(self, value: dt.date | None, style: str = "long") -> str:
        """``26. november 2026`` (long) or ``26.11.2026`` (short)."""
        if value is None:
            return ""
        from babel.dates import format_date

        return str(format_date(value, style, locale=self.locale))

    def format_number(self, value: float | Decimal | int | None, digits: int = 2) -> str:
        if value is None:
            return ""
        from babel.numbers import format_decimal

        pattern = "#,##0." + "#" * digits if digits else "#,##0"
        return str(format_decimal(value, format=pattern, locale=self.locale))

    def format_nok(self, value: float | Decimal | int | None) -> str:
        if value is None:
            return ""
        from babel.numbers import format_currency

        return str(format_currency(value, "NOK", locale=self.locale))

    def format_percent(self, fraction: float | None) -> str:
        if fraction is None:
            return ""
        from babel.numbers import format_percent

        return str(format_percent(fraction, locale=self.locale))

    # --- parsing ------------------------------------------------------------------
    def parse_number(self, text: str) -> Decimal:
        """Accept ``1 234,5``, ``1234.5``, ``-3`` and NOK suffixes. Raises ValueError."""
        return parse_number(text, self.lang)

    def parse_date(self, text: str) -> dt.date:
        return parse_date(text)


_DOTTED_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_NUMBER_JUNK = re.compile(r"(?i)\s|\u00a0|\u202f|kr\.?|nok|%")


def parse_number(text: str, lang: str = DEFAULT_LANGUAGE) -> Decimal:
    """Parse a number typed the Norwegian way (or the English way). Raises ValueError."""
    cleaned = _NUMBER_JUNK.sub("", text.strip()).replace("\u2212", "-")
    if not cleaned:
        raise ValueError("empty")
    if lang in ("nn", "nb"):
        if "," in cleaned:
            cleaned = cleaned.replace(".", "").replace(",", ".")
        elif lang in ("nn", "nb") and _DOTTED_THOUSANDS.match(cleaned):
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


_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{2})$"), ("d", "m", "yy")),
)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "mai": 5, "may": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}  # fmt: skip


def parse_date(text: str) -> dt.date:
    """Accept ``26.11.2026``, ``26.11.26``, ``2026-11-26`` and ``26. november 2026``."""
    value = text.strip()
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts["y"] if "y" in parts else 2000 + parts["yy"]
            return dt.date(year, parts["m"], parts["d"])
    match = re.match(r"^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$", value.casefold())
    if match and match.group(2)[:3] in _MONTHS:
        return dt.date(int(match.group(3)), _MONTHS[match.group(2)[:3]], int(match.group(1)))
    raise ValueError(text)


# --- the user interface's current language --------------------------------------------
_current = Translator(DEFAULT_LANGUAGE)


def current() -> Translator:
    return _current


def set_language(lang: str) -> Translator:
    global _current
    _current = Translator(lang)
    return _current


def _(message: str) -> str:
    return _current._(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)
