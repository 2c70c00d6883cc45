"""The people list: the actors' contact persons searched as persons, with their
actor and the roles it holds; the e-mail addresses of the listed persons are copied
for a mailing. Enter or "Profile…" opens the actor's profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QPushButton, QWidget

from stad_desktop.format import format_number
from stad_desktop.language import N_, _, current, ngettext
from stad_desktop.model.enums import Sector, label
from stad_desktop.services.attention import PersonRow
from stad_desktop.ui.bus import ACTORS, MATRIX, PROJECTS, DataBus
from stad_desktop.ui.models.actors import sector_text
from stad_desktop.ui.models.rows import Column
from stad_desktop.ui.models.windowed import Locate, Page, WindowedTableModel
from stad_desktop.ui.views.base import EDIT, SEARCH
from stad_desktop.ui.views.listbase import ListView

if TYPE_CHECKING:
    from stad_desktop.services import ActorInput, Services


def _roles(row: PersonRow) -> str:
    return ", ".join(role.get(current().lang) for role in row.roles)


PERSON_COLUMNS: tuple[Column[PersonRow], ...] = (
    Column("name", N_("Name"), lambda r: r.name, tooltip=lambda r: r.name),
    Column("actor", N_("Actor"), lambda r: r.actor_name, tooltip=lambda r: r.actor_name),
    Column("", N_("Roles"), _roles, tooltip=_roles),
    Column("email", N_("E-mail"), lambda r: r.email),
    Column("phone", N_("Phone"), lambda r: r.phone),
    Column("sector", N_("Sector"), lambda r: sector_text(r.sector)),
)


def mailing_list(emails: Sequence[str]) -> str:
    """These e-mail addresses for a mailing: ``a@x.no; b@y.no`` (each once, in the
    order listed; empty ones are left out)."""
    seen: dict[str, str] = {}
    for address in emails:
        email = address.strip()
        if email and email.casefold() not in seen:
            seen[email.casefold()] = email
    return "; ".join(seen.values())


class PeopleView(ListView):
    commands = frozenset({EDIT, SEARCH})
    kinds = frozenset({ACTORS, PROJECTS, MATRIX})

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        # Read a block of rows at a time: a county's register lists tens of
        # thousands of persons.
        self.model_rows: WindowedTableModel[PersonRow] = WindowedTableModel(PERSON_COLUMNS)
        super().__init__(
            services,
            bus,
            undo_stack,
            self.model_rows,
            N_("Se&ctor"),
            N_("All sectors"),
            [(sector.value, label(sector)) for sector in Sector],
            parent,
        )
        self.setObjectName("people_view")
        self.new_button.hide()
        self.archive_button.hide()
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_emails)
        self.button_bar.addWidget(self.copy_button)
        QWidget.setTabOrder(self.edit_button, self.copy_button)
        QWidget.setTabOrder(self.copy_button, self.table)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.show_archived.setText(_("Include &archived actors"))
        self.edit_button.setText(_("P&rofile…"))
        self.copy_button.setText(_("Copy e-&mail addresses"))
        self.copy_button.setToolTip(
            _("The e-mail addresses of the persons listed, for a mailing: a@x.no; b@y.no")
        )

    def table_name(self) -> str:
        return _("People")

    def search_placeholder(self) -> str:
        return _("Name, e-mail, actor, …")

    def fetch(
        self, query: str, filter_value: str | None, archived: bool, order_by: str, desc: bool
    ) -> Sequence[object]:
        return self.services.people.persons(
            query,
            sector=filter_value,
            include_archived=archived,
            order_by=order_by,
            descending=desc,
        )

    def fetch_window(
        self, query: str, filter_value: str | None, archived: bool, order_by: str, desc: bool
    ) -> tuple[int, Page, Locate]:
        listing = self.services.people.listing(query, filter_value, archived, order_by, desc)
        return listing.count, listing.page, listing.position

    def count_text(self, count: int) -> str:
        text = ngettext("{count} person", "{count} persons", count)
        return text.format(count=format_number(count, current(), 0))

    def no_match_text(self, query: str) -> str:
        return _("No persons match «{text}».").format(text=query)

    def is_archived(self, item_id: str) -> bool:
        return False  # a person is listed with an archived actor, never archived itself

    def enabled_commands(self) -> frozenset[str]:
        return self.commands if self.table.current_id() is not None else frozenset({SEARCH})

    def _set_archive_text(self) -> None:
        pass  # no archiving here

    def _person(self, item_id: str) -> PersonRow | None:
        row = self.model_rows.row_of(item_id)
        return self.model_rows.row_at(row) if row >= 0 else None

    def open_item(self, item_id: str) -> None:
        """The profile of the person's actor."""
        from stad_desktop.ui.dialogs.actor_profile import open_profile

        person = self._person(item_id)
        if person is not None:
            open_profile(self, person.actor_id, self.edit_actor)

    def edit_actor(self, actor_id: str) -> None:
        from stad_desktop.ui.dialogs.actor_dialog import ActorDialog

        def save(data: ActorInput) -> None:
            change = self.services.actors.update(actor_id, data)
            self.push_change(change, ACTORS)
            self.message.emit(_("Saved {name}").format(name=change.value.name))

        self.show_dialog(ActorDialog(save, self.services.actors.get(actor_id), self))

    def listed(self) -> list[PersonRow]:
        """Every row listed, read through the model's blocks."""
        return [self.model_rows.row_at(i) for i in range(self.model_rows.rowCount())]

    def listed_emails(self) -> tuple[str, ...]:
        """The e-mail addresses of every person listed (as searched, filtered and
        sorted now), read for the whole list, not only the rows fetched."""
        order_by, desc = self.table.sort_key()
        return self.services.people.emails(
            self.search.text(),
            sector=self.filter.currentData() or None,
            include_archived=self.show_archived.isChecked(),
            order_by=order_by,
            descending=desc,
        )

    def copy_emails(self) -> None:
        """Copy the listed persons' e-mail addresses (as filtered) to the clipboard."""
        text = mailing_list(self.listed_emails())
        QGuiApplication.clipboard().setText(text)
        count = len(text.split("; ")) if text else 0
        self.message.emit(
            ngettext(
                "Copied {count} e-mail address.", "Copied {count} e-mail addresses.", count
            ).format(count=count)
        )
