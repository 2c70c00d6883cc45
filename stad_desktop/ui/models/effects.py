"""Table models for the effect log: a project's indicators (read-model rows shown
through the shared RowTableModel) and its dated entries (fetched a block at a time
through the WindowedTableModel)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject

from stad_desktop.format import format_date, format_number, format_percent
from stad_desktop.language import N_, _, current
from stad_desktop.model.enums import Beneficiary, EntryKind, label
from stad_desktop.services.readmodels import EntryView, IndicatorView
from stad_desktop.ui.models.rows import Column, RowTableModel
from stad_desktop.ui.models.windowed import WindowedTableModel


def value_with_date(value: float | None, when: dt.date | None) -> str:
    if value is None:
        return ""
    if when is None:
        return format_number(value, current())
    return _("{value} ({date})").format(
        value=format_number(value, current()), date=format_date(when, current())
    )


def _progress(ind: IndicatorView) -> str:
    return format_percent(ind.progress, current())


def _progress_tip(ind: IndicatorView) -> str:
    if ind.progress is None:
        return _("No measurement or no target value yet")
    return _("{percent} of the way from the baseline to the target value").format(
        percent=_progress(ind)
    )


INDICATOR_COLUMNS: tuple[Column[IndicatorView], ...] = (
    Column("", N_("Indicator"), lambda i: i.name, tooltip=lambda i: i.name),
    Column("", N_("Unit"), lambda i: i.unit),
    Column("", N_("Latest value"), lambda i: value_with_date(i.latest_value, i.latest_date), True),
    Column("", N_("Progress"), _progress, True, _progress_tip),
    Column("", N_("Baseline"), lambda i: value_with_date(i.baseline_value, i.baseline_date), True),
    Column("", N_("Target value"), lambda i: value_with_date(i.target_value, i.target_date), True),
    Column("", N_("Owner"), lambda i: i.owner_name, tooltip=lambda i: i.owner_name),
)


def _entry_text(e: EntryView) -> str:
    if e.indicator_id and e.text:
        return f"{e.indicator_name}: {e.text}"
    return e.indicator_name if e.indicator_id else e.text


def _beneficiary(e: EntryView) -> str:
    return _(label(Beneficiary(e.beneficiary))) if e.beneficiary else ""


ENTRY_COLUMNS: tuple[Column[EntryView], ...] = (
    Column("", N_("Date"), lambda e: format_date(e.entry_date, current())),
    Column("", N_("Kind"), lambda e: _(label(EntryKind(e.kind)))),
    Column("", N_("Observed"), _entry_text, tooltip=_entry_text),
    Column("", N_("Value"), lambda e: format_number(e.value, current()), True),
    Column("", N_("For whom"), _beneficiary),
    Column("", N_("Source"), lambda e: e.source, tooltip=lambda e: e.source),
    Column("", N_("Recorded by"), lambda e: e.recorded_by),
)


class IndicatorTableModel(RowTableModel[IndicatorView]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(INDICATOR_COLUMNS, parent)


class EntryTableModel(WindowedTableModel[EntryView]):
    """The entries of a project (or of one indicator), a block at a time: a busy
    project has tens of thousands."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ENTRY_COLUMNS, parent)
