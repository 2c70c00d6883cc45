"""The program's own line icons (``resources/icons/*.svg``, EUPL-1.2 like the
program): one set for the sidebar, the toolbar and the print preview. They are drawn
in a calm slate on a light theme and in a light grey on a dark one (see ``theme``)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from stad_desktop import paths

# The colour the SVG files are drawn in, and what it becomes in a dark theme.
LIGHT_STROKE = "#34505C"
DARK_STROKE = "#C9D6DC"
SIZES = (16, 20, 24, 32, 48, 64)

# The icon of each view of the sidebar, by the view's key (views.registry).
VIEW_ICONS = {
    "home": "home",
    "actors": "actors",
    "people": "actors",
    "persons": "actors",
    "contacts": "actors",
    "projects": "projects",
    "role_matrix": "role-matrix",
    "portfolio": "portfolio",
    "effect_log": "effect-log",
    "meetings": "meetings",
    "help": "help",
}


def _dark() -> bool:
    from stad_desktop.ui.theme import is_dark

    return is_dark()


def icon(name: str) -> QIcon:
    """The icon ``name`` (a file ``name.svg``) for the current light or dark theme;
    a null QIcon if there is no such file."""
    return _icon(name, _dark())


@cache
def _icon(name: str, dark: bool) -> QIcon:
    path = paths.icons_dir() / f"{name}.svg"
    if not path.is_file():
        return QIcon()
    if not dark:  # as drawn: Qt's SVG icon engine renders each size when first shown
        return QIcon(str(path))
    from PySide6.QtSvg import QSvgRenderer

    svg = path.read_text(encoding="utf-8")
    if dark:
        svg = svg.replace(LIGHT_STROKE, DARK_STROKE)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        return QIcon()
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def view_icon(key: str) -> QIcon:
    """The sidebar icon of the view ``key`` (null if it has none)."""
    name = VIEW_ICONS.get(key)
    return icon(name) if name else QIcon()
