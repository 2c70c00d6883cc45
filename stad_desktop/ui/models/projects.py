"""The project list as a table model."""

from __future__ import annotations

from PySide6.QtCore import QObject

from stad_desktop.format import format_date
from stad_desktop.language import N_, _, current, ngettext
from stad_desktop.model.enums import Phase, label
from stad_desktop.services.readmodels import ProjectRow
from stad_desktop.ui.models.rows import Column
from stad_desktop.ui.models.windowed import WindowedTableModel


def phase_text(value: str) -> str:
    try:
        return _(label(Phase(value)))
    except ValueError:
        return value


def period_text(row: ProjectRow) -> str:
    start = format_date(row.start_date, current())
    end = format_date(row.end_date, current())
    if not start and not end:
        return ""
    return f"{start} – {end}"


def warnings_tip(row: ProjectRow) -> str:
    if not row.warning_count:
        return ""
    return ngettext(
        "{count} warning from the role matrix",
        "{count} warnings from the role matrix",
        row.warning_count,
    ).format(count=row.warning_count)


def checklist_text(row: ProjectRow) -> str:
    """The checklist's progress, "7/11"."""
    if not row.checklist_total:
        return ""
    return _("{done}/{total}").format(done=row.checklist_done, total=row.checklist_total)


def checklist_tip(row: ProjectRow) -> str:
    return _("{done} of {total} checklist points done").format(
        done=row.checklist_done, total=row.checklist_total
    )


def _count(value: int) -> str:
    return str(value) if value else ""


PROJECT_COLUMNS: tuple[Column[ProjectRow], ...] = (
    Column("name", N_("Name"), lambda r: r.name),
    Column("phase", N_("Phase"), lambda r: phase_text(r.phase)),
    Column("area", N_("Area"), lambda r: r.area),
    Column("owner", N_("Project owner"), lambda r: r.owner_name),
    Column("start_date", N_("Period"), period_text),
    Column("actor_count", N_("Actors"), lambda r: str(r.actor_count), numeric=True),
    Column("", N_("Warnings"), lambda r: _count(r.warning_count), numeric=True,
           tooltip=warnings_tip),
    Column("", N_("Checklist"), checklist_text, numeric=True, tooltip=checklist_tip),
)  # fmt: skip


class ProjectTableModel(WindowedTableModel[ProjectRow]):
    """The projects, fetched a block at a time (``set_source``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(PROJECT_COLUMNS, parent)
