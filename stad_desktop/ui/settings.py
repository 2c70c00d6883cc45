"""The program's QSettings (organisation "Stad", application "StadDesktop")."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "Stad"
APPLICATION = "StadDesktop"


def app_settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


LANGUAGE_KEY = "language"


def saved_language() -> str | None:
    """The language chosen under Settings → Language, if any (used when no --lang)."""
    from stad_desktop.language import LANGUAGES

    value = app_settings().value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language(lang: str) -> None:
    app_settings().setValue(LANGUAGE_KEY, lang)
