"""The Qt binding must not leak references to None: PySide6 6.12.0 did on Python
3.11, and a long session then aborted with "deallocating None"."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_qt_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
        widget.setToolTip("")
    assert sys.getrefcount(None) >= before - 50
