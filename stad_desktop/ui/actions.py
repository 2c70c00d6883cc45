"""The one way to make a QAction: menus, toolbars, context menus and shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget


def make_action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object] | None = None,
    shortcut: str = "",
    *,
    tip: str = "",
    checkable: bool = False,
    data: object = None,
) -> QAction:
    """An action ``text`` (translated, may hold a ``&`` mnemonic) that calls ``slot``.

    With a ``shortcut`` the action is added to ``parent``, and its keys work while
    the focus is within ``parent``: a view's keys act on that view only, a main
    window's anywhere in the window. The tooltip (``tip``, or else the text) ends
    with the shortcut as this platform writes it, so a toolbar button tells its keys."""
    action = QAction(parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(
            Qt.ShortcutContext.WindowShortcut
            if isinstance(parent, QMainWindow)
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        parent.addAction(action)
    retitle(action, text, tip)
    if checkable:
        action.setCheckable(True)
    if data is not None:
        action.setData(data)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action


def retitle(action: QAction, text: str, tip: str = "") -> None:
    """Give ``action`` its text (and tooltip, ending with its shortcut), e.g. again
    after a language switch."""
    action.setText(text)
    shortcut = action.shortcut()
    if not shortcut.isEmpty():
        native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        base = tip or text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        action.setToolTip(f"{base.rstrip('…').rstrip()} ({native})")
    elif tip:
        action.setToolTip(tip)
