"""Zoom and page navigation for a QPdfView (the print preview): zoom out and in,
fit the width or the whole page, previous and next page, and a page number box
("Page 2 of 4"), each with a shortcut."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from stad_desktop.language import _
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.icons import icon

ZOOM_STEP = 1.25
ZOOM_MIN = 0.25
ZOOM_MAX = 4.0


class PdfControls(QWidget):
    def __init__(self, view: QPdfView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        # The keys work anywhere in the window the controls are in (the page, too).
        owner = parent if parent is not None else self
        self.zoom_out_action = make_action(owner, "", self.zoom_out, "Ctrl+-")
        self.zoom_in_action = make_action(owner, "", self.zoom_in, "Ctrl++")
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.fit_width_action = make_action(owner, "", self.fit_width, "Ctrl+0")
        self.fit_page_action = make_action(owner, "", self.fit_page, "Ctrl+9")
        self.previous_action = make_action(owner, "", self.previous_page, "PgUp")
        self.next_action = make_action(owner, "", self.next_page, "PgDown")
        icons = {
            self.zoom_out_action: "zoom-out",
            self.zoom_in_action: "zoom-in",
            self.fit_width_action: "fit-width",
            self.fit_page_action: "fit-page",
            self.previous_action: "previous",
            self.next_action: "next",
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QToolButton] = []
        for action in (
            self.zoom_out_action,
            self.zoom_in_action,
            self.fit_width_action,
            self.fit_page_action,
            None,
            self.previous_action,
            self.next_action,
        ):
            if action is None:
                layout.addSpacing(16)
                continue
            action.setIcon(icon(icons[action]))
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            layout.addWidget(button)
            self.buttons.append(button)
        self.page_label = QLabel(self)
        self.page = QSpinBox(self)
        self.page.setMinimum(1)
        self.page_label.setBuddy(self.page)
        self.of_label = QLabel(self)
        self.zoom_label = QLabel(self)
        layout.addWidget(self.page_label)
        layout.addWidget(self.page)
        layout.addWidget(self.of_label)
        layout.addSpacing(16)
        layout.addWidget(self.zoom_label)
        layout.addStretch(1)
        self.page.valueChanged.connect(self._page_chosen)
        view.pageNavigator().currentPageChanged.connect(self._page_shown)
        view.zoomFactorChanged.connect(lambda _factor: self._update())
        view.zoomModeChanged.connect(lambda _mode: self._update())
        self.retranslate()

    def retranslate(self) -> None:
        for action, text in (
            (self.zoom_out_action, _("Zoom out")),
            (self.zoom_in_action, _("Zoom in")),
            (self.fit_width_action, _("Fit the width")),
            (self.fit_page_action, _("Whole page")),
            (self.previous_action, _("Previous page")),
            (self.next_action, _("Next page")),
        ):
            retitle(action, text, text)
        self.page_label.setText(_("&Page:"))
        self.page.setAccessibleName(_("Page"))
        self._update()

    # --- pages ---------------------------------------------------------------------------
    def page_count(self) -> int:
        document = self.view.document()
        return int(document.pageCount()) if document is not None else 0

    def current_page(self) -> int:
        """The page shown, counted from 0."""
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        count = self.page_count()
        if count:
            page = max(0, min(page, count - 1))
            navigator = self.view.pageNavigator()
            navigator.jump(page, QPointF(), navigator.currentZoom())

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def _page_chosen(self, number: int) -> None:
        if number - 1 != self.current_page():
            self.go_to(number - 1)

    def _page_shown(self, _page: int) -> None:
        self._update()

    # --- zoom ----------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return float(self.view.zoomFactor())

    def _zoom_to(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(factor, ZOOM_MAX)))

    def zoom_in(self) -> None:
        self._zoom_to(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.zoom_factor() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _update(self) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page.blockSignals(True)
        self.page.setMaximum(max(1, count))
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        self.of_label.setText(_("of {count}").format(count=count))
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < count - 1)
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText(_("Zoom: fits the width"))
        elif mode == QPdfView.ZoomMode.FitInView:
            self.zoom_label.setText(_("Zoom: whole page"))
        else:
            self.zoom_label.setText(
                _("Zoom: {percent} %").format(percent=round(self.zoom_factor() * 100))
            )
        self.zoom_out_action.setEnabled(self.zoom_factor() > ZOOM_MIN + 1e-6)
        self.zoom_in_action.setEnabled(self.zoom_factor() < ZOOM_MAX - 1e-6)
