"""The actor list as a table model."""

from __future__ import annotations

from PySide6.QtCore import QObject

from stad_desktop.language import N_, _
from stad_desktop.model.enums import Sector, label
from stad_desktop.services.readmodels import ActorRow
from stad_desktop.ui.models.rows import Column, RowTableModel
from stad_desktop.ui.models.windowed import WindowedTableModel


def sector_text(value: str) -> str:
    try:
        return _(label(Sector(value)))
    except ValueError:
        return value


def org_number_text(value: str) -> str:
    """``964210019`` as ``964 210 019``."""
    if len(value) == 9 and value.isdigit():
        return f"{value[:3]} {value[3:6]} {value[6:]}"
    return value


ACTOR_COLUMNS: tuple[Column[ActorRow], ...] = (
    Column("name", N_("Name"), lambda r: r.name),
    Column("sector", N_("Sector"), lambda r: sector_text(r.sector)),
    Column("village", N_("Village"), lambda r: r.village),
    Column("org_number", N_("Organisation number"), lambda r: org_number_text(r.org_number)),
    Column("contact", N_("Contact person"), lambda r: r.contact),
    Column("project_count", N_("Projects"), lambda r: str(r.project_count), numeric=True),
)


class ActorTableModel(RowTableModel[ActorRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ACTOR_COLUMNS, parent)


class ActorWindowModel(WindowedTableModel[ActorRow]):
    """The actor list, fetched a block at a time (the register may be a county's)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ACTOR_COLUMNS, parent)
