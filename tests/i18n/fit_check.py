"""Find what does not fit in a shown window: visible horizontal scroll bars, and texts
cut by the widget they sit in (labels, buttons, table cells and headers) where no
tool tip carries the whole text. Widths are measured with the widgets' own fonts and
styles (QFontMetrics, the item delegates' and headers' size hints)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

ROWS = 40  # table rows looked at, from the top


def _plain(text: str) -> str:
    """``text`` as shown: without the "&" before an Alt key, spaces folded."""
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def _carried(text: str, tip: object) -> bool:
    """True when the tool tip holds the whole text."""
    return isinstance(tip, str) and _plain(text) in " ".join(_plain(tip).split())


def _name(widget: QWidget) -> str:
    chain = []
    while widget is not None and len(chain) < 4:
        chain.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(chain))


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText:
        return None
    if label.textFormat() != Qt.TextFormat.PlainText and "<" in text:
        return None  # rich text (auto-detected)
    if not label.pixmap().isNull():
        return None
    room = label.contentsRect().width() - 2 * max(label.margin(), 0)
    shown = _plain(text) if label.buddy() is not None else text  # "&" marks the Alt key
    needed = max(label.fontMetrics().horizontalAdvance(line) for line in shown.splitlines())
    if needed > room and not _carried(text, label.toolTip()):
        return f"label {_plain(text)!r} needs {needed} px, has {room} ({_name(label)})"
    return None


def _button(button: QAbstractButton) -> str | None:
    text = button.text()
    if not text:
        return None
    needed = button.sizeHint().width()
    if isinstance(button, QCheckBox | QRadioButton):
        needed = button.minimumSizeHint().width()
    if needed > button.width() and not _carried(text, button.toolTip()):
        return f"button {_plain(text)!r} needs {needed} px, has {button.width()} ({_name(button)})"
    return None


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or not header.isVisible():
        return []
    found = []
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    count = header.count() if horizontal else min(header.count(), ROWS)
    for section in range(count):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            continue
        size = header.sectionSizeFromContents(section)
        if horizontal:
            needed, room = size.width(), header.sectionSize(section)
            if header.sortIndicatorSection() != section or not header.isSortIndicatorShown():
                # The size hint keeps room for a sort arrow even where none is drawn.
                needed -= header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
        else:
            needed, room = size.width(), header.width()
        tip = model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole)
        if needed > room and not _carried(text, tip):
            found.append(f"header {_plain(text)!r} needs {needed} px, has {room} ({_name(header)})")
    return found


def _cells(view: QTableView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found = []
    delegate_of = view.itemDelegateForIndex
    for row in range(min(model.rowCount(), ROWS)):
        if view.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or str(text) == "":
                continue
            text = str(text)
            rect = view.visualRect(index)
            if rect.width() <= 0:
                continue
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.font = view.font()
            option.fontMetrics = view.fontMetrics()
            option.rect = QRect(0, 0, rect.width(), rect.height())
            if view.wordWrap():
                option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            option.textElideMode = view.textElideMode()
            size = delegate_of(index).sizeHint(option, index)
            cut = size.width() > rect.width() or size.height() > rect.height()
            if cut and not _carried(text, index.data(Qt.ItemDataRole.ToolTipRole)):
                found.append(
                    f"cell {_plain(text)!r} needs {size.width()}x{size.height()} px, has "
                    f"{rect.width()}x{rect.height()} ({_name(view)}, {_column(model, column)})"
                )
    return found


def _column(model: object, column: int) -> str:
    title = model.headerData(column, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
    return _plain(str(title)) if title else str(column)


def misfits(root: QWidget) -> list[str]:
    """What does not fit in ``root`` as it is shown now."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QAbstractScrollArea):
            bar = widget.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0:
                found.append(f"sideways scroll bar ({_name(widget)}: {bar.maximum()} px hidden)")
        if isinstance(widget, QLabel):
            found.append(_label(widget) or "")
        elif isinstance(widget, QAbstractButton):
            found.append(_button(widget) or "")
        elif isinstance(widget, QHeaderView):
            found += _header(widget)
        if isinstance(widget, QTableView):
            found += _cells(widget)
    return [f for f in found if f]
