"""Dialogs of the effect log: an indicator, an effect entry. Each calls the service
itself on Save, so a ValidationError is shown beside its field and the dialog stays
open with what the user typed; the view then pushes the undo command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from stad_desktop.format import format_date, format_number
from stad_desktop.language import _, current
from stad_desktop.model.enums import Beneficiary, label
from stad_desktop.services import EntryInput, IndicatorInput, Services
from stad_desktop.services.changes import Change
from stad_desktop.services.readmodels import EntryView, IndicatorView
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.widgets.date_field import DateField
from stad_desktop.ui.widgets.inline_form import FormDialog

RECORDED_BY_KEY = "effect_log/recorded_by"


def _number_text(value: float | None) -> str:
    # Without grouping, so the text reads back exactly ("1234,5").
    return format_number(value, current(), 6, grouping=False)


class IndicatorDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        project_id: str,
        indicator: IndicatorView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("Edit indicator") if indicator else _("New indicator")
        super().__init__(title, "indicator", parent)
        self._services = services
        self._project_id = project_id
        self._indicator = indicator
        self.name = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(_("e.g. visits, people, NOK"))
        self.baseline_value = QLineEdit(self)
        self.baseline_date = DateField(self)
        self.target_value = QLineEdit(self)
        self.target_date = DateField(self)
        for edit in (self.baseline_value, self.target_value):
            edit.setPlaceholderText(_("e.g. 1 234,5"))
        self.owner = QComboBox(self)
        self.owner.addItem(_("(no owner)"), None)
        project_actors = {a.id for a in services.roles.matrix(project_id).actors}
        refs = services.actors.refs()
        # The project's own actors first.
        for ref in sorted(refs, key=lambda r: r.id not in project_actors):
            self.owner.addItem(ref.name, ref.id)
        form = self.form
        form.add_row("name", _("&Name:"), self.name)
        form.add_row("unit", _("&Unit:"), self.unit)
        form.add_row("baseline_value", _("&Baseline:"), self.baseline_value)
        form.add_row("baseline_date", _("Baseline &date:"), self.baseline_date)
        form.add_row("target_value", _("&Target value:"), self.target_value)
        form.add_row("target_date", _("Target d&ate:"), self.target_date)
        form.add_row("owner_id", _("&Owner:"), self.owner)
        if indicator is not None:
            self.name.setText(indicator.name)
            self.unit.setText(indicator.unit)
            self.baseline_value.setText(_number_text(indicator.baseline_value))
            self.baseline_date.setText(format_date(indicator.baseline_date, current()))
            self.target_value.setText(_number_text(indicator.target_value))
            self.target_date.setText(format_date(indicator.target_date, current()))
            index = self.owner.findData(indicator.owner_id) if indicator.owner_id else 0
            if index < 0:  # an archived owner: kept, not silently dropped
                self.owner.addItem(indicator.owner_name, indicator.owner_id)
                index = self.owner.count() - 1
            self.owner.setCurrentIndex(index)
        self.submit = self._save
        self.resize(440, self.sizeHint().height())
        self.restore()

    def data(self) -> IndicatorInput:
        return IndicatorInput(
            name=self.name.text(),
            unit=self.unit.text(),
            baseline_value=self.baseline_value.text(),
            baseline_date=self.baseline_date.text(),
            target_value=self.target_value.text(),
            target_date=self.target_date.text(),
            owner_id=self.owner.currentData(),
            version=self._indicator.version if self._indicator is not None else None,
        )

    def _save(self) -> Change[IndicatorView]:
        if self._indicator is None:
            return self._services.effects.add_indicator(self._project_id, self.data())
        return self._services.effects.update_indicator(self._indicator.id, self.data())


class EntryDialog(FormDialog):
    """An effect entry: a measurement (with an indicator and a value) or a
    qualitative observation (text)."""

    def __init__(
        self,
        services: Services,
        project_id: str,
        indicators: Sequence[IndicatorView],
        entry: EntryView | None = None,
        indicator_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("Edit effect entry") if entry else _("New effect entry")
        super().__init__(title, "effect_entry", parent)
        self._services = services
        self._project_id = project_id
        self._entry = entry
        self.entry_date = DateField(self)
        self.entry_date.set_date(dt.date.today())
        self.indicator = QComboBox(self)
        self.indicator.addItem(_("(none: a qualitative observation)"), None)
        for ind in indicators:
            text = f"{ind.name} ({ind.unit})" if ind.unit else ind.name
            self.indicator.addItem(text, ind.id)
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(_("e.g. 1 234,5"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(100)
        self.beneficiary = QComboBox(self)
        self.beneficiary.addItem(_("(not given)"), None)
        for value in Beneficiary:
            self.beneficiary.addItem(_(label(value)), value.value)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(_("e.g. attendance list, survey, minutes"))
        self.recorded_by = QLineEdit(self)
        form = self.form
        form.add_row("entry_date", _("&Date:"), self.entry_date)
        form.add_row("indicator_id", _("&Indicator:"), self.indicator)
        form.add_row("value", _("&Value:"), self.value)
        form.add_row("text", _("&What was observed:"), self.text)
        form.add_row("beneficiary", _("&For whom:"), self.beneficiary)
        form.add_row("source", _("&Source:"), self.source)
        form.add_row("recorded_by", _("&Recorded by:"), self.recorded_by)
        if entry is not None:
            self.entry_date.set_date(entry.entry_date)
            self.indicator.setCurrentIndex(max(0, self.indicator.findData(entry.indicator_id)))
            self.value.setText(_number_text(entry.value))
            self.text.setPlainText(entry.text)
            if entry.beneficiary:
                self.beneficiary.setCurrentIndex(
                    max(0, self.beneficiary.findData(entry.beneficiary))
                )
            self.source.setText(entry.source)
            self.recorded_by.setText(entry.recorded_by)
        else:
            if indicator_id:
                self.indicator.setCurrentIndex(max(0, self.indicator.findData(indicator_id)))
            self.recorded_by.setText(str(app_settings().value(RECORDED_BY_KEY, "") or ""))
        self.submit = self._save
        self.resize(480, self.sizeHint().height())
        self.restore()

    def data(self) -> EntryInput:
        return EntryInput(
            entry_date=self.entry_date.text(),
            indicator_id=self.indicator.currentData(),
            value=self.value.text(),
            text=self.text.toPlainText(),
            beneficiary=self.beneficiary.currentData(),
            source=self.source.text(),
            recorded_by=self.recorded_by.text(),
            version=self._entry.version if self._entry is not None else None,
        )

    def _save(self) -> Change[EntryView]:
        data = self.data()
        if self._entry is None:
            result = self._services.effects.add_entry(self._project_id, data)
        else:
            result = self._services.effects.update_entry(self._entry.id, data)
        app_settings().setValue(RECORDED_BY_KEY, self.recorded_by.text().strip())
        return result
