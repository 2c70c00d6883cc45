"""Create or edit an actor with its contact persons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.format import format_number
from stad_desktop.language import _, current
from stad_desktop.model.enums import Sector, label
from stad_desktop.services import ActorInput, ContactInput, ValidationError
from stad_desktop.services.readmodels import ActorDetail
from stad_desktop.ui.models.actors import org_number_text
from stad_desktop.ui.widgets.forms import (
    KNOWN_PROBLEMS,
    FieldErrors,
    buddy_label,
    error_label,
    restore_geometry,
    save_geometry,
)


def _text_box(height_lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * height_lines + 12)
    return box


class ContactRow(QWidget):
    """One contact person: name, e-mail, phone and a remove button."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.remove = QPushButton(_("Remove"))
        self.remove.setAutoDefault(False)
        self.error = error_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for text, edit, stretch in (
            (_("Name"), self.name, 3),
            (_("E-mail"), self.email, 4),
            (_("Phone"), self.phone, 2),
        ):
            row.addWidget(buddy_label(text, edit))
            row.addWidget(edit, stretch)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.renumber(number)

    def renumber(self, number: int) -> None:
        """Accessible names say which contact person a field belongs to."""
        for text, edit in (
            (_("Name"), self.name),
            (_("E-mail"), self.email),
            (_("Phone"), self.phone),
        ):
            edit.setAccessibleName(
                _("Contact person {number}: {field}").format(number=number, field=text)
            )
        self.remove.setAccessibleName(_("Remove contact person {number}").format(number=number))

    def value(self) -> ContactInput:
        return ContactInput(self.name.text(), self.email.text(), self.phone.text())


class ActorDialog(QDialog):
    """``save(data)`` is called on Save; a ValidationError it raises is shown next
    to its field and the dialog stays open with what was typed."""

    def __init__(
        self,
        save: Callable[[ActorInput], object],
        actor: ActorDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.actor = actor
        self.setWindowTitle(_("Edit actor") if actor else _("New actor"))
        self.setObjectName("actor_dialog")
        self.errors = FieldErrors()

        self.name = QLineEdit()
        self.sector = QComboBox()
        for sector in Sector:
            self.sector.addItem(_(label(sector)), sector.value)
        self.org_number = QLineEdit()
        self.org_number.setPlaceholderText(_("e.g. {example}").format(example="123 456 785"))
        self.village = QLineEdit()
        self.wishes = _text_box()
        self.hours = QLineEdit()
        self.hours.setMaximumWidth(120)
        self.notes = _text_box(4)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self._row = 0

        def add(field: str, text: str, widget: QWidget) -> None:
            align = (
                Qt.AlignmentFlag.AlignTop
                if isinstance(widget, QPlainTextEdit)
                else Qt.AlignmentFlag.AlignVCenter
            )
            grid.addWidget(buddy_label(text, widget), self._row, 0, align)
            grid.addWidget(widget, self._row, 1)
            error = error_label()
            grid.addWidget(error, self._row + 1, 1)
            self.errors.add(field, widget, error)
            self._row += 2

        add("name", _("&Name"), self.name)
        add("sector", _("&Sector"), self.sector)
        add("org_number", _("&Organisation number"), self.org_number)
        add("village", _("&Village"), self.village)

        self.contacts_box = QGroupBox(_("Contact persons"))
        self.contacts_layout = QVBoxLayout(self.contacts_box)
        self.contact_rows: list[ContactRow] = []
        self.add_contact_button = QPushButton(_("&Add contact person"))
        self.add_contact_button.setAutoDefault(False)
        self.add_contact_button.clicked.connect(lambda: self.add_contact(focus=True))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_contact_button)
        add_row.addStretch(1)
        self.contacts_layout.addLayout(add_row)
        grid.addWidget(self.contacts_box, self._row, 0, 1, 2)
        self._row += 1

        add("wishes_to_contribute", _("&Wishes to contribute"), self.wishes)
        add("hours_per_month", _("&Hours per month"), self.hours)
        add("notes", _("Not&es"), self.notes)

        self.general_error = error_label()
        self.errors.fallback = self.general_error

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            _("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self._fill(actor)
        self.resize(760, 580)
        restore_geometry(self, "actor")

    # --- contacts --------------------------------------------------------------------
    def add_contact(self, focus: bool = False) -> ContactRow:
        row = ContactRow(len(self.contact_rows) + 1)
        row.remove.clicked.connect(lambda: self.remove_contact(row))
        self.contacts_layout.insertWidget(len(self.contact_rows), row)
        self.contact_rows.append(row)
        self._register_contacts()
        if focus:
            row.name.setFocus()
        return row

    def remove_contact(self, row: ContactRow) -> None:
        index = self.contact_rows.index(row)
        self.contact_rows.remove(row)
        row.hide()
        row.setParent(None)  # type: ignore[call-overload]
        row.deleteLater()
        self._register_contacts()
        if self.contact_rows:
            self.contact_rows[min(index, len(self.contact_rows) - 1)].name.setFocus()
        else:
            self.add_contact_button.setFocus()

    def _register_contacts(self) -> None:
        self.errors.remove_prefix("contacts.")
        previous: QWidget = self.village
        for index, row in enumerate(self.contact_rows):
            row.renumber(index + 1)
            for key, edit in (("name", row.name), ("email", row.email), ("phone", row.phone)):
                self.errors.add(f"contacts.{index}.{key}", edit, row.error)
            for widget in (row.name, row.email, row.phone, row.remove):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.add_contact_button)
        QWidget.setTabOrder(self.add_contact_button, self.wishes)

    # --- values ----------------------------------------------------------------------
    def _fill(self, actor: ActorDetail | None) -> None:
        if actor is None:
            self.add_contact()
            return
        self.name.setText(actor.name)
        self.sector.setCurrentIndex(max(0, self.sector.findData(actor.sector)))
        self.org_number.setText(org_number_text(actor.org_number))
        self.village.setText(actor.village)
        self.wishes.setPlainText(actor.wishes_to_contribute)
        if actor.hours_per_month is not None:
            self.hours.setText(format_number(actor.hours_per_month, current()))
        self.notes.setPlainText(actor.notes)
        for contact in actor.contacts:
            row = self.add_contact()
            row.name.setText(contact.name)
            row.email.setText(contact.email)
            row.phone.setText(contact.phone)
        if not actor.contacts:
            self.add_contact()

    def value(self) -> ActorInput:
        return ActorInput(
            name=self.name.text(),
            sector=str(self.sector.currentData()),
            org_number=self.org_number.text(),
            village=self.village.text(),
            wishes_to_contribute=self.wishes.toPlainText(),
            hours_per_month=self.hours.text(),
            notes=self.notes.toPlainText(),
            contacts=tuple(row.value() for row in self.contact_rows),
            version=self.actor.version if self.actor is not None else None,
        )

    def submit(self) -> None:
        self.errors.clear()
        try:
            self._save(self.value())
        except ValidationError as error:
            self.errors.show_error(error)
            return
        except KNOWN_PROBLEMS as problem:
            self.errors.show_problem(problem)
            return
        self.accept()

    def done(self, result: int) -> None:
        save_geometry(self, "actor")
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, "actor")
        super().closeEvent(event)
