"""What every view in the main window is: a QWidget built from
``(services, bus, undo_stack)`` with a ``refresh()`` method.

Views refresh lazily: a change announced on the bus while a view is hidden only
marks it stale, and it refreshes when it is shown again. Views that show one
project at a time also implement :class:`ProjectAware` (``show_project``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.commands import ChangeCommand

if TYPE_CHECKING:
    from stad_desktop.services import Services
    from stad_desktop.services.changes import Change

# Commands the main window's Edit menu routes to the current view.
NEW = "new"
EDIT = "edit"
ARCHIVE = "archive"
SEARCH = "search"


class View(QWidget):
    """Base class for the main window's views.

    Subclasses implement :meth:`reload` (query the services and fill the widgets)
    and may list in ``commands`` which of NEW, EDIT, ARCHIVE and SEARCH they
    support, implementing the matching ``new_item``/``edit_item``/``archive_item``/
    ``focus_search`` methods. ``kinds`` lists the bus kinds (``bus.ACTORS``...)
    after which the view must refresh; ``bus.ALL`` always refreshes.
    """

    commands: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    search_attr = ""  # the attribute holding the view's search field, if any

    # Ask the main window to show a project in the view with this key
    # (e.g. ``"role_matrix"``); the main window calls ``show_project`` on it.
    open_project = Signal(str, str)
    # The project the user is working on changed (selection in a list).
    project_selected = Signal(str)
    # The enabled commands may have changed (selection changed).
    commands_changed = Signal()
    # Go to an item in another view: (view key, item id, detail id); see ui.navigation.
    go_to = Signal(str, str, str)
    # A short message for the status bar (already translated).
    message = Signal(str)
    # The data read on a worker thread is shown (see is_loading).
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.undo_stack = undo_stack
        self._stale = True
        # The view's open dialog, if any (window-modal, one at a time).
        self.dialog: QDialog | None = None
        bus.data_changed.connect(self._on_data_changed)

    def retranslate(self) -> None:
        """Set every text the view shows in the current language: called from the
        constructor and again on a language switch, which keeps the view's rows,
        selection and scroll position. Override."""

    def retranslate_view(self) -> None:
        """:meth:`retranslate`, and the "nothing matches" notices in the view."""
        from stad_desktop.ui.widgets.search_tools import NoMatchNotice

        self.retranslate()
        for notice in self.findChildren(NoMatchNotice):
            notice.retranslate()

    def commit_pending(self) -> bool:
        """Save what the user has typed but not yet saved (before the window closes).
        False when it cannot be saved; the view then shows why. Override where a view
        holds unsaved input."""
        return True

    # --- dialogs ---------------------------------------------------------------------
    def show_dialog(self, dialog: QDialog, on_accept: Callable[[], object] | None = None) -> None:
        """Open ``dialog`` window-modal without blocking (the event loop, and tests,
        keep running); ``on_accept`` runs when it is accepted. A dialog still open in
        this view is closed first."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if on_accept is not None and result == QDialog.DialogCode.Accepted:
                on_accept()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    # --- changes ----------------------------------------------------------------------
    def push_change(self, change: Change[Any], kind: str, item_id: str = "") -> None:
        """Put a change a service call has made on the undo stack. The change, and
        each undo and redo of it, is announced on the bus (see :meth:`announce`)."""
        self.undo_stack.push(ChangeCommand(change, lambda: self.announce(kind, item_id)))

    def announce(self, kind: str, item_id: str = "") -> None:
        self.bus.changed(kind, *([item_id] if item_id else []))

    # --- refreshing ------------------------------------------------------------------
    def refresh(self) -> None:
        """Query the services now and show the result."""
        self._stale = False
        self.reload()

    def reload(self) -> None:
        """Fill the view from the services. Override."""

    def is_loading(self) -> bool:
        """Its data is still being read on a worker thread (``loaded`` follows)."""
        return False

    def mark_stale(self) -> None:
        """Refresh now if visible, otherwise when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _on_data_changed(self, kind: str, ids: object) -> None:
        from stad_desktop.ui import bus

        if kind == bus.ALL or kind in self.kinds:
            self.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # --- commands from the main window ----------------------------------------------
    def enabled_commands(self) -> frozenset[str]:
        """The commands that make sense now (e.g. EDIT needs a selection)."""
        return self.commands

    def available_commands(self) -> frozenset[str]:
        """:meth:`enabled_commands`, and SEARCH (Ctrl+F) in every view with a search."""
        if self.search_widget() is not None:
            return self.enabled_commands() | {SEARCH}
        return self.enabled_commands()

    def search_widget(self) -> QWidget | None:
        """The field Ctrl+F goes to (a search field or a project picker)."""
        widget = getattr(self, self.search_attr, None) if self.search_attr else None
        return widget if isinstance(widget, QWidget) else None

    def new_item(self) -> None:
        """Ctrl+N."""

    def edit_item(self) -> None:
        """F2 / Enter."""

    def archive_item(self) -> None:
        """Delete."""

    def focus_search(self) -> None:
        """Ctrl+F: into the search field, its text selected to type over."""
        widget = self.search_widget()
        if widget is None:
            return
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        if isinstance(line, QLineEdit):
            line.selectAll()


@runtime_checkable
class ProjectAware(Protocol):
    """A view that shows one project at a time (role matrix, effect log).

    ``show_project`` should be cheap while the view is hidden (remember the id
    and :meth:`View.mark_stale`)."""

    def show_project(self, project_id: str) -> None: ...
