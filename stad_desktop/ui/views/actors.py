"""The actor register: search, sector filter, sort in SQL, create/edit/archive."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget

from stad_desktop.format import format_number
from stad_desktop.language import N_, _, current, ngettext
from stad_desktop.model.enums import Sector, label
from stad_desktop.ui.bus import ACTORS, MATRIX, MEETINGS, PROJECTS, DataBus
from stad_desktop.ui.models.actors import ActorWindowModel
from stad_desktop.ui.models.input_context import ACTOR_INPUT_COLUMNS
from stad_desktop.ui.models.windowed import Locate, Page
from stad_desktop.ui.views.listbase import ListView
from stad_desktop.ui.widgets.input_panel import InputPanel

if TYPE_CHECKING:
    from stad_desktop.services import ActorInput, Services
    from stad_desktop.services.changes import Change
    from stad_desktop.services.readmodels import ActorDetail
    from stad_desktop.ui.dialogs.actor_dialog import ActorDialog


class ActorsView(ListView):
    kind = ACTORS
    kinds = frozenset({ACTORS, PROJECTS, MATRIX, MEETINGS})

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
            ActorWindowModel(),
            N_("Se&ctor"),
            N_("All sectors"),
            [(sector.value, label(sector)) for sector in Sector],
            parent,
        )
        self.setObjectName("actors_view")
        self.dialog: ActorDialog | None = None
        self.input_panel = InputPanel(
            ACTOR_INPUT_COLUMNS,
            lambda: _("&Input given by the actor:"),
            lambda: _("No input recorded from this actor."),
            self,
        )
        self.add_detail(self.input_panel)
        self.profile_button = QPushButton(self)
        self.profile_button.clicked.connect(self.show_profile)
        self.button_bar.insertWidget(self.button_bar.indexOf(self.new_button), self.profile_button)
        QWidget.setTabOrder(self.show_archived, self.profile_button)
        QWidget.setTabOrder(self.profile_button, self.new_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.profile_button.setText(_("P&rofile…"))
        self.profile_button.setToolTip(_("The actor's projects, meetings, input and contacts"))
        self.input_panel.retranslate()

    def _selection_changed(self, *args: object) -> None:
        super()._selection_changed(*args)
        if hasattr(self, "profile_button"):
            self.profile_button.setEnabled(self.table.current_id() is not None)

    def show_profile(self) -> None:
        current = self.table.current_id()
        if current is not None:
            self.open_item(current)

    def show_detail(self, item_id: str | None) -> None:
        """The input the selected actor gave."""
        entries = self.services.meetings.input_from_actor(item_id) if item_id else ()
        self.input_panel.show_entries(entries)

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

    def fetch_window(
        self, query: str, filter_value: str | None, archived: bool, order_by: str, desc: bool
    ) -> tuple[int, Page, Locate]:
        listing = self.services.actors.listing(query, filter_value, archived, order_by, desc)
        return listing.count, listing.page, listing.position

    def count_text(self, count: int) -> str:
        text = ngettext("{count} actor", "{count} actors", count)
        return text.format(count=format_number(count, current(), 0))

    def no_match_text(self, query: str) -> str:
        return _("No actors match «{text}».").format(text=query)

    def set_archived(self, item_id: str, archived: bool) -> Change[ActorDetail]:
        return self.services.actors.set_archived(item_id, archived)

    def new_item(self) -> None:
        from stad_desktop.ui.dialogs.actor_dialog import ActorDialog

        self.show_dialog(ActorDialog(self._save(None), None, self))

    def open_item(self, item_id: str) -> None:
        """Enter or a double click: the actor's profile (Edit… there edits it)."""
        from stad_desktop.ui.dialogs.actor_profile import open_profile

        open_profile(self, item_id, self.edit_actor)

    def edit_item(self) -> None:
        current = self.table.current_id()
        if current is not None:
            self.edit_actor(current)

    def edit_actor(self, item_id: str) -> None:
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
