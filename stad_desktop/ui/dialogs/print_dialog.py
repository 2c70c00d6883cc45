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

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.fileio import atomic_copy
from stad_desktop.language import LANGUAGE_NAMES, LANGUAGES, Translator, _, current
from stad_desktop.model.enums import Phase
from stad_desktop.model.enums import label as enum_label
from stad_desktop.os_errors import os_error_message
from stad_desktop.services.outputs import OutputKind, OutputRefused, check_output
from stad_desktop.ui.feedback import problem
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.widgets.forms import restore_geometry, save_geometry

if TYPE_CHECKING:
    from stad_desktop.services import Services

PROJECT_SUMMARY = "project"
PORTFOLIO = "portfolio"
# Pages are rendered for the printer at this resolution at most (a 1200 dpi
# printer would otherwise need a 550 MB image per A4 page).
MAX_PRINT_DPI = 300
# The preview's preferred size: one A4 page at a readable width.
PREVIEW_SIZE = QSize(820, 900)
# A dialog takes at most this share of the screen's free area.
SCREEN_SHARE = 0.9
# Rows of the phase and area lists shown without scrolling.
CHOICE_ROWS = 6


def fit_to_screen(widget: QWidget, size: QSize) -> QSize:
    """``size``, made smaller where it would take more than SCREEN_SHARE of the
    available area of the screen ``widget`` is on (a 1366 x 768 laptop)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return size
    area = screen.availableGeometry()
    return QSize(
        min(size.width(), int(area.width() * SCREEN_SHARE)),
        min(size.height(), int(area.height() * SCREEN_SHARE)),
    )


def _settings_value(key: str, default: str) -> str:
    value = app_settings().value(f"print/{key}", default)
    return value if isinstance(value, str) else default


class PrintDialog(QDialog):
    """Which printout, for which project, in which language, with or without contacts."""

    def __init__(
        self,
        services: Services,
        project_id: str | None = None,
        parent: QWidget | None = None,
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
        self.project = QComboBox()
        for ref in services.projects.refs():
            self.project.addItem(ref.name, ref.id)
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
        note.setWordWrap(True)
        # In the normal text colour (palette(mid) was too faint to read), set off
        # from the form by italics.
        note.setStyleSheet("font-style: italic;")
        note.setObjectName("privacy_note")

        form = QFormLayout()
        form.addRow(_("&Printout:"), self.kind)
        form.addRow(_("P&roject:"), self.project)
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
        self.error.setStyleSheet("color: #b00020;")
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
        self._restore(project_id)
        self._update()
        restore_geometry(self, "print_dialog")

    # --- choices ----------------------------------------------------------------------
    def _restore(self, project_id: str | None) -> None:
        kind = _settings_value("report", PROJECT_SUMMARY)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        wanted = project_id or _settings_value("project", "")
        self.project.setCurrentIndex(max(0, self.project.findData(wanted)))
        lang = _settings_value("language", current().lang)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))

    def _remember(self) -> None:
        settings = app_settings()
        settings.setValue("print/report", self.report_kind())
        settings.setValue("print/project", self.project.currentData() or "")
        settings.setValue("print/language", self.lang())

    def _update(self) -> None:
        summary = self.report_kind() == PROJECT_SUMMARY
        self.project.setEnabled(summary)
        for widget in (self.phases, self.areas, self.matrix):
            widget.setEnabled(not summary)
        self.areas.setEnabled(not summary and self.areas.count() > 0)
        if summary:
            ready = self.project.count() > 0
        else:
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
        if self.report_kind() == PROJECT_SUMMARY:
            title = tr._("Project summary") + " – " + self.project.currentText()
        else:
            title = tr._("Portfolio overview")
        safe = "".join("-" if c in '\\/:*?"<>|' else c for c in title)
        return f"{safe}.pdf"

    # --- making the printout -------------------------------------------------------------
    def make_pdf(self) -> Path:
        """Make the chosen printout into a new temporary file and return it."""
        from stad_desktop.reports import make_portfolio, make_project_summary

        path = self._folder / f"{uuid.uuid4().hex}.pdf"
        if self.report_kind() == PROJECT_SUMMARY:
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
            self._show_error(_("The project no longer exists."))
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


class PreviewDialog(QDialog):
    """Shows a PDF; Print … sends it to a printer, Save as PDF … copies it (never over
    the database, its own files or anything but a PDF: see ``services.outputs``)."""

    def __init__(
        self,
        pdf: Path,
        suggested_name: str,
        *,
        database: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.setObjectName("print_preview")
        self.setWindowTitle(_("Print preview"))
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setAccessibleName(_("Print preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        buttons = QDialogButtonBox()
        self.print_button = QPushButton(_("&Print …"))
        self.save_button = QPushButton(_("&Save as PDF …"))
        close = QPushButton(_("Close"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.reject)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(fit_to_screen(self, PREVIEW_SIZE))
        restore_geometry(self, "print_preview")

    def page_count(self) -> int:
        return int(self.document.pageCount())

    # --- printing -----------------------------------------------------------------------
    def printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name.removesuffix(".pdf"))
        if self.page_count():
            size = self.document.pagePointSize(0)
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape
                if size.width() > size.height()
                else QPageLayout.Orientation.Portrait
            )
        printer.setFromTo(1, max(1, self.page_count()))
        return printer

    def print_document(self) -> None:
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render the pages (the printer's range, or all) onto ``printer``; returns
        the number of pages sent."""
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        last = min(last, count)
        painter = QPainter()
        if not painter.begin(printer):
            problem(self, _("The printer could not be started."), title=_("Print"))
            return 0
        sent = 0
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for number in range(first - 1, last):
                if sent:
                    printer.newPage()
                points = self.document.pagePointSize(number)
                image = self.document.render(
                    number,
                    QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)),
                )
                target = painter.viewport()
                scale = min(target.width() / image.width(), target.height() / image.height())
                width, height = image.width() * scale, image.height() * scale
                # Scaled while painting: the printer's own pixels may be many more.
                painter.drawImage(QRectF(0, 0, width, height), image)
                sent += 1
        finally:
            painter.end()
        return sent

    # --- saving -------------------------------------------------------------------------
    def save_as(self) -> Path | None:
        folder = _settings_value("folder", str(Path.home()))
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save as PDF"),
            str(Path(folder) / self.suggested_name),
            _("PDF documents (*.pdf)"),
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            check_output(target, self.database, OutputKind.PDF)
            atomic_copy(self.pdf, target)
        except OutputRefused as exc:
            problem(self, exc.message.render(), title=_("Save as PDF"))
            return None
        except OSError as exc:
            problem(
                self,
                _("Could not save {path}: {detail}").format(
                    path=target, detail=current().render(os_error_message(exc))
                ),
                title=_("Save as PDF"),
            )
            return None
        app_settings().setValue("print/folder", str(target.parent))
        return target

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, "print_preview")
        super().closeEvent(event)

    def done(self, result: int) -> None:
        save_geometry(self, "print_preview")
        self.document.close()
        super().done(result)
