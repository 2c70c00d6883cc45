"""The first-start page, shown while the database is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from stad_desktop.language import _
from stad_desktop.ui.widgets.page import centred_column


class WelcomePage(QWidget):
    load_example = Signal()
    new_actor = Signal()
    new_project = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.heading = heading = QLabel()
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        self.text = text = QLabel()
        text.setWordWrap(True)
        text.setMaximumWidth(640)
        self.example_button = QPushButton()
        self.actor_button = QPushButton()
        self.project_button = QPushButton()
        self.example_button.clicked.connect(self.load_example)
        self.actor_button.clicked.connect(self.new_actor)
        self.project_button.clicked.connect(self.new_project)
        buttons = QHBoxLayout()
        for button in (self.example_button, self.actor_button, self.project_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        centred_column(self, heading, 12, text, 18, buttons)
        self.setFocusProxy(self.example_button)
        heading.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts in the current language (again on a language switch)."""
        self.heading.setText(_("Welcome to Stad Desktop"))
        self.text.setText(
            _(
                "Here you keep track of the actors in your municipality, the co-creation "
                "projects they take part in, who has which role, and the effects and "
                "gains you note along the way.\n\n"
                "The database is empty. Start by registering an actor or a project, "
                "or load the example data from Stad to look around first. The example "
                "data can be archived later."
            )
        )
        self.example_button.setText(_("Load &example data"))
        self.actor_button.setText(_("New &actor…"))
        self.project_button.setText(_("New &project…"))
