"""The print preview: shows a printout (a PDF) with QtPdf, with zoom and page
navigation (``widgets.pdf_controls``); Print … renders its pages
onto a QPrinter, Save as PDF … copies it where the user says (never over the
database, its own files or anything but a PDF: see ``services.outputs``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.fileio import atomic_copy
from stad_desktop.language import _, current
from stad_desktop.os_errors import os_error_message
from stad_desktop.services.outputs import OutputKind, OutputRefused, check_output
from stad_desktop.ui.feedback import problem
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.widgets.forms import restore_geometry, save_geometry
from stad_desktop.ui.widgets.pdf_controls import PdfControls

# Pages are rendered for the printer at this resolution at most (a 1200 dpi
# printer would otherwise need a 550 MB image per A4 page).
MAX_PRINT_DPI = 300
# The preview's preferred size: one A4 page at a readable width.
PREVIEW_SIZE = QSize(820, 900)
# A dialog takes at most this share of the screen's free area.
SCREEN_SHARE = 0.9


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


def settings_value(key: str, default: str) -> str:
    value = app_settings().value(f"print/{key}", default)
    return value if isinstance(value, str) else default


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

        self.controls = PdfControls(self.view, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
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
        folder = settings_value("folder", str(Path.home()))
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
