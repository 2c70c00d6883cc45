"""Dialogs of the role matrix: pick an actor to add, create a user-defined role."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _
from stad_desktop.model.enums import Sector, label
from stad_desktop.services import Services
from stad_desktop.services.changes import Change
from stad_desktop.services.readmodels import RoleView
from stad_desktop.ui.widgets.forms import restore_geometry, save_geometry
from stad_desktop.ui.widgets.inline_form import FormDialog, plain
from stad_desktop.ui.widgets.matrix_overview import LIST_ITEM_PADDING


class ActorPickerDialog(QDialog):
    """Search the actors as you type and pick one (Enter or double-click)."""

    def __init__(
        self, services: Services, exclude: Collection[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._exclude = set(exclude)
        title = _("Add actor to project")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Name, village or organisation number"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(_("&Search:"), self)
        search_label.setBuddy(self.search)
        self.search.setAccessibleName(plain(search_label.text()).rstrip(":"))
        self.results = QListWidget(self)
        # Room above and below each name for accents and carons ("Čáhppes Ŋuorra").
        self.results.setStyleSheet(LIST_ITEM_PADDING)
        results_label = QLabel(_("&Actors:"), self)
        results_label.setBuddy(self.results)
        self.results.setAccessibleName(plain(results_label.text()).rstrip(":"))
        self.empty_label = QLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(_("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (
            search_label,
            self.search,
            results_label,
            self.results,
            self.empty_label,
            self.buttons,
        ):
            layout.addWidget(widget)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.results.currentRowChanged.connect(self._update_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(460, 420)
        restore_geometry(self, "actor_picker")
        self._filter("")

    def _filter(self, text: str) -> None:
        self.results.clear()
        for row in self._services.actors.list(query=text.strip()):
            if row.id in self._exclude:
                continue
            details = [_(label(Sector(row.sector)))]
            if row.village:
                details.append(row.village)
            item = QListWidgetItem(f"{row.name} — {', '.join(details)}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.empty_label.clear()
        else:
            self.empty_label.setText(_("No actors match the search."))
        self._update_ok()

    def _update_ok(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.results.currentItem() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown):
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.results.currentItem() is None:
            return
        super().accept()

    def done(self, result: int) -> None:
        save_geometry(self, "actor_picker")
        super().done(result)

    def actor_id(self) -> str | None:
        item = self.results.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class NewRoleDialog(FormDialog):
    """A user-defined role: names in Nynorsk, Bokmål and English and a short code."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(_("New role"), "new_role", parent)
        self._services = services
        self.name_nn = QLineEdit(self)
        self.name_nb = QLineEdit(self)
        self.name_en = QLineEdit(self)
        self.short = QLineEdit(self)
        self.short.setMaxLength(8)
        self.short.setPlaceholderText(_("e.g. FR"))
        self.form.add_row("name_nn", _("Name (&Nynorsk):"), self.name_nn)
        self.form.add_row("name_nb", _("Name (&Bokmål):"), self.name_nb)
        self.form.add_row("name_en", _("Name (&English):"), self.name_en)
        self.form.add_row("short", _("Short &code:"), self.short)
        self.submit = self._create
        self.resize(420, self.sizeHint().height())
        self.restore()

    def _create(self) -> Change[RoleView]:
        return self._services.roles.create_role(
            self.name_nn.text(), self.name_nb.text(), self.name_en.text(), self.short.text()
        )
