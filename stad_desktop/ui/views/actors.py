"""The actor register: search, sector filter, sort in SQL, create/edit/archive."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from stad_desktop.language import _, ngettext
from stad_desktop.model.enums import Sector, label
from stad_desktop.ui.bus import ACTORS, MATRIX, PROJECTS, DataBus
from stad_desktop.ui.models.actors import ActorTableModel
from stad_desktop.ui.views.listbase import ListView

if TYPE_CHECKING:
    from stad_desktop.services import ActorInput, Services
    from stad_desktop.services.changes import Change
    from stad_desktop.services.readmodels import ActorDetail
    from stad_desktop.ui.dialogs.actor_dialog import ActorDialog


class ActorsView(ListView):
    kind = ACTORS
    kinds = frozenset({ACTORS, PROJECTS, MATRIX})

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
            ActorTableModel(),
            _("Se&ctor"),
            _("All sectors"),
            [(sector.value, _(label(sector))) for sector in Sector],
            parent,
        )
        self.setObjectName("actors_view")
        self.dialog: ActorDialog | None = None

    def table_name(self) -> str:
        return _("Actors")

    def fetch(
        self, query: str, filter_value: str | None, archived: bool, order_by: str, desc: bool
    ) -> Sequence[object]:
        return self.services.actors.list(
            query=query,
            sector=filter_value,
            include_archived=archived,
            order_by=order_by,
            descending=desc,
        )

    def count_text(self, count: int) -> str:
        return ngettext("{count} actor", "{count} actors", count).format(count=count)

    def set_archived(self, item_id: str, archived: bool) -> Change[ActorDetail]:
        return self.services.actors.set_archived(item_id, archived)

    def new_item(self) -> None:
        from stad_desktop.ui.dialogs.actor_dialog import ActorDialog

        self.show_dialog(ActorDialog(self._save(None), None, self))

    def open_item(self, item_id: str) -> None:
        from stad_desktop.ui.dialogs.actor_dialog import ActorDialog

        before = self.services.actors.get(item_id)
        self.show_dialog(ActorDialog(self._save(item_id), before, self))

    def _save(self, actor_id: str | None) -> Callable[[ActorInput], None]:
        """What the dialog's Save does: create or update (one service call), then
        put its Change on the undo stack."""

        def save(data: ActorInput) -> None:
            actors = self.services.actors
            change = actors.create(data) if actor_id is None else actors.update(actor_id, data)
            self.push_change(change, ACTORS, change.value.id)
            self.message.emit(_("Saved {name}").format(name=change.value.name))

        return save
