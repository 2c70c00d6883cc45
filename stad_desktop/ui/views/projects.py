"""The project list: search, phase filter, sort in SQL; the project dialog with
the co-creation checklist."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QWidget

from stad_desktop.format import format_number
from stad_desktop.language import N_, _, current, ngettext
from stad_desktop.model.enums import Phase, label
from stad_desktop.ui.actions import make_action
from stad_desktop.ui.bus import ACTORS, CHECKLIST, EFFECTS, MATRIX, MEETINGS, PROJECTS, DataBus
from stad_desktop.ui.dialogs.project_dialog import CHECKLIST_TAB, ProjectDialog
from stad_desktop.ui.icons import icon
from stad_desktop.ui.models.input_context import PROJECT_INPUT_COLUMNS
from stad_desktop.ui.models.projects import ProjectTableModel
from stad_desktop.ui.models.windowed import Locate, Page
from stad_desktop.ui.views.listbase import ListView
from stad_desktop.ui.widgets.input_panel import InputPanel
from stad_desktop.ui.widgets.search_tools import no_projects_text

if TYPE_CHECKING:
    from stad_desktop.services import ProjectInput, Services
    from stad_desktop.services.changes import Change
    from stad_desktop.services.readmodels import ProjectDetail

Changes = Mapping[int, tuple[str, str]]


class ProjectsView(ListView):
    kind = PROJECTS
    kinds = frozenset({PROJECTS, ACTORS, MATRIX, CHECKLIST, EFFECTS, MEETINGS})

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            services,
            bus,
            undo_stack,
            ProjectTableModel(),
            N_("P&hase"),
            N_("All phases"),
            [(phase.value, label(phase)) for phase in Phase],
            parent,
        )
        self.setObjectName("projects_view")
        self.dialog: ProjectDialog | None = None
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_actions: dict[str, QAction] = {}
        for key in ("role_matrix", "effect_log"):
            action = make_action(self.table, "", partial(self._open_in, key))
            self.table.addAction(action)
            self.open_actions[key] = action
        # The checklist of the selected project, one click (or Ctrl+Shift+L) away.
        self.checklist_action = make_action(self, "", self.open_checklist, "Ctrl+Shift+L")
        self.table.addAction(self.checklist_action)
        self.checklist_button = QPushButton(icon("checklist"), "", self)
        self.checklist_button.clicked.connect(self.open_checklist)
        # Under the list, beside the count (the bar above is full at 1366 px).
        upper = self.count_label.parentWidget()
        box = upper.layout() if upper is not None else None
        assert isinstance(box, QBoxLayout)
        index = box.indexOf(self.count_label)
        box.removeWidget(self.count_label)
        under = QHBoxLayout()
        under.addWidget(self.count_label, 1)
        under.addWidget(self.checklist_button)
        box.insertLayout(index, under)
        self.table.selectionModel().selectionChanged.connect(self._checklist_enabled)
        self._checklist_enabled()
        self.input_panel = InputPanel(
            PROJECT_INPUT_COLUMNS,
            lambda: _("&Input linked to the project:"),
            lambda: _("No input is linked to this project."),
            self,
        )
        self.add_detail(self.input_panel)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.open_actions["role_matrix"].setText(_("Open role matrix"))
        self.open_actions["effect_log"].setText(_("Open effect log"))
        self.checklist_action.setText(_("Checklist …"))
        self.checklist_button.setText(_("Checklist …"))
        self.checklist_button.setToolTip(_("The co-creation checklist of the selected project"))
        self.input_panel.retranslate()

    def show_detail(self, item_id: str | None) -> None:
        """The input linked to the selected project."""
        entries = self.services.meetings.input_for_project(item_id) if item_id else ()
        self.input_panel.show_entries(entries)

    def table_name(self) -> str:
        return _("Projects")

    def search_placeholder(self) -> str:
        return _("Name, area, target group …")

    def fetch(
        self, query: str, filter_value: str | None, archived: bool, order_by: str, desc: bool
    ) -> Sequence[object]:
        return self.services.projects.list(
            query=query,
            phase=filter_value,
            include_archived=archived,
            order_by=order_by,
            descending=desc,
        )

    def fetch_window(
        self, query: str, filter_value: str | None, archived: bool, order_by: str, desc: bool
    ) -> tuple[int, Page, Locate]:
        projects = self.services.projects
        count = projects.count(query=query, phase=filter_value, include_archived=archived)

        def page(offset: int, limit: int) -> Sequence[object]:
            return projects.page(query, filter_value, archived, order_by, desc, offset, limit)

        def locate(project_id: str) -> int:
            return projects.position(project_id, query, filter_value, archived, order_by, desc)

        return count, page, locate

    def count_text(self, count: int) -> str:
        text = ngettext("{count} project", "{count} projects", count)
        return text.format(count=format_number(count, current(), 0))

    def no_match_text(self, query: str) -> str:
        return no_projects_text(query)

    def set_archived(self, item_id: str, archived: bool) -> Change[ProjectDetail]:
        return self.services.projects.set_archived(item_id, archived)

    def project_selected_hook(self, item_id: str) -> None:
        self.project_selected.emit(item_id)

    def _open_in(self, key: str) -> None:
        current = self.table.current_id()
        if current is not None:
            self.open_project.emit(key, current)

    def _checklist_enabled(self, *_args: object) -> None:
        selected = self.table.current_id() is not None
        self.checklist_button.setEnabled(selected)
        self.checklist_action.setEnabled(selected)

    def open_checklist(self) -> None:
        """The selected project's dialog, open at its checklist."""
        current = self.table.current_id()
        if current is not None:
            self.open_item(current, CHECKLIST_TAB)

    def new_item(self) -> None:
        owners = self.services.actors.refs()
        self.show_dialog(ProjectDialog(self._save(None), owners, None, None, self))

    def open_item(self, item_id: str, tab: int = 0) -> None:
        before = self.services.projects.get(item_id)
        items = self.services.checklist.items(item_id)
        owners = self.services.actors.refs()
        dialog = ProjectDialog(self._save(item_id), owners, before, items, self)
        dialog.tabs.setCurrentIndex(tab)
        self.show_dialog(dialog)

    def _save(self, project_id: str | None) -> Callable[[ProjectInput, Changes], None]:
        """What the dialog's Save does: one service call (project and checklist, in
        one transaction), then its undo step."""

        def save(data: ProjectInput, changes: Changes) -> None:
            change = self.services.projects.save(project_id, data, changes)
            self.push_change(change, PROJECTS, change.value.id)
            self.message.emit(_("Saved {name}").format(name=change.value.name))

        return save
