"""File → Export …: a table, or all of them, into an Excel workbook or a CSV file.

The export itself is the service's (``services.exporting``: it only reads the
database). The format follows the file name chosen in the save dialog. The table
and the folder are remembered; "include contact data" is not, so that personal data
is only exported when it is ticked each time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import LANGUAGE_NAMES, LANGUAGES, N_, Translator, _, current
from stad_desktop.os_errors import os_error_message
from stad_desktop.services.export_tables import CONTACTS, TABLES, TITLES
from stad_desktop.services.exporting import ALL
from stad_desktop.ui.feedback import busy, notify
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.widgets.forms import error_label, restore_geometry, save_geometry

if TYPE_CHECKING:
    from stad_desktop.services import Services

# The tables in the order of the list, and all of them.
TABLE_CHOICES = (
    *((key, TITLES[key]) for key in TABLES),
    (ALL, N_("All tables (one workbook, a sheet each)")),
)
XLSX, CSV = ".xlsx", ".csv"
MIN_WIDTH = 480
_TABLE_KEY = "export/table"
_FOLDER_KEY = "export/folder"


class ExportDialog(QDialog):
    """Which table, in which language, with or without contact data; then where."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("export_dialog")
        self.setWindowTitle(_("Export"))
        self.message = ""  # what was done, once the export is written

        self.table = QComboBox()
        for key, title in TABLE_CHOICES:
            self.table.addItem(_(title), key)
        self.language = QComboBox()
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.language.setCurrentIndex(max(0, self.language.findData(current().lang)))
        self.contacts = QCheckBox(_("Include &contact data (names, e-mails, phone numbers)"))
        self.note = QLabel(
            _("Contact data is personal data: leave it out unless the list needs it.")
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-style: italic;")
        self.formats = QLabel(
            _("The file name decides the format: .xlsx for Excel, .csv for a CSV file.")
        )
        self.formats.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("&Table:"), self.table)
        form.addRow(_("&Language:"), self.language)
        for field in (self.table, self.language):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                field.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        self.error = error_label()

        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            _("&Export …"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.choose_and_export)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.contacts)
        layout.addWidget(self.note)
        layout.addWidget(self.formats)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.setMinimumWidth(MIN_WIDTH)
        remembered = app_settings().value(_TABLE_KEY, "actors")
        self.table.setCurrentIndex(max(0, self.table.findData(remembered)))
        self.table.currentIndexChanged.connect(self._update)
        self._update()
        restore_geometry(self, "export_dialog")

    # --- choices ----------------------------------------------------------------------
    def table_key(self) -> str:
        return str(self.table.currentData())

    def lang(self) -> str:
        return str(self.language.currentData())

    def include_contacts(self) -> bool:
        return self.contacts.isChecked()

    def _update(self) -> None:
        # The contact persons table is contact data itself: always with it.
        contacts_table = self.table_key() == CONTACTS
        if contacts_table or not self.contacts.isEnabled():
            self.contacts.setChecked(contacts_table)
        self.contacts.setEnabled(not contacts_table)
        self.error.setVisible(False)

    def suggested_name(self) -> str:
        """The table's title in the export's language as a file name ("aktørar.xlsx")."""
        if self.table_key() == ALL:  # the database's name: "stad.xlsx"
            text = Path(self.services.db.name).stem
        else:
            text = Translator(self.lang())._(TITLES[self.table_key()]).lower()
        safe = "".join("-" if c in '\\/:*?"<>|' else c for c in text)
        return safe + XLSX

    # --- exporting --------------------------------------------------------------------
    def choose_file(self) -> Path | None:
        """Ask where to write (a save-file dialog); None when cancelled."""
        folder = app_settings().value(_FOLDER_KEY, str(Path.home()))
        filters = [_("Excel workbooks (*.xlsx)")]
        if self.table_key() != ALL:
            filters.append(_("CSV files, semicolon-separated (*.csv)"))
        name, chosen = QFileDialog.getSaveFileName(
            self,
            _("Export"),
            str(Path(str(folder)) / self.suggested_name()),
            ";;".join(filters),
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() not in (XLSX, CSV):
            suffix = CSV if chosen.endswith("(*.csv)") else XLSX
            target = target.with_name(target.name + suffix)
        return target

    def choose_and_export(self) -> bool:
        target = self.choose_file()
        return target is not None and self.export_to(target)

    def export_to(self, target: Path) -> bool:
        """Write the chosen table into ``target``; on success close the dialog and
        say what was done in the window's status bar, else show one line why not."""
        from stad_desktop.services.exporting import export
        from stad_desktop.services.outputs import OutputRefused

        self.error.setVisible(False)
        parent = self.parentWidget()
        try:
            with busy(parent, _("Exporting …")):
                result = export(
                    self.services,
                    self.table_key(),
                    target,
                    lang=self.lang(),
                    include_contacts=self.include_contacts(),
                )
        except OutputRefused as exc:
            self._show_error(exc.message.render())
            return False
        except OSError as exc:
            self._show_error(
                _("Could not save {path}: {detail}").format(
                    path=target, detail=current().render(os_error_message(exc))
                )
            )
            return False
        settings = app_settings()
        settings.setValue(_TABLE_KEY, self.table_key())
        settings.setValue(_FOLDER_KEY, str(target.parent))
        self.message = result.message().render()
        note = result.left_out_message()
        if note is not None:
            self.message += " – " + note.render()
        if parent is not None:
            notify(parent, self.message)
        self.accept()
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.adjustSize()  # room for the message

    def done(self, result: int) -> None:
        save_geometry(self, "export_dialog")
        super().done(result)
