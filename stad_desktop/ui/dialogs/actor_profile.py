"""An actor's profile: its engagement over time. Its projects with roles,
expectations and contributions; the meetings it attended and the input it gave;
its contact persons and notes. Read only; "Edit…" opens the actor dialog, and a
double click on a project or meeting goes to it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.format import format_date
from stad_desktop.language import N_, _, current, ngettext
from stad_desktop.model.enums import Phase, label
from stad_desktop.services.attention import ActorProfile, MeetingRef, ProjectEngagement
from stad_desktop.services.readmodels import ContactView
from stad_desktop.ui.models.actors import org_number_text, sector_text
from stad_desktop.ui.models.input_context import ACTOR_INPUT_COLUMNS
from stad_desktop.ui.models.meetings import one_line
from stad_desktop.ui.models.rows import Column, RowTableModel
from stad_desktop.ui.widgets.forms import (
    buddy_label,
    restore_geometry,
    save_geometry,
    set_buddy_text,
)
from stad_desktop.ui.widgets.input_panel import InputPanel
from stad_desktop.ui.widgets.table import ColumnFitter, read_only_table

if TYPE_CHECKING:
    from stad_desktop.ui.views.base import View


@dataclass(frozen=True)
class RoleRow:
    """One line of the projects table: a project and one role held in it."""

    id: str  # the project's id
    engagement: ProjectEngagement
    role: str
    expectation: str
    contribution: str
    archived: bool


def _period(e: ProjectEngagement) -> str:
    lang = current()
    if e.start_date is None and e.end_date is None:
        return ""
    return f"{format_date(e.start_date, lang)} – {format_date(e.end_date, lang)}"


def _project(r: RoleRow) -> str:
    return r.engagement.project.name


PROJECT_COLUMNS: tuple[Column[RoleRow], ...] = (
    Column("", N_("Project"), _project, tooltip=_project),
    Column("", N_("Phase"), lambda r: _(label(Phase(r.engagement.project.phase)))),
    Column("", N_("Period"), lambda r: _period(r.engagement)),
    Column("", N_("Role"), lambda r: r.role),
    Column(
        "", N_("Expectation"), lambda r: one_line(r.expectation), tooltip=lambda r: r.expectation
    ),
    Column(
        "", N_("Contribution"), lambda r: one_line(r.contribution), tooltip=lambda r: r.contribution
    ),
)

MEETING_COLUMNS: tuple[Column[MeetingRef], ...] = (
    Column("", N_("Date"), lambda m: format_date(m.meeting_date, current())),
    Column("", N_("Meeting"), lambda m: m.title, tooltip=lambda m: m.title),
    Column("", N_("Place"), lambda m: m.place),
    Column("", N_("Project"), lambda m: m.project_name, tooltip=lambda m: m.project_name),
)

CONTACT_COLUMNS: tuple[Column[ContactView], ...] = (
    Column("", N_("Name"), lambda c: c.name),
    Column("", N_("E-mail"), lambda c: c.email),
    Column("", N_("Phone"), lambda c: c.phone),
)


def role_rows(profile: ActorProfile) -> list[RoleRow]:
    lang = current().lang
    rows = []
    for e in profile.projects:
        owner = [_("Project owner (chosen in the project)")] if e.owner else []
        held = [(r.role.name.get(lang), r.expectation, r.contribution) for r in e.roles]
        for role, expectation, contribution in held or [(t, "", "") for t in owner or [""]]:
            rows.append(RoleRow(e.project.id, e, role, expectation, contribution, e.archived))
    return rows


class ActorProfileDialog(QDialog):
    """``go_to(view key, item id, detail)`` on a double click on a project (its role
    matrix) or a meeting; ``edit`` when Edit… is pressed."""

    go_to = Signal(str, str, str)
    edit = Signal(str)

    def __init__(self, profile: ActorProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actor_profile")
        self.profile = profile
        self._fitters: list[ColumnFitter] = []
        actor = profile.actor
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.projects_model: RowTableModel[RoleRow] = RowTableModel(PROJECT_COLUMNS, self)
        self.projects_model.set_rows(role_rows(profile))
        self.projects_table = self._table(self.projects_model, 0)
        self.projects_table.activated.connect(self._open_project)
        self.meetings_model: RowTableModel[MeetingRef] = RowTableModel(MEETING_COLUMNS, self)
        self.meetings_model.set_rows(profile.meetings)
        self.meetings_table = self._table(self.meetings_model, 1)
        self.meetings_table.activated.connect(self._open_meeting)
        self.input_panel = InputPanel(
            ACTOR_INPUT_COLUMNS,
            lambda: _("&Input given by the actor:"),
            lambda: _("No input recorded from this actor."),
            self,
        )
        self.input_panel.show_entries(profile.input)
        self.contacts_model: RowTableModel[ContactView] = RowTableModel(CONTACT_COLUMNS, self)
        self.contacts_model.set_rows([c for c in actor.contacts])
        self.contacts_table = self._table(self.contacts_model, 0)
        self.notes = QPlainTextEdit(self)
        self.notes.setReadOnly(True)
        self.notes.setPlainText(
            "\n\n".join(text for text in (actor.notes, actor.wishes_to_contribute) if text)
        )

        self.projects_label = buddy_label("", self.projects_table)
        self.meetings_label = buddy_label("", self.meetings_table)
        self.contacts_label = buddy_label("", self.contacts_table)
        self.notes_label = buddy_label("", self.notes)
        self.tabs = QTabWidget(self)
        engagement = QSplitter(Qt.Orientation.Vertical, self)
        engagement.setChildrenCollapsible(False)
        engagement.addWidget(self._box(self.projects_label, self.projects_table))
        engagement.addWidget(self._box(self.meetings_label, self.meetings_table))
        self.tabs.addTab(engagement, "")
        self.tabs.addTab(self.input_panel, "")
        people = QSplitter(Qt.Orientation.Vertical, self)
        people.setChildrenCollapsible(False)
        people.addWidget(self._box(self.contacts_label, self.contacts_table))
        people.addWidget(self._box(self.notes_label, self.notes))
        self.tabs.addTab(people, "")

        self.buttons = QDialogButtonBox(self)
        self.edit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        self.edit_button.clicked.connect(lambda: self.edit.emit(actor.id))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 620)
        restore_geometry(self, "actor_profile")
        self.retranslate()

    def _table(self, model: RowTableModel, stretch: int) -> QTableView:  # type: ignore[type-arg]
        table = read_only_table(self, "")
        table.setModel(model)
        fitter = ColumnFitter(table, stretch, 200)
        fitter.fit()
        self._fitters.append(fitter)
        return table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for fitter in self._fitters:
            fitter.fit()  # to the width the dialog is shown at

    def _box(self, label: QLabel, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    def retranslate(self) -> None:
        actor = self.profile.actor
        self.setWindowTitle(_("Profile of {name}").format(name=actor.name))
        self.heading.setText(actor.name)
        facts = [sector_text(actor.sector), actor.village, org_number_text(actor.org_number)]
        since = self.profile.since
        counts = [
            ngettext("{count} project", "{count} projects", n).format(count=n)
            for n in [len(self.profile.projects)]
        ] + [
            ngettext("{count} meeting", "{count} meetings", n).format(count=n)
            for n in [len(self.profile.meetings)]
        ]
        if since is not None:
            counts.insert(0, _("Engaged since {date}").format(date=format_date(since, current())))
        self.summary.setText(
            " · ".join(f for f in facts if f) + ("\n" + " · ".join(counts) if counts else "")
        )
        set_buddy_text(self.projects_label, _("&Projects and roles:"))
        set_buddy_text(self.meetings_label, _("&Meetings attended:"))
        set_buddy_text(self.contacts_label, _("&Contact persons:"))
        set_buddy_text(self.notes_label, _("&Notes:"))
        for table, text in (
            (self.projects_table, _("Projects and roles")),
            (self.meetings_table, _("Meetings attended")),
            (self.contacts_table, _("Contact persons")),
        ):
            table.setAccessibleName(text)
        self.notes.setAccessibleName(_("Notes"))
        self.tabs.setTabText(0, _("Projects and meetings"))
        self.tabs.setTabText(1, _("Input given"))
        self.tabs.setTabText(2, _("Contact persons and notes"))
        self.edit_button.setText(_("E&dit…"))
        self.close_button.setText(_("Close"))
        for model in (self.projects_model, self.meetings_model, self.contacts_model):
            model.retranslate()
        self.input_panel.retranslate()

    def _open_project(self) -> None:
        row = self.projects_table.currentIndex().row()
        if row >= 0:
            self.go_to.emit("role_matrix", self.projects_model.id_at(row), "")

    def _open_meeting(self) -> None:
        row = self.meetings_table.currentIndex().row()
        if row >= 0:
            self.go_to.emit("meetings", self.meetings_model.id_at(row), "")

    def done(self, result: int) -> None:
        save_geometry(self, "actor_profile")
        super().done(result)


def open_profile(view: View, actor_id: str, on_edit: Callable[[str], None]) -> None:
    """Show the actor's profile from ``view`` (window-modal, not blocking). Going to
    a project or meeting closes it and asks the main window to show the place;
    Edit… closes it and calls ``on_edit``."""
    dialog = ActorProfileDialog(view.services.people.profile(actor_id), view)

    def go(key: str, item_id: str, detail: str) -> None:
        dialog.close()
        view.go_to.emit(key, item_id, detail)

    def edit(item_id: str) -> None:
        dialog.close()
        on_edit(item_id)

    dialog.go_to.connect(go)
    dialog.edit.connect(edit)
    view.show_dialog(dialog)
