"""Draws a portfolio cell's roles as small chips: each short code in its role's ink
on its role's fill (the colours of :mod:`stad_desktop.model.palette`, as in the role
matrix and the printouts). Cells without chips are drawn as usual."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from stad_desktop.ui.models.portfolio import CHIPS_ROLE, Chips

PAD = 4  # inside a chip, left and right
GAP = 3  # between chips
MARGIN = 4  # between the chips and the cell's edges


def chips_width(metrics: QFontMetrics, codes: list[str]) -> int:
    """The width the chips of ``codes`` take, with the cell's margins."""
    if not codes:
        return 0
    inner = sum(metrics.horizontalAdvance(code) + 2 * PAD for code in codes)
    return inner + GAP * (len(codes) - 1) + 2 * MARGIN


class RoleChipDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        chips: Chips | None = index.data(CHIPS_ROLE)
        if not chips:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        metrics = QFontMetrics(item.font)
        rect = item.rect
        height = metrics.height() + 2
        needed = chips_width(metrics, [code for code, _colour in chips])
        x = rect.x() + max(MARGIN, (rect.width() - needed) // 2)
        y = rect.y() + (rect.height() - height) / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(rect)
        painter.setFont(item.font)
        for code, colour in chips:
            width = metrics.horizontalAdvance(code) + 2 * PAD
            chip = QRectF(x, y, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour.fill))
            painter.drawRoundedRect(chip, 3, 3)
            painter.setPen(QColor(colour.ink))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, code)
            x += width + GAP
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        chips: Chips | None = index.data(CHIPS_ROLE)
        size = super().sizeHint(option, index)
        if not chips:
            return size
        metrics = QFontMetrics(option.font)
        width = chips_width(metrics, [code for code, _colour in chips])
        return QSize(width, max(size.height(), metrics.height() + 6))
