"""Settings kept with the data, such as the municipality's name on printouts."""

from __future__ import annotations

from sqlalchemy import select

from stad_desktop.model import Setting
from stad_desktop.model.catalogue import DEFAULT_MUNICIPALITY
from stad_desktop.services import validation as v
from stad_desktop.storage import Database

MUNICIPALITY_NAME = "municipality_name"


class SettingsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: str = "") -> str:
        with self._db.reading() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == key))
        return default if value is None else value

    def set(self, key: str, value: str) -> None:
        with self._db.transaction() as session:
            setting = session.scalar(select(Setting).where(Setting.key == key))
            if setting is None:
                setting = Setting(key=key)
                session.add(setting)
            setting.value = value

    def municipality_name(self) -> str:
        return self.get(MUNICIPALITY_NAME, DEFAULT_MUNICIPALITY) or DEFAULT_MUNICIPALITY

    def set_municipality_name(self, name: str) -> None:
        self.set(MUNICIPALITY_NAME, v.required_text("municipality_name", name, 100))
