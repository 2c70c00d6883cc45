"""A stand-in for a view that is not built yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from stad_desktop.language import _
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.views.base import View

if TYPE_CHECKING:
    from stad_desktop.services import Services


class PlaceholderView(View):
    """Says that ``title`` is coming; accepts ``show_project`` and ignores it."""

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, bus, undo_stack, parent)
        self.project_id: str | None = None
        heading = QLabel(_(title))
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        text = QLabel(_("This part of the program is coming in a later version."))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(2)

    def show_project(self, project_id: str) -> None:
        self.project_id = project_id
