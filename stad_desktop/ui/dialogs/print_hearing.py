"""The print dialog's choices for the "what we heard" printouts: what we heard at one
meeting, the village overview and the blank input form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from stad_desktop.format import format_date
from stad_desktop.language import Translator, _, current
from stad_desktop.ui.dialogs.print_preview import settings_value
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.widgets.date_field import DateField

if TYPE_CHECKING:
    from stad_desktop.services import Services

MEETING = "meeting"
VILLAGE = "village"
INPUT_FORM = "input_form"
KINDS = (MEETING, VILLAGE, INPUT_FORM)
# The printouts that may hold personal data (and so offer "include contact persons").
WITH_CONTACTS = (MEETING, VILLAGE)


def kind_names() -> list[tuple[str, str]]:
    return [
        (_("What we heard at a meeting"), MEETING),
        (_("Village overview"), VILLAGE),
        (_("Blank input form"), INPUT_FORM),
    ]


class HearingChoices:
    """The meeting, grouping, village and date fields, as rows of ``form``."""

    def __init__(self, services: Services, form: QFormLayout, meeting_id: str | None) -> None:
        self.services = services
        self.meeting = QComboBox()
        for meeting in services.meetings.list():
            text = f"{format_date(meeting.meeting_date, current())} – {meeting.title}"
            self.meeting.addItem(text, meeting.id)
        self.group_by = QComboBox()
        self.group_by.addItem(_("By topic"), "topic")
        self.group_by.addItem(_("By project"), "project")
        self.village = QComboBox()
        self.village.setEditable(True)
        self.village.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name in self.villages():
            self.village.addItem(name)
        line = self.village.lineEdit()
        if line is not None:
            line.setMaxLength(200)
        self.date = DateField()
        self.date.line.setMaxLength(40)
        self.rows: dict[str, tuple[QWidget, ...]] = {
            MEETING: (self.meeting, self.group_by),
            VILLAGE: (self.village,),
            INPUT_FORM: (self.village, self.date),
        }
        form.addRow(_("Meeti&ng:"), self.meeting)
        form.addRow(_("Gr&oup the input:"), self.group_by)
        form.addRow(_("Villa&ge:"), self.village)
        form.addRow(_("&Date:"), self.date)
        for field in (self.meeting, self.group_by, self.village, self.date):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                field.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        self.form = form
        wanted = meeting_id or settings_value("meeting", "")
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(wanted)))
        group_by = settings_value("group_by", "topic")
        self.group_by.setCurrentIndex(max(0, self.group_by.findData(group_by)))

    def villages(self) -> tuple[str, ...]:
        """The villages input has come from, in name order."""
        return self.services.hearing.villages_with_input()

    def show_for(self, kind: str) -> bool:
        """Show the rows ``kind`` uses (hide the others); True when it can be printed."""
        wanted = self.rows.get(kind, ())
        for field in (self.meeting, self.group_by, self.village, self.date):
            self.form.setRowVisible(field, field in wanted)
            field.setEnabled(field in wanted)
        if kind == MEETING:
            return self.meeting.count() > 0
        if kind == VILLAGE:
            return bool(self.village_name())
        return True

    def village_name(self) -> str:
        return self.village.currentText().strip()

    def form_date(self) -> dt.date | None:
        """The date typed for the input form (None: left blank); ValidationError
        when it is not a date."""
        from stad_desktop.services import validation as v

        return v.date("date", self.date.text())

    def remember(self) -> None:
        settings = app_settings()
        settings.setValue("print/meeting", self.meeting.currentData() or "")
        settings.setValue("print/group_by", self.group_by.currentData() or "topic")

    def title(self, kind: str, tr: Translator) -> str:
        """The name of the printout, for its file."""
        if kind == MEETING:
            return tr._("What we heard") + " – " + self.meeting.currentText()
        if kind == VILLAGE:
            return tr._("Village overview") + " – " + self.village_name()
        village = self.village_name()
        return tr._("Input form") + (" – " + village if village else "")

    def make_pdf(self, kind: str, path: Path, *, lang: str, include_contacts: bool) -> None:
        from stad_desktop.reports.api import (
            make_input_form,
            make_meeting_report,
            make_village_report,
        )

        if kind == MEETING:
            make_meeting_report(
                self.services,
                str(self.meeting.currentData()),
                path,
                lang=lang,
                group_by=str(self.group_by.currentData()),
                include_contacts=include_contacts,
            )
        elif kind == INPUT_FORM:
            make_input_form(
                self.services,
                path,
                lang=lang,
                village=self.village_name(),
                meeting_date=self.form_date(),
            )
        else:
            make_village_report(
                self.services,
                self.village_name(),
                path,
                lang=lang,
                include_contacts=include_contacts,
            )
