"""Translations.

Strings are marked with ``_()`` / ``ngettext()`` / ``N_()`` from this module and
translated with gettext catalogs compiled from ``i18n/``. A :class:`Translator`
carries one language; :mod:`stad_desktop.format` writes dates and numbers in it.
The user interface holds the module-level current translator (see
:func:`set_language`); a report is given its own, so a Bokmål printout can be made
from a Nynorsk screen.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from stad_desktop import paths
from stad_desktop.format import format_date, format_number

DOMAIN = "stad_desktop"
LANGUAGES = ("nn", "nb", "en")
DEFAULT_LANGUAGE = "nn"
LANGUAGE_NAMES = {"nn": "Nynorsk", "nb": "Bokmål", "en": "English"}


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
    # The plural msgid: the form is chosen by ``params["count"]`` (see plural_message).
    plural: str | None = None

    def render(self, tr: Translator | None = None) -> str:
        return (tr or current()).render(self)

    def __str__(self) -> str:
        return self.render()


def plural_message(
    singular: str, plural: str, count: int, params: Mapping[str, object] | None = None
) -> Message:
    """A :class:`Message` with a singular and a plural form, chosen by ``count`` in
    the language it is rendered in (marked for extraction like ``ngettext``)."""
    return Message(singular, {**(params or {}), "count": count}, plural)


@lru_cache(maxsize=8)
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, localedir=str(paths.i18n_dir()), languages=[lang], fallback=True
    )


def catalog_available(lang: str) -> bool:
    return type(_catalog(lang)) is not gettext.NullTranslations


class Translator:
    """One language's gettext lookups. Dates and numbers are formatted by
    :mod:`stad_desktop.format`, which takes a Translator as the language."""

    # True for the printouts' translator: format.py then writes a real minus sign.
    real_minus = False

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang
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
        if message.plural is not None:
            count = message.params.get("count", 0)
            n = count if isinstance(count, int) else 0
            return self.ngettext(message.msgid, message.plural, n).format(**params)
        return self._(message.msgid).format(**params)

    def _param(self, value: object) -> object:
        if isinstance(value, Message):
            return self.render(value)
        if isinstance(value, Localized):
            return value.get(self.lang)
        if isinstance(value, dt.date):
            return format_date(value, self.lang, "long")
        if isinstance(value, Decimal):
            return format_number(value, self.lang)
        return value


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
