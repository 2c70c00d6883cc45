"""Every view and dialog fits a 1366x768 laptop in nn, nb and en (with the example
data): no sideways scroll bar, and no text cut by its widget unless a tool tip
carries the whole text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fit_check import misfits
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog, QWidget
from test_no_english_ui import walk

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.storage import open_database
from stad_desktop.ui.qt_i18n import install_qt_translators

SCREEN = (1366, 768)


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Services]:
    database = open_database(demo_path)
    yield Services(database)
    database.close()


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_every_view_and_dialog_fits_1366x768(  # type: ignore[no-untyped-def]
    qtbot, english_qt_afterwards, demo: Services, lang: str
) -> None:
    set_language(lang)
    install_qt_translators(lang)
    found: list[str] = []
    seen: list[str] = []

    def visit(widget: QWidget) -> None:
        if isinstance(widget, QFileDialog | QPrintDialog):
            return  # Qt's own dialogs
        seen.append(type(widget).__name__)
        if widget.isWindow():
            assert widget.width() <= SCREEN[0] and widget.height() <= SCREEN[1], widget
        found.extend(f"{type(widget).__name__}: {m}" for m in misfits(widget))

    walk(qtbot, demo, visit)
    assert len(seen) > 15
    assert not found, "\n".join(sorted(set(found)))
