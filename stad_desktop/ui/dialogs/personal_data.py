"""Settings → Personal data …: every person the database holds, why it keeps them and
until when; the list *Personal data due for review* is the same dialog showing only
those whose review date has passed. For the chosen person: keep (reviewed, on the
same basis), renew (a new consent), save everything about them (innsyn, JSON or PDF)
or erase them (after a confirmation that says what goes and that it cannot be
undone). The work is the services' (``personal_data``, ``person_dossier``,
``erasure``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.format import format_date
from stad_desktop.language import N_, _, current, ngettext
from stad_desktop.model.enums import LegalBasis, label
from stad_desktop.services import Services
from stad_desktop.services.erasure import ErasureSummary
from stad_desktop.services.personal_data import PersonNotFound, PersonRow
from stad_desktop.ui.feedback import confirm, inform, problem


def where_text(person: PersonRow) -> str:
    parts = list(person.actors)
    if person.gives_input:
        parts.append(_("gives input"))
    if person.records_entries:
        parts.append(_("records effects"))
    return ", ".join(parts)


def erasure_text(summary: ErasureSummary) -> str:
    """What an erasure removes, and that it cannot be undone (the confirmation)."""
    contacts = ngettext(
        "{count} contact record", "{count} contact records", summary.contacts
    ).format(count=summary.contacts)
    inputs = ngettext("{count} input item", "{count} input items", summary.inputs).format(
        count=summary.inputs
    )
    entries = ngettext("{count} effect entry", "{count} effect entries", summary.entries).format(
        count=summary.entries
    )
    return _(
        "This removes {contacts}, and takes the name off {inputs} and {entries} (they "
        "stay, without the name). The change history keeps that changes were made, not "
        "what they held. An erasure cannot be undone."
    ).format(contacts=contacts, inputs=inputs, entries=entries)


class PersonalDataDialog(QDialog):
    changed = Signal()  # after an erasure or a review: the data changed

    COLUMNS = (N_("Name"), N_("Where"), N_("Legal basis"), N_("Review by"))

    def __init__(
        self, services: Services, *, due_only: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.people: list[PersonRow] = []
        self.resize(900, 480)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.due_only = QCheckBox(_("&Only those due for review"))
        self.due_only.setChecked(due_only)
        self.due_only.toggled.connect(self.reload)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setAccessibleName(_("Persons"))
        self.table.setHorizontalHeaderLabels([_(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.keep_button = QPushButton(_("&Keep"))
        self.keep_button.setToolTip(_("Still needed on the same basis: review again later"))
        self.renew_button = QPushButton(_("&Renew consent …"))
        self.export_button = QPushButton(_("&Save all about the person …"))
        self.erase_button = QPushButton(_("&Erase …"))
        close = QPushButton(_("Close"))
        self.keep_button.clicked.connect(lambda: self.keep_selected())
        self.renew_button.clicked.connect(lambda: self.renew_selected())
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.erase_button.clicked.connect(lambda: self.erase_selected())
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.renew_button, self.export_button, self.erase_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.due_only)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        due = self.due_only.isChecked()
        service = self.services.personal_data
        self.people = list(service.due_for_review() if due else service.list())
        self.setWindowTitle(_("Personal data due for review") if due else _("Personal data"))
        months = service.review_months()
        self.intro.setText(
            _(
                "Everyone the database holds: contact persons and people named as "
                "“from whom” on input or “recorded by” on effect entries. Each is reviewed "
                "{months} months after their last activity, unless another date is set."
            ).format(months=months)
            if not due
            else ngettext(
                "{count} person is due for review: keep, renew the consent, or erase.",
                "{count} persons are due for review: keep, renew the consent, or erase.",
                len(self.people),
            ).format(count=len(self.people))
        )
        tr = current()
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            basis = tr._(label(LegalBasis(person.legal_basis)))
            if person.consent_date is not None:
                basis += " (" + format_date(person.consent_date, tr) + ")"
            cells = (person.name, where_text(person), basis, format_date(person.review_date, tr))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if self.people:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> PersonRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.people[rows[0].row()] if rows else None

    def select_name(self, name: str) -> None:
        for row, person in enumerate(self.people):
            if person.name == name:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.keep_button, self.renew_button, self.export_button, self.erase_button):
            button.setEnabled(chosen)

    def _done(self) -> None:
        self.reload()
        self.changed.emit()

    def keep_selected(self) -> None:
        person = self.selected()
        if person is not None:
            self.services.personal_data.keep(person.id)
            self._done()

    def renew_selected(self, how: str | None = None) -> None:
        person = self.selected()
        if person is None:
            return
        if how is None:
            how, ok = QInputDialog.getText(
                self,
                _("Renew consent"),
                _("How did {person} give consent (e.g. a signed form, an e-mail)?").format(
                    person=person.name
                ),
            )
            if not ok or not how.strip():
                return
        self.services.personal_data.renew(person.id, how)
        self._done()

    def export_selected(self, path: Path | None = None) -> Path | None:
        person = self.selected()
        if person is None:
            return None
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _("Save all about {person}").format(person=person.name),
                f"{person.name}.pdf",
                _("PDF for the person (*.pdf);;JSON (*.json)"),
            )
            if not name:
                return None
            path = Path(name)
        from stad_desktop.services.outputs import OutputRefused

        try:
            dossier = self.services.dossiers.gather(person.id)
            if path.suffix.lower() == ".json":
                self.services.dossiers.write_json(dossier, path)
            else:
                from stad_desktop.reports.person import write_person_pdf

                write_person_pdf(
                    dossier,
                    path.with_suffix(".pdf") if path.suffix.lower() != ".pdf" else path,
                    lang=current().lang,
                    database=self.services.db.path,
                    municipality=self.services.settings.municipality_name(),
                )
        except OutputRefused as exc:
            problem(self, current().render(exc.message))
            return None
        except OSError as exc:
            problem(self, _("Could not save {path}: {detail}").format(path=path, detail=exc))
            return None
        return path

    def erase_selected(self, ask: bool = True) -> bool:
        person = self.selected()
        if person is None:
            return False
        try:
            summary = self.services.erasure.preview(person.id)
        except PersonNotFound:
            self.reload()
            return False
        if ask and not confirm(
            self,
            _("Erase {person} for good?").format(person=person.name),
            erasure_text(summary),
            _("Erase"),
        ):
            return False
        done = self.services.erasure.erase(person.id)
        self._done()
        if done.mentions and ask:
            lines = "\n".join(f"• {m.title} ({m.field})" for m in done.mentions)
            inform(
                self,
                _("{person} is erased. These texts still mention the name; edit them:").format(
                    person=done.name
                )
                + "\n"
                + lines,
            )
        return True
