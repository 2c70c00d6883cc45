"""Walk the running program and collect every text a user can read, then find the
English ones: English msgids of our catalog that have another translation, Qt's
common English words, and filled-in English templates ("Edit {name}")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel.messages.pofile import read_po
from i18n_helpers import po_path
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

COMMON_ENGLISH = {
    "Cancel", "Save", "Close", "Delete", "New", "Edit", "Search", "Name", "Settings",
    "File", "Help", "Undo", "Redo", "Copy", "Paste", "Cut", "Select All", "Open", "Yes",
    "No", "Apply", "Discard", "Reset", "Show Details", "Hide Details", "View", "Print",
    "Preview", "Remove", "Add", "Back", "Forward", "Size", "Date Modified", "Look in",
    "File name", "Files of type", "Restore Defaults", "Retry", "Abort", "Ignore",
    "Options", "Properties", "Copies", "Pages", "Portrait", "Landscape", "Page size",
    "Printer", "Archive", "Restore", "Warning", "Warnings", "Error", "Language", "Quit",
    "Backups", "Actors", "Projects", "Value", "Comment", "Legend", "Find",
}  # fmt: skip


def _clean(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text)  # rich text
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = text.split("\t")[0]  # menu shortcut column
    return text.strip().rstrip(":.…").rstrip().rstrip(".").strip()


class EnglishFinder:
    def __init__(self, lang: str) -> None:
        with po_path(lang).open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        self.exact: set[str] = set(COMMON_ENGLISH)
        self.patterns: list[re.Pattern[str]] = []
        for message in catalog:
            if not message.id:
                continue
            ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            strings = (message.string,) if isinstance(message.string, str) else message.string
            for msgid in ids:
                if _clean(msgid) in {_clean(s) for s in strings}:
                    continue  # the same in both languages ("OK", "{start} – {end}")
                if "{" in msgid:
                    parts = re.split(r"\{[^{}]*\}", _clean(msgid))
                    if sum(len(p.strip()) for p in parts) >= 4:
                        self.patterns.append(
                            re.compile(".+?".join(re.escape(p) for p in parts), re.S)
                        )
                else:
                    self.exact.add(_clean(msgid))

    def english(self, texts: Iterable[str]) -> list[str]:
        found = []
        for text in texts:
            for piece in {text, *text.splitlines()}:
                clean = _clean(piece)
                if not clean:
                    continue
                if clean in self.exact or any(p.fullmatch(clean) for p in self.patterns):
                    found.append(piece)
        return sorted(set(found))


def _model_texts(model: QAbstractItemModel | None, rows: int = 30) -> list[str]:
    if model is None:
        return []
    texts = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for role in roles:
        for column in range(model.columnCount()):
            texts.append(model.headerData(column, Qt.Orientation.Horizontal, role))
        for row in range(min(model.rowCount(), rows)):
            texts.append(model.headerData(row, Qt.Orientation.Vertical, role))
            for column in range(model.columnCount()):
                texts.append(model.data(model.index(row, column), role))
    return [t for t in texts if isinstance(t, str)]


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title(), menu.toolTip()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def widget_texts(root: QWidget) -> list[str]:
    """Every user-readable text of ``root`` and its children."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.statusTip(), widget.accessibleName()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts += _menu_texts(widget)
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView):
            texts += _model_texts(widget.model())
        if isinstance(widget, QMainWindow):
            for action in widget.menuBar().actions():
                if action.menu() is not None:
                    texts += _menu_texts(action.menu())
    return [t for t in texts if t]
