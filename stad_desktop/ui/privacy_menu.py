"""The personal-data entries of the Settings menu: *Personal data …*, *Personal data
due for review …*, *Personal data settings …* and *Show history …* of the actor or
project chosen in the list shown (dialogs in ``ui/dialogs/personal_data.py``,
``personal_data_settings.py`` and ``history_dialog.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stad_desktop.language import _
from stad_desktop.ui import bus as kinds
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.feedback import inform

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from stad_desktop.ui.dialogs.history_dialog import HistoryDialog
    from stad_desktop.ui.dialogs.personal_data import PersonalDataDialog
    from stad_desktop.ui.dialogs.personal_data_settings import PersonalDataSettingsDialog
    from stad_desktop.ui.main_window import MainWindow


class PrivacyMenu:
    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        menu.addSeparator()
        self.persons_action = make_action(window, "", lambda: self.open_persons())
        self.review_action = make_action(window, "", lambda: self.open_persons(due_only=True))
        self.settings_action = make_action(window, "", lambda: self.open_settings())
        self.history_action = make_action(window, "", lambda: self.show_history(), "Ctrl+H")
        for action in self._actions():
            menu.addAction(action)
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def retranslate(self) -> None:
        retitle(self.persons_action, _("&Personal data …"))
        retitle(self.review_action, _("Personal data due for &review …"))
        retitle(self.settings_action, _("Personal data se&ttings …"))
        retitle(self.history_action, _("Show &history …"))

    def update_actions(self) -> None:
        ready = self.window.services is not None
        for action in self._actions():
            action.setEnabled(ready)

    def _actions(self) -> tuple[QAction, ...]:
        return (self.persons_action, self.review_action, self.settings_action, self.history_action)

    def open_settings(self, *, show: bool = True) -> PersonalDataSettingsDialog:
        """The review period and the name the change history records."""
        from stad_desktop.ui.dialogs.personal_data_settings import PersonalDataSettingsDialog

        assert self.window.services is not None
        dialog = PersonalDataSettingsDialog(self.window.services, self.window)
        dialog.accepted.connect(lambda: self.window.bus.changed(kinds.ALL))
        if show:
            dialog.open()
        return dialog

    def open_persons(self, due_only: bool = False, *, show: bool = True) -> PersonalDataDialog:
        from stad_desktop.ui.dialogs.personal_data import PersonalDataDialog

        assert self.window.services is not None
        dialog = PersonalDataDialog(self.window.services, due_only=due_only, parent=self.window)
        dialog.changed.connect(lambda: self.window.bus.changed(kinds.ALL))
        if show:
            dialog.open()
        return dialog

    def show_history(self, *, show: bool = True) -> HistoryDialog | None:
        """The history of the record chosen in the view shown: an actor, a project,
        a contact person, a meeting or an input item, an indicator or an entry."""
        from stad_desktop.ui.dialogs.history_dialog import HistoryDialog

        services = self.window.services
        target = history_target(self.window.current_view()) if services is not None else None
        if services is None or target is None:
            inform(self.window, _("Choose a record in the view first."))
            return None
        table, record, title = target
        dialog = HistoryDialog(services.history.of_record(table, record), title, self.window)
        if show:
            dialog.open()
        return dialog


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 60 else line[:59] + "…"


def history_target(view: object) -> tuple[str, str, str] | None:
    """(table, record id, title) of the record chosen in ``view``: in the meetings
    view the input item when its list has the focus, else the meeting; in the
    effect log the entry when its list has the focus, else the indicator."""
    from stad_desktop.ui.views.actors import ActorsView
    from stad_desktop.ui.views.effect_log import EffectLogView
    from stad_desktop.ui.views.meetings import MeetingsView
    from stad_desktop.ui.views.people import PeopleView
    from stad_desktop.ui.views.projects import ProjectsView

    if isinstance(view, ActorsView | ProjectsView):
        record = view.table.current_id()
        if record is None:
            return None
        row = view.model.row_of(record)
        return (view.kind, record, view.model.row_at(row).name) if row >= 0 else None
    if isinstance(view, PeopleView):
        record = view.table.current_id()
        if record is None:
            return None
        row = view.model_rows.row_of(record)
        return ("contact_persons", record, view.model_rows.row_at(row).name) if row >= 0 else None
    if isinstance(view, MeetingsView):
        item = view.current_input()
        if item is not None and view.inputs_table.hasFocus():
            return ("input_items", item.item.id, _short(item.item.text))
        meeting = view.current_meeting()
        return ("meetings", meeting.id, meeting.title) if meeting is not None else None
    if isinstance(view, EffectLogView):
        entry = view.current_entry()
        if entry is not None and view.entries_table.hasFocus():
            return ("effect_entries", entry.id, _short(entry.text or str(entry.entry_date)))
        indicator = view.current_indicator()
        return ("indicators", indicator.id, indicator.name) if indicator is not None else None
    return None
