"""Every toolbar button of the views tells its keyboard shortcut in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from stad_desktop.language import set_language
from stad_desktop.services import Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.views.effect_log import EffectLogView
from stad_desktop.ui.views.meetings import MeetingsView
from stad_desktop.ui.views.role_matrix import RoleMatrixView


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_toolbar_buttons_tell_their_shortcut(
    lang: str, qtbot: QtBot, demo_services: Services
) -> None:
    set_language(lang)
    checked = 0
    for view_class in (EffectLogView, MeetingsView, RoleMatrixView):
        view = view_class(demo_services, DataBus(), QUndoStack())
        qtbot.addWidget(view)
        for toolbar in view.findChildren(QToolBar):
            for action in toolbar.actions():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys:
                    checked += 1
                    tip = action.toolTip()
                    assert tip.endswith(f" ({keys})"), (view_class.__name__, tip)
                    assert "&" not in tip and len(tip) > len(keys) + 3
    assert checked >= 5  # new indicator, new entry, new input, add actor, new role, ...
