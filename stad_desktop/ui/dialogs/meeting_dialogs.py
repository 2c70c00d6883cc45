"""Dialogs of the meetings view: a meeting (with its participants) and an input
item. Each calls the service itself on Save, so a ValidationError is shown beside
its field and the dialog stays open with what the user typed; the view then pushes
the undo command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from stad_desktop.format import format_date
from stad_desktop.language import _, current
from stad_desktop.model.enums import InputStatus, MeetingKind, label
from stad_desktop.services import InputData, MeetingInput, Services
from stad_desktop.services.changes import Change
from stad_desktop.services.readmodels import InputItemView, MeetingView, ProjectRef
from stad_desktop.ui.widgets.check_list import CheckList
from stad_desktop.ui.widgets.completing import completing_line, find_named
from stad_desktop.ui.widgets.date_field import DateField
from stad_desktop.ui.widgets.inline_form import FormDialog
from stad_desktop.ui.widgets.search_tools import make_searchable


def _text_box(parent: QWidget, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


def _project_combo(
    parent: QWidget, projects: Sequence[ProjectRef], project_id: str | None, name: str = ""
) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(_("(no project)"), None)
    for ref in projects:
        combo.addItem(ref.name, ref.id)
    if project_id:
        index = combo.findData(project_id)
        if index < 0:  # an archived project: kept, not silently dropped
            combo.addItem(name or project_id, project_id)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
    make_searchable(combo)  # among hundreds of projects, type to find one
    return combo


def _chosen(combo: QComboBox) -> str | None:
    """The id of the entry typed or picked in a searchable combo; a name that is
    not in the list is passed on as it is, so the service refuses it beside the
    field."""
    text = combo.currentText().strip()
    if not text or combo.findText(text) == 0:
        return None
    pairs = [(str(combo.itemData(i)), combo.itemText(i)) for i in range(1, combo.count())]
    if combo.currentIndex() > 0 and combo.itemText(combo.currentIndex()) == text:
        return str(combo.currentData())
    return find_named(text, pairs) or text


class MeetingDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        meeting: MeetingView | None = None,
        project_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("Edit meeting") if meeting else _("New meeting")
        super().__init__(title, "meeting", parent)
        self._services = services
        self._meeting = meeting
        self.title = QLineEdit(self)
        self.meeting_date = DateField(self)
        self.kind = QComboBox(self)
        for value in MeetingKind:
            self.kind.addItem(_(label(value)), value.value)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(_("e.g. Selje skule"))
        self.project = _project_combo(
            self,
            services.projects.refs(),
            meeting.project_id if meeting else project_id,
            meeting.project_name if meeting else "",
        )
        self.find_actor = QLineEdit(self)
        self.find_actor.setPlaceholderText(_("Type to narrow the list"))
        self.find_actor.setClearButtonEnabled(True)
        self.participants = CheckList(self)
        self.participants.set_items((a.id, a.name) for a in services.actors.refs())
        self.participants.view.setMinimumHeight(140)
        self.find_actor.textChanged.connect(self.participants.set_filter)
        self.minutes = _text_box(self, 160)
        form = self.form
        form.add_row("title", _("&Title:"), self.title)
        form.add_row("meeting_date", _("&Date:"), self.meeting_date)
        form.add_row("kind", _("&Kind:"), self.kind)
        form.add_row("place", _("P&lace:"), self.place)
        form.add_row("project_id", _("&Project:"), self.project)
        form.add_row("find_actor", _("&Find actor:"), self.find_actor)
        form.add_row("participant_ids", _("P&articipants:"), self.participants)
        form.add_row("minutes", _("&Minutes:"), self.minutes)
        if meeting is not None:
            self.title.setText(meeting.title)
            self.meeting_date.setText(format_date(meeting.meeting_date, current()))
            self.kind.setCurrentIndex(max(0, self.kind.findData(meeting.kind)))
            self.place.setText(meeting.place)
            self.participants.set_checked([(p.id, p.name) for p in meeting.participants])
            self.minutes.setPlainText(meeting.minutes)
        else:
            self.meeting_date.setText(format_date(dt.date.today(), current()))
        self.submit = self._save
        self.resize(520, self.sizeHint().height())
        self.restore()

    def data(self) -> MeetingInput:
        return MeetingInput(
            title=self.title.text(),
            meeting_date=self.meeting_date.text(),
            kind=self.kind.currentData(),
            place=self.place.text(),
            project_id=self.project.currentData(),
            minutes=self.minutes.toPlainText(),
            participant_ids=tuple(self.participants.checked_ids()),
            version=self._meeting.version if self._meeting is not None else None,
        )

    def _save(self) -> Change[MeetingView]:
        if self._meeting is None:
            return self._services.meetings.create(self.data())
        return self._services.meetings.update(self._meeting.id, self.data())


class InputDialog(FormDialog):
    """An input item received at a meeting: what was said, by whom, and the answer."""

    def __init__(
        self,
        services: Services,
        meeting: MeetingView,
        item: InputItemView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("Edit input") if item else _("New input")
        super().__init__(title, "input_item", parent)
        self._services = services
        self._meeting = meeting
        self._item = item
        self.text = _text_box(self, 110)
        every_actor = services.actors.refs(include_archived=True)
        self.from_actor = QComboBox(self)
        self.from_actor.addItem(_("(not an actor)"), None)
        for ref in services.actors.refs():
            self.from_actor.addItem(ref.name, ref.id)
        make_searchable(self.from_actor)
        self.from_name = QLineEdit(self)
        self.from_name.setPlaceholderText(_("e.g. a resident's name"))
        self.topic = completing_line(self, services.meetings.topics())
        self.topic.setPlaceholderText(_("e.g. roads, culture, health"))
        self.village = completing_line(self, services.meetings.villages())
        self.village.setPlaceholderText(_("Empty: the meeting's place"))
        self.find_project = QLineEdit(self)
        self.find_project.setPlaceholderText(_("Type to narrow the list"))
        self.find_project.setClearButtonEnabled(True)
        self.projects = CheckList(self)
        self.projects.set_items((p.id, p.name) for p in services.projects.refs())
        self.projects.view.setMinimumHeight(90)
        self.find_project.textChanged.connect(self.projects.set_filter)
        every_project = {p.id: p.name for p in services.projects.refs(include_archived=True)}
        linked = item.project_ids if item else (meeting.project_id,) if meeting.project_id else ()
        self.projects.set_checked([(p, every_project.get(p, p)) for p in linked])
        self.status = QComboBox(self)
        for value in InputStatus:
            self.status.addItem(_(label(value)), value.value)
        self.answer = _text_box(self, 90)
        form = self.form
        form.add_row("text", _("&Input:"), self.text)
        form.add_row("from_actor_id", _("From &actor:"), self.from_actor)
        form.add_row("from_name", _("From &name:"), self.from_name)
        form.add_row("topic", _("&Topic:"), self.topic)
        form.add_row("village", _("&Village:"), self.village)
        form.add_row("find_project", _("&Find project:"), self.find_project)
        form.add_row("project_ids", _("&Projects:"), self.projects)
        form.add_row("status", _("&Status:"), self.status)
        form.add_row("answer", _("Ans&wer given:"), self.answer)
        if item is not None:
            self.text.setPlainText(item.text)
            if item.from_actor_id:
                index = self.from_actor.findData(item.from_actor_id)
                if index < 0:  # an archived actor: kept
                    names = {a.id: a.name for a in every_actor}
                    self.from_actor.addItem(
                        names.get(item.from_actor_id, item.from_actor_id), item.from_actor_id
                    )
                    index = self.from_actor.count() - 1
                self.from_actor.setCurrentIndex(index)
            self.from_name.setText(item.from_name)
            self.topic.setText(item.topic)
            self.village.setText(item.village)
            self.status.setCurrentIndex(max(0, self.status.findData(item.status)))
            self.answer.setPlainText(item.answer)
        self.submit = self._save
        self.resize(520, self.sizeHint().height())
        self.restore()

    def data(self) -> InputData:
        return InputData(
            text=self.text.toPlainText(),
            from_actor_id=_chosen(self.from_actor),
            from_name=self.from_name.text(),
            topic=self.topic.text(),
            project_ids=tuple(self.projects.checked_ids()),
            status=self.status.currentData(),
            answer=self.answer.toPlainText(),
            village=self.village.text(),
            version=self._item.version if self._item is not None else None,
        )

    def _save(self) -> Change[InputItemView]:
        if self._item is None:
            return self._services.meetings.add_input(self._meeting.id, self.data())
        return self._services.meetings.update_input(self._item.id, self.data())
