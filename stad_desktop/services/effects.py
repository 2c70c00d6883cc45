"""The effect log: indicators and dated effect entries (quantitative and qualitative)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from stad_desktop.language import N_, Message
from stad_desktop.model import Actor, Beneficiary, EffectEntry, EntryKind, Indicator, Project
from stad_desktop.services import effect_reads
from stad_desktop.services import validation as v
from stad_desktop.services.changes import Change
from stad_desktop.services.errors import NotFoundError, ValidationError
from stad_desktop.services.readmodels import EntryView, IndicatorView, MeasurementPoint
from stad_desktop.services.versions import check_version, saving, short_name
from stad_desktop.storage import Database


@dataclass(frozen=True)
class IndicatorInput:
    name: str
    unit: str = ""
    baseline_value: object = None
    baseline_date: object = None
    target_value: object = None
    target_date: object = None
    owner_id: str | None = None
    # The version the values were read at (the view's ``version``): saving over a
    # newer one is refused (services.versions). None: no check (undo, imports).
    version: int | None = None

    @classmethod
    def from_view(cls, ind: IndicatorView) -> IndicatorInput:
        return cls(
            ind.name,
            ind.unit,
            ind.baseline_value,
            ind.baseline_date,
            ind.target_value,
            ind.target_date,
            ind.owner_id,
        )


@dataclass(frozen=True)
class EntryInput:
    """An effect entry. With an indicator it is a measurement (``value`` required);
    without, it is qualitative (``text`` required)."""

    entry_date: object
    indicator_id: str | None = None
    value: object = None
    text: str = ""
    beneficiary: str | None = None
    source: str = ""
    recorded_by: str = ""
    # The version the values were read at (the view's ``version``): saving over a
    # newer one is refused (services.versions). None: no check (undo, imports).
    version: int | None = None

    @classmethod
    def from_view(cls, entry: EntryView) -> EntryInput:
        return cls(
            entry.entry_date,
            entry.indicator_id,
            entry.value,
            entry.text,
            entry.beneficiary,
            entry.source,
            entry.recorded_by,
        )


def _entry_name(data: EntryInput) -> str:
    """How an effect entry is named in a conflict: its text, else its date."""
    return short_name(data.text) or str(data.entry_date or "")


# The most points a chart of measurements gets: more than its width in pixels.
OUTLINE_POINTS = 1000


class EffectService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- indicators ---------------------------------------------------------------
    def add_indicator(self, project_id: str, data: IndicatorInput) -> Change[IndicatorView]:
        """A new indicator; undoing deletes it again."""
        with self._db.transaction() as session:
            if session.get(Project, project_id) is None:
                raise NotFoundError("project", project_id)
            indicator = Indicator(project_id=project_id)
            self._apply_indicator(session, indicator, data)
            position = session.scalar(
                select(func.max(Indicator.position)).where(Indicator.project_id == project_id)
            )
            indicator.position = (position or 0) + 1
            session.add(indicator)
            session.flush()
            view = self._indicator_views(session, [indicator.id])[0]
        return self._indicator_added(view)

    def update_indicator(self, indicator_id: str, data: IndicatorInput) -> Change[IndicatorView]:
        """Save new values; undoing puts back the values stored before."""
        with (
            saving(self._db, Indicator, indicator_id, data.name, data.version),
            self._db.transaction() as session,
        ):
            indicator = self._get_indicator(session, indicator_id)
            check_version(indicator.version, data.version, indicator.name)
            before = IndicatorInput.from_view(self._indicator_views(session, [indicator_id])[0])
            self._apply_indicator(session, indicator, data)
            session.flush()
            view = self._indicator_views(session, [indicator.id])[0]
        return Change(
            view,
            Message(N_("Edit indicator {name}"), {"name": view.name}),
            lambda: self.update_indicator(indicator_id, before),
        )

    def delete_indicator(
        self, indicator_id: str
    ) -> Change[tuple[IndicatorView, tuple[EntryView, ...]]]:
        """Delete an indicator and its measurements (the value); undoing puts them back."""
        with self._db.transaction() as session:
            indicator = self._get_indicator(session, indicator_id)
            view = self._indicator_views(session, [indicator_id])[0]
            entries = self._entry_views(session, EffectEntry.indicator_id == indicator_id)
            session.delete(indicator)
        return Change(
            (view, entries),
            Message(N_("Delete indicator {name}"), {"name": view.name}),
            lambda: self.restore_indicator(view, entries),
        )

    def restore_indicator(
        self, view: IndicatorView, entries: tuple[EntryView, ...]
    ) -> Change[IndicatorView]:
        """Put back an indicator deleted by :meth:`delete_indicator`, with its id and
        measurements; undoing deletes it again."""
        with self._db.transaction() as session:
            indicator = Indicator(id=view.id, project_id=view.project_id, position=view.position)
            self._apply_indicator(session, indicator, IndicatorInput.from_view(view))
            session.add(indicator)
            session.flush()
            for entry in entries:
                row = EffectEntry(id=entry.id, project_id=entry.project_id)
                self._apply_entry(session, row, EntryInput.from_view(entry))
                session.add(row)
            session.flush()
            restored = self._indicator_views(session, [indicator.id])[0]
        return self._indicator_added(restored)

    def _indicator_added(self, view: IndicatorView) -> Change[IndicatorView]:
        return Change(
            view,
            Message(N_("Add indicator {name}"), {"name": view.name}),
            lambda: self.delete_indicator(view.id),
        )

    def indicators(self, project_id: str) -> tuple[IndicatorView, ...]:
        with self._db.reading() as session:
            ids = list(
                session.scalars(
                    select(Indicator.id)
                    .where(Indicator.project_id == project_id)
                    .order_by(Indicator.position, Indicator.name)
                )
            )
            return self._indicator_views(session, ids)

    def indicators_by_project(
        self, project_ids: Sequence[str]
    ) -> dict[str, tuple[IndicatorView, ...]]:
        """The indicators of many projects in one reading (for the portfolio printout);
        every id given is a key, in the same order as :meth:`indicators`."""
        result: dict[str, list[IndicatorView]] = {pid: [] for pid in project_ids}
        with self._db.reading() as session:
            for start in range(0, len(project_ids), 500):
                chunk = list(project_ids[start : start + 500])
                ids = list(
                    session.scalars(
                        select(Indicator.id)
                        .where(Indicator.project_id.in_(chunk))
                        .order_by(Indicator.project_id, Indicator.position, Indicator.name)
                    )
                )
                for view in self._indicator_views(session, ids):
                    result[view.project_id].append(view)
        return {pid: tuple(views) for pid, views in result.items()}

    def indicator(self, indicator_id: str) -> IndicatorView:
        with self._db.reading() as session:
            self._get_indicator(session, indicator_id)
            return self._indicator_views(session, [indicator_id])[0]

    def measurements(self, indicator_id: str) -> tuple[MeasurementPoint, ...]:
        stmt = (
            select(EffectEntry.id, EffectEntry.entry_date, EffectEntry.value)
            .where(EffectEntry.indicator_id == indicator_id, EffectEntry.value.is_not(None))
            .order_by(EffectEntry.entry_date, EffectEntry.created_at)
        )
        with self._db.reading() as session:
            return tuple(
                MeasurementPoint(entry_id, when, float(value or 0.0))
                for entry_id, when, value in session.execute(stmt)
            )

    def measurement_outline(
        self, indicator_id: str, most: int = OUTLINE_POINTS
    ) -> tuple[MeasurementPoint, ...]:
        """:meth:`measurements` for a chart: all of them up to ``most``, else the
        lowest and highest value of each stretch of days (at most ``most`` points)."""
        with self._db.reading() as session:
            return effect_reads.measurement_outline(session, indicator_id, most)

    # --- entries ------------------------------------------------------------------
    def add_entry(
        self,
        project_id: str,
        data: EntryInput,
        entry_id: str | None = None,
        created_at: dt.datetime | None = None,
    ) -> Change[EntryView]:
        """A new effect entry (with ``entry_id`` and ``created_at`` when putting one
        back, so it keeps its place); undoing deletes it again."""
        with self._db.transaction() as session:
            if session.get(Project, project_id) is None:
                raise NotFoundError("project", project_id)
            entry = EffectEntry(project_id=project_id)
            if entry_id is not None:
                entry.id = entry_id
            if created_at is not None:
                entry.created_at = created_at
            self._apply_entry(session, entry, data)
            session.add(entry)
            session.flush()
            view = self._entry_views(session, EffectEntry.id == entry.id)[0]
        return Change(view, Message(N_("Add effect entry")), lambda: self.delete_entry(view.id))

    def update_entry(self, entry_id: str, data: EntryInput) -> Change[EntryView]:
        """Save new values; undoing puts back the values stored before."""
        name = _entry_name(data)
        with (
            saving(self._db, EffectEntry, entry_id, name, data.version),
            self._db.transaction() as session,
        ):
            entry = self._get_entry(session, entry_id)
            check_version(entry.version, data.version, name)
            before = EntryInput.from_view(self._entry_views(session, EffectEntry.id == entry_id)[0])
            self._apply_entry(session, entry, data)
            session.flush()
            view = self._entry_views(session, EffectEntry.id == entry.id)[0]
        return Change(
            view,
            Message(N_("Edit effect entry")),
            lambda: self.update_entry(entry_id, before),
        )

    def delete_entry(self, entry_id: str) -> Change[EntryView]:
        """Delete an effect entry (the value); undoing puts it back with its id."""
        with self._db.transaction() as session:
            entry = self._get_entry(session, entry_id)
            view = self._entry_views(session, EffectEntry.id == entry_id)[0]
            session.delete(entry)
        return Change(view, Message(N_("Delete effect entry")), lambda: self.restore_entry(view))

    def restore_entry(self, view: EntryView) -> Change[EntryView]:
        return self.add_entry(
            view.project_id,
            EntryInput.from_view(view),
            entry_id=view.id,
            created_at=view.created_at,
        )

    def entries(self, project_id: str, limit: int | None = None) -> tuple[EntryView, ...]:
        with self._db.reading() as session:
            return self._entry_views(session, EffectEntry.project_id == project_id, limit)

    def entry_count(self, project_id: str, indicator_id: str | None = None) -> int:
        """How many entries :meth:`entries` gives (only ``indicator_id``'s when given)."""
        with self._db.reading() as session:
            return effect_reads.entry_count(
                session, effect_reads.entry_filter(project_id, indicator_id)
            )

    def entry_page(
        self,
        project_id: str,
        indicator_id: str | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> tuple[EntryView, ...]:
        """Entries ``offset`` to ``offset + limit`` of :meth:`entries` (only
        ``indicator_id``'s when given), in the same order, sorted in SQL."""
        with self._db.reading() as session:
            return effect_reads.entry_views(
                session, effect_reads.entry_filter(project_id, indicator_id), limit, offset
            )

    def entry_position(
        self, entry_id: str, project_id: str, indicator_id: str | None = None
    ) -> int:
        """Where ``entry_id`` is in :meth:`entry_page`'s order (from 0), or -1 when
        it is not among those entries."""
        with self._db.reading() as session:
            return effect_reads.entry_position(
                session, entry_id, effect_reads.entry_filter(project_id, indicator_id)
            )

    def all_entries(self) -> tuple[EntryView, ...]:
        """Every effect entry of every project, newest first (for the export)."""
        with self._db.reading() as session:
            return self._entry_views(session, true())

    # --- helpers ------------------------------------------------------------------
    @staticmethod
    def _get_indicator(session: Session, indicator_id: str) -> Indicator:
        indicator = session.get(Indicator, indicator_id)
        if indicator is None:
            raise NotFoundError("indicator", indicator_id)
        return indicator

    @staticmethod
    def _get_entry(session: Session, entry_id: str) -> EffectEntry:
        entry = session.get(EffectEntry, entry_id)
        if entry is None:
            raise NotFoundError("entry", entry_id)
        return entry

    @staticmethod
    def _apply_indicator(session: Session, indicator: Indicator, data: IndicatorInput) -> None:
        check = v.Checks()  # every bad field at once
        name = check(v.required_text, "name", data.name)
        unit = check(v.optional_text, "unit", data.unit, 40)
        baseline_value = check(v.number, "baseline_value", data.baseline_value)
        baseline_date = check(v.date, "baseline_date", data.baseline_date)
        target_value = check(v.number, "target_value", data.target_value)
        target_date = check(v.date, "target_date", data.target_date)
        if not check.failed("baseline_date", "target_date"):
            check(v.date_order, "baseline_date", baseline_date, "target_date", target_date)
        owner_id = data.owner_id or None
        if owner_id is not None and session.get(Actor, owner_id) is None:
            check.errors.append(
                ValidationError("owner_id", N_("Choose one of the values in the list."))
            )
        check.done()
        indicator.name = name
        indicator.unit = unit
        indicator.baseline_value = baseline_value
        indicator.baseline_date = baseline_date
        indicator.target_value = target_value
        indicator.target_date = target_date
        indicator.owner_id = owner_id

    @staticmethod
    def _apply_entry(session: Session, entry: EffectEntry, data: EntryInput) -> None:
        check = v.Checks()  # every bad field at once
        entry_date = check(v.date, "entry_date", data.entry_date, required=True)
        text = check(v.optional_text, "text", data.text)
        indicator_id = data.indicator_id or None
        value = None
        if indicator_id is not None:
            indicator = session.get(Indicator, indicator_id)
            if indicator is None or indicator.project_id != entry.project_id:
                check.errors.append(
                    ValidationError("indicator_id", N_("Choose one of the values in the list."))
                )
            value = check(v.number, "value", data.value, required=True)
        elif data.value is not None and not (
            isinstance(data.value, str) and not data.value.strip()
        ):
            check.errors.append(
                ValidationError("indicator_id", N_("Choose the indicator the value measures."))
            )
        elif not text and not check.failed("text"):
            check.errors.append(
                ValidationError("text", N_("Describe the effect that was observed."))
            )
        beneficiary = (
            check(v.choice, "beneficiary", data.beneficiary, Beneficiary)
            if data.beneficiary
            else None
        )
        source = check(v.optional_text, "source", data.source)
        recorded_by = check(v.optional_text, "recorded_by", data.recorded_by, 200)
        check.done()
        assert entry_date is not None
        entry.entry_date = entry_date
        entry.kind = (
            EntryKind.QUANTITATIVE.value
            if indicator_id is not None
            else EntryKind.QUALITATIVE.value
        )
        entry.value = value
        entry.indicator_id = indicator_id
        entry.text = text
        entry.beneficiary = beneficiary.value if beneficiary is not None else None
        entry.source = source
        entry.recorded_by = recorded_by

    # The reads shared with the overview (services.effect_reads).
    _indicator_views = staticmethod(effect_reads.indicator_views)
    _entry_views = staticmethod(effect_reads.entry_views)
