"""A page with its content in a centred column (the welcome page, the damaged-file
page): room above and more below, margins at the sides."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget


def centred_column(page: QWidget, *parts: QWidget | QLayout | int) -> None:
    """Lay ``parts`` out on ``page`` top to bottom: widgets, layouts, and numbers
    for the space between them."""
    column = QVBoxLayout()
    column.addStretch(1)
    for part in parts:
        if isinstance(part, int):
            column.addSpacing(part)
        elif isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    column.addStretch(2)
    outer = QHBoxLayout(page)
    outer.addStretch(1)
    outer.addLayout(column, 4)
    outer.addStretch(1)
