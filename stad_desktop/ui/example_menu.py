"""File → Remove example data: the example records go, the user's own stay, and
Edit → Undo brings them back (the work is ``services.example_data``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stad_desktop.language import _
from stad_desktop.ui import bus as kinds
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.commands import ChangeCommand
from stad_desktop.ui.feedback import confirm

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from stad_desktop.services.example_data import ExampleSummary
    from stad_desktop.ui.main_window import MainWindow


def counts_text(summary: ExampleSummary) -> str:
    return _("actors: {actors}, projects: {projects}, meetings: {meetings}").format(
        actors=summary.actors, projects=summary.projects, meetings=summary.meetings
    )


class ExampleMenu:
    """The Remove example data entry of ``window``'s File menu, after ``after``."""

    def __init__(self, window: MainWindow, menu: QMenu, after: QAction) -> None:
        self.window = window
        self.remove_action = make_action(window, "", self.remove)
        actions = menu.actions()
        index = actions.index(after) + 1
        if index < len(actions):
            menu.insertAction(actions[index], self.remove_action)
        else:
            menu.addAction(self.remove_action)
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def retranslate(self) -> None:
        retitle(self.remove_action, _("&Remove example data …"))

    def update_actions(self) -> None:
        services = self.window.services
        self.remove_action.setEnabled(
            services is not None and not services.example_data.summary().empty
        )

    def remove(self, ask: bool = True) -> str | None:
        """Ask, remove and put the removal on the undo stack; returns the message
        shown in the status bar (None when nothing was removed)."""
        window = self.window
        if window.services is None:
            return None
        service = window.services.example_data
        summary = service.summary()
        if summary.empty:
            return None
        if ask and not confirm(
            window,
            _("Remove the example data from Stad ({counts})?").format(counts=counts_text(summary)),
            _(
                "Records you have made yourself stay. Example records that your own "
                "records refer to stay too. You can undo this with Ctrl+Z."
            ),
            _("Remove example data"),
        ):
            return None
        change = service.remove()
        window.undo_stack.push(ChangeCommand(change, lambda: window.bus.changed(kinds.ALL)))
        text = _("Removed: example data ({counts}).").format(counts=counts_text(change.value))
        if change.value.kept:
            kept = change.value.kept
            text += " " + _(
                "Kept, as your own records refer to them: actors: {actors}, projects: "
                "{projects}, meetings: {meetings}."
            ).format(
                actors=kept.get("actors", 0),
                projects=kept.get("projects", 0),
                meetings=kept.get("meetings", 0),
            )
        window.show_message(text)
        self.update_actions()
        return text
