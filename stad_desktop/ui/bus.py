"""The app-wide change signal: after a change, the UI emits one signal and each
view refreshes what it shows (no polling)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# Kinds of data that change.
ACTORS = "actors"
PROJECTS = "projects"
ROLES = "roles"
MATRIX = "matrix"
EFFECTS = "effects"
CHECKLIST = "checklist"
MEETINGS = "meetings"
ALL = "all"


class DataBus(QObject):
    """``data_changed(kind, ids)``: ``kind`` is one of the constants above,
    ``ids`` a tuple of the ids concerned (may be empty: "anything of this kind")."""

    data_changed = Signal(str, object)
    language_changed = Signal(str)

    def changed(self, kind: str, *ids: str) -> None:
        self.data_changed.emit(kind, tuple(ids))
