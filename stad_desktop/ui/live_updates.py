"""Changes other people make to a shared database, shown in the open views.

On a database on a server, the services hear what other programs commit (see
``Services.listen_for_changes``: a worker thread, never the window's). Every
second a timer takes what was heard and tells the :class:`DataBus`, as a change
made here would: each view concerned refreshes. The status bar says when the
connection to the server was lost and when it is back. A file needs none of this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from stad_desktop.language import _
from stad_desktop.ui import bus as kinds

if TYPE_CHECKING:
    from collections.abc import Callable

    from stad_desktop.services import Services
    from stad_desktop.ui.bus import DataBus

INTERVAL_MS = 1000
# The kinds of data a table holds (bus kinds); a table not named here: ALL.
TABLE_KINDS: dict[str, tuple[str, ...]] = {
    "actors": (kinds.ACTORS,),
    "contact_persons": (kinds.ACTORS,),
    "named_persons": (kinds.ACTORS,),
    "projects": (kinds.PROJECTS,),
    "project_actors": (kinds.PROJECTS, kinds.ACTORS),
    "roles": (kinds.ROLES,),
    "role_assignments": (kinds.MATRIX,),
    "indicators": (kinds.EFFECTS,),
    "effect_entries": (kinds.EFFECTS,),
    "checklist_items": (kinds.CHECKLIST,),
    "meetings": (kinds.MEETINGS,),
    "meeting_participants": (kinds.MEETINGS,),
    "input_items": (kinds.MEETINGS, kinds.PROJECTS),
    "input_item_projects": (kinds.MEETINGS, kinds.PROJECTS),
    "change_history": (),
}


def kinds_of(tables: set[str]) -> set[str]:
    """The bus kinds to refresh for ``tables`` changed elsewhere."""
    found: set[str] = set()
    for table in tables:
        if table not in TABLE_KINDS:
            return {kinds.ALL}
        found.update(TABLE_KINDS[table])
    return found


class LiveUpdates(QObject):
    """Turns the changes heard from the server into ``bus`` refreshes;
    ``message``: shows a line in the status bar."""

    def __init__(
        self, services: Services, bus: DataBus, message: Callable[[str], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._message = message
        self.listener = services.listen_for_changes()
        self._lost = False
        self._reconnects = 0
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.poll)
        if self.listener is not None:
            self.timer.start()

    def poll(self) -> None:
        listener = self.listener
        if listener is None:
            return
        lost, reconnects = listener.lost, listener.reconnects
        if lost and not self._lost:
            self._message(
                _(
                    "The connection to the database server was lost; trying again. "
                    "Changes by others are shown when it is back."
                )
            )
        elif not lost and (self._lost or reconnects != self._reconnects):
            self._message(_("The connection to the database server is back."))
        self._lost, self._reconnects = lost, reconnects
        for kind in sorted(kinds_of(listener.take())):
            self._bus.changed(kind)

    def stop(self) -> None:
        self.timer.stop()
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.stop()
