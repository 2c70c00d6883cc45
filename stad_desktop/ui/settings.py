"""The program's QSettings (organisation "Stad", application "StadDesktop")."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "Stad"
APPLICATION = "StadDesktop"


def app_settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)
