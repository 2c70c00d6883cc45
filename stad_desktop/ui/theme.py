"""Light or dark: the program follows the system's colour scheme where the platform
has one (Qt 6.5+ ``QStyleHints.colorScheme``), also when it changes while the
program runs. Colours of our own that sit on the window's background (error texts,
chart lines, icons) have a dark-theme twin with enough contrast; the role colours
(model.palette) are light fills with dark text in both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Styles that draw with a fixed light palette whatever the system's scheme is.
LIGHT_ONLY_STYLES = frozenset({"windowsvista", "windows"})

# (light theme, dark theme): each at least 4.5:1 against the window background.
ERROR_TEXT = ("#B00020", "#FF8A95")
MEASUREMENT = ("#1F5FA8", "#7FB2F0")
BASELINE = ("#6B6B6B", "#A8B0B4")
TARGET = ("#2E7D32", "#7CC47F")


def is_dark() -> bool:
    """True when the system (or, failing that, the palette) is dark."""
    if QGuiApplication.instance() is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colour(pair: tuple[str, str]) -> QColor:
    """The light or the dark member of ``pair``, for the current scheme."""
    return QColor(pair[1] if is_dark() else pair[0])


def error_style() -> str:
    return f"color: {colour(ERROR_TEXT).name()};"


def follow_color_scheme(app: QApplication) -> None:
    """In a dark scheme, a style that cannot draw dark is replaced by Fusion (which
    takes the platform's dark palette)."""
    style = app.style()
    if is_dark() and style is not None and style.name().lower() in LIGHT_ONLY_STYLES:
        app.setStyle("Fusion")
