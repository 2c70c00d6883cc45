"""File → Print summary …: choose a printout, preview it, print it or save it as PDF.

The printout itself is made by :mod:`stad_desktop.reports` (no Qt there), into a
temporary file; the preview shows that file with QtPdf, and printing renders its
pages onto a QPrinter. The last choices (report, project, language, folder) are
remembered; "include contact persons" is not, so that personal data is only
printed when it is ticked each time (council papers are public).
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import LANGUAGE_NAMES, LANGUAGES, Translator, _, current
from stad_desktop.model.enums import Phase
from stad_desktop.model.enums import label as enum_label
from stad_desktop.os_errors import os_error_message
from stad_desktop.ui.dialogs import print_hearing as hearing
from stad_desktop.ui.dialogs.print_preview import (
    PREVIEW_SIZE,
    PreviewDialog,
    fit_to_screen,
    settings_value,
)
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.theme import error_style
from stad_desktop.ui.widgets.forms import restore_geometry, save_geometry
from stad_desktop.ui.widgets.search_tools import make_searchable

if TYPE_CHECKING:
    from stad_desktop.services import Services

PROJECT_SUMMARY = "project"
PORTFOLIO = "portfolio"
MEETING = hearing.MEETING
VILLAGE = hearing.VILLAGE
INPUT_FORM = hearing.INPUT_FORM
__all__ = [
    "INPUT_FORM",
    "MEETING",
    "PORTFOLIO",
    "PREVIEW_SIZE",
    "PROJECT_SUMMARY",
    "VILLAGE",
    "PreviewDialog",
    "PrintDialog",
    "fit_to_screen",
]
# Rows of the phase and area lists shown without scrolling.
CHOICE_ROWS = 6


class PrintDialog(QDialog):
    """Which printout, for which project or meeting, in which language, with or
    without contacts. Given a ``meeting_id``, what we heard at that meeting is chosen."""

    def __init__(
        self,
        services: Services,
        project_id: str | None = None,
        parent: QWidget | None = None,
        *,
        meeting_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("print_dialog")
        self.setWindowTitle(_("Print summary"))
        self._folder = Path(tempfile.mkdtemp(prefix="stad-print-"))
        self.preview: PreviewDialog | None = None

        self.kind = QComboBox()
        self.kind.addItem(_("Project summary"), PROJECT_SUMMARY)
        self.kind.addItem(_("Portfolio overview"), PORTFOLIO)
        for text, kind in hearing.kind_names():
            self.kind.addItem(text, kind)
        self.project = QComboBox()
        for ref in services.projects.refs():
            self.project.addItem(ref.name, ref.id)
        make_searchable(self.project)
        self.municipality = QLineEdit(services.settings.municipality_name())
        self.municipality.setMaxLength(100)
        self.language = QComboBox()
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        # The portfolio's choices: by default every active phase and every area.
        self.phases = _choice_list(
            [(_(enum_label(phase)), phase.value, phase is not Phase.COMPLETED) for phase in Phase]
        )
        self.areas = _choice_list([(area, area, True) for area in services.projects.areas()])
        self.matrix = QCheckBox(_("Include the actors and projects &matrix even when it is wide"))
        self.contacts = QCheckBox(_("Include contact persons (names, e-mails, phone numbers)"))
        note = QLabel(_("Council papers are public: leave this out unless it is needed."))
        self.privacy_note = note
        note.setWordWrap(True)
        # In the normal text colour (palette(mid) was too faint to read), set off
        # from the form by italics.
        note.setStyleSheet("font-style: italic;")
        note.setObjectName("privacy_note")

        form = QFormLayout()
        form.addRow(_("&Printout:"), self.kind)
        form.addRow(_("P&roject:"), self.project)
        self.hearing = hearing.HearingChoices(services, form, meeting_id)
        form.addRow(_("&Language:"), self.language)
        form.addRow(_("M&unicipality in the header:"), self.municipality)
        form.addRow(_("P&hases:"), self.phases)
        form.addRow(_("&Areas:"), self.areas)
        fields = (self.kind, self.project, self.language, self.municipality, self.phases)
        for field in (*fields, self.areas):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                field.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a name or path
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.setVisible(False)

        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(
            _("Pre&view …"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.preview_button.setDefault(True)
        cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.preview_button.clicked.connect(self.show_preview)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.matrix)
        layout.addWidget(self.contacts)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(self._update)
        self.phases.itemChanged.connect(lambda _item: self._update())
        self.areas.itemChanged.connect(lambda _item: self._update())
        self.hearing.village.currentTextChanged.connect(lambda _text: self._update())
        self.form = form
        self._restore(project_id, meeting_id)
        self._update()
        restore_geometry(self, "print_dialog")

    # --- choices ----------------------------------------------------------------------
    def _restore(self, project_id: str | None, meeting_id: str | None) -> None:
        kind = MEETING if meeting_id else settings_value("report", PROJECT_SUMMARY)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        wanted = project_id or settings_value("project", "")
        self.project.setCurrentIndex(max(0, self.project.findData(wanted)))
        lang = settings_value("language", current().lang)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))

    def _remember(self) -> None:
        settings = app_settings()
        settings.setValue("print/report", self.report_kind())
        settings.setValue("print/project", self.project.currentData() or "")
        settings.setValue("print/language", self.lang())
        self.hearing.remember()

    def _update(self) -> None:
        kind = self.report_kind()
        summary = kind == PROJECT_SUMMARY
        portfolio = kind == PORTFOLIO
        self.project.setEnabled(summary)
        self.form.setRowVisible(self.project, summary)
        for widget in (self.phases, self.areas, self.matrix):
            widget.setEnabled(portfolio)
        self.form.setRowVisible(self.phases, portfolio)
        self.form.setRowVisible(self.areas, portfolio)
        self.matrix.setVisible(portfolio)
        self.areas.setEnabled(portfolio and self.areas.count() > 0)
        contacts = kind != INPUT_FORM
        self.contacts.setVisible(contacts)
        self.contacts.setEnabled(contacts)
        self.privacy_note.setVisible(contacts)
        if kind in hearing.KINDS:
            ready = self.hearing.show_for(kind)
        else:
            self.hearing.show_for(kind)
        if summary:
            ready = self.project.count() > 0
        elif portfolio:
            # Nothing to print when every phase, or every area there is, is unticked.
            ready = bool(_checked(self.phases)) and (
                self.areas.count() == 0 or bool(_checked(self.areas))
            )
        self.preview_button.setEnabled(ready)

    def chosen_phases(self) -> list[str]:
        """The phases ticked for the portfolio."""
        return _checked(self.phases)

    def chosen_areas(self) -> list[str]:
        """The areas ticked for the portfolio; empty when all are (no filter)."""
        checked = _checked(self.areas)
        return [] if len(checked) == self.areas.count() else checked

    def report_kind(self) -> str:
        return str(self.kind.currentData())

    def lang(self) -> str:
        return str(self.language.currentData())

    def suggested_name(self) -> str:
        tr = Translator(self.lang())
        kind = self.report_kind()
        if kind == PROJECT_SUMMARY:
            title = tr._("Project summary") + " – " + self.project.currentText()
        elif kind in hearing.KINDS:
            title = self.hearing.title(kind, tr)
        else:
            title = tr._("Portfolio overview")
        safe = "".join("-" if c in '\\/:*?"<>|' else c for c in title)
        return f"{safe}.pdf"

    # --- making the printout -------------------------------------------------------------
    def make_pdf(self) -> Path:
        """Make the chosen printout into a new temporary file and return it."""
        from stad_desktop.reports import make_portfolio, make_project_summary

        path = self._folder / f"{uuid.uuid4().hex}.pdf"
        kind = self.report_kind()
        if kind in hearing.KINDS:
            self.hearing.make_pdf(
                kind, path, lang=self.lang(), include_contacts=self.contacts.isChecked()
            )
        elif kind == PROJECT_SUMMARY:
            make_project_summary(
                self.services,
                str(self.project.currentData()),
                path,
                lang=self.lang(),
                include_contacts=self.contacts.isChecked(),
            )
        else:
            make_portfolio(
                self.services,
                path,
                lang=self.lang(),
                include_contacts=self.contacts.isChecked(),
                phases=self.chosen_phases(),
                areas=self.chosen_areas(),
                matrix=True if self.matrix.isChecked() else None,
            )
        return path

    def show_preview(self) -> PreviewDialog | None:
        from stad_desktop.services import NotFoundError, ValidationError

        self.error.setVisible(False)
        name = self.municipality.text()
        if name.strip() != self.services.settings.municipality_name():
            try:  # kept with the data, for every later printout
                self.services.settings.set_municipality_name(name)
            except ValidationError as exc:
                self._show_error(exc.message.render())
                self.municipality.setFocus()
                return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf = self.make_pdf()
        except NotFoundError:
            if self.report_kind() == MEETING:
                self._show_error(_("The meeting no longer exists."))
            elif self.report_kind() == VILLAGE:
                name = self.hearing.village_name()
                self._show_error(self.services.hearing.unknown_village(name).render())
            else:
                self._show_error(_("The project no longer exists."))
            return None
        except ValidationError as exc:  # the input form's date
            self._show_error(exc.message.render())
            self.hearing.date.setFocus()
            return None
        except OSError as exc:
            self._show_error(
                _("Could not make the printout: {detail}").format(
                    detail=current().render(os_error_message(exc))
                )
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._remember()
        self.preview = PreviewDialog(
            pdf, self.suggested_name(), database=self.services.db.path, parent=self
        )
        self.preview.open()
        return self.preview

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def done(self, result: int) -> None:
        save_geometry(self, "print_dialog")
        shutil.rmtree(self._folder, ignore_errors=True)
        super().done(result)


def _choice_list(choices: list[tuple[str, str, bool]]) -> QListWidget:
    """A list of tickable choices: (text, value, ticked)."""
    widget = QListWidget()
    for text, value, ticked in choices:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    rows = max(1, min(CHOICE_ROWS, widget.count()))
    height = widget.sizeHintForRow(0) * rows if widget.count() else 24
    widget.setFixedHeight(height + 2 * widget.frameWidth() + 2)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [
        str(item.data(Qt.ItemDataRole.UserRole))
        for item in (widget.item(row) for row in range(widget.count()))
        if item is not None and item.checkState() == Qt.CheckState.Checked
    ]
