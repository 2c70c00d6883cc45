"""Beside the role matrix: the sector mix (actors per sector) and the warnings,
each warning pointing at the row, column or cell it is about."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from stad_desktop.language import _, current, ngettext
from stad_desktop.model.enums import Sector, label
from stad_desktop.services.readmodels import MatrixView
from stad_desktop.ui.widgets.forms import buddy_label, set_buddy_text

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1

# (actor id, role id, warning code); ids are None where the warning is not about one.
Target = tuple[str | None, str | None, str]

# Room above and below each item, so accents and carons ("Čáhppes Ŋuorra") are not cut.
LIST_ITEM_PADDING = "QListWidget::item { padding: 3px 4px; }"
# The same for a list whose items wrap: no room at the sides, which would make the
# wrapped items wider than the list (and give it a horizontal scroll bar).
WRAPPED_ITEM_PADDING = "QListWidget::item { padding-top: 3px; padding-bottom: 3px; }"


def heading(text: str, buddy: QWidget) -> QLabel:
    """A bold label with a mnemonic that focuses ``buddy``."""
    caption = buddy_label(text, buddy)
    font = QFont(caption.font())
    font.setBold(True)
    caption.setFont(font)
    return caption


def _actor_count(total: int) -> str:
    return ngettext("{count} actor", "{count} actors", total).format(count=total)


def _sector_text(sector: str, count: int) -> str:
    return _("{sector}: {count}").format(sector=_(label(Sector(sector))), count=count)


class MatrixOverview(QWidget):
    # The user chose a warning (click or Enter): select what it is about.
    warning_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sector_list = QListWidget(self)
        self.sector_list.setMaximumHeight(130)
        self.sector_list.setStyleSheet(LIST_ITEM_PADDING)
        self.actor_count_label = QLabel(self)
        self.warnings_list = QListWidget(self)
        self.warnings_list.setWordWrap(True)
        self.warnings_list.setStyleSheet(WRAPPED_ITEM_PADDING)
        self.warnings_list.itemActivated.connect(self._chosen)
        self.warnings_list.itemClicked.connect(self._chosen)
        self.sector_heading = heading("", self.sector_list)
        self.warnings_heading = heading("", self.warnings_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sector_heading)
        layout.addWidget(self.actor_count_label)
        layout.addWidget(self.sector_list)
        layout.addWidget(self.warnings_heading)
        layout.addWidget(self.warnings_list, 1)
        self._matrix: MatrixView | None = None
        self.retranslate()

    def show_matrix(self, matrix: MatrixView | None) -> None:
        self._matrix = matrix
        self._fill_sector_mix(matrix)
        self._fill_warnings(matrix)

    def retranslate(self) -> None:
        """The texts in the current language; the lists keep their items, current
        item and scroll position (the order does not depend on the language)."""
        set_buddy_text(self.sector_heading, _("Sector mi&x"))
        set_buddy_text(self.warnings_heading, _("&Warnings"))
        matrix = self._matrix
        if matrix is None:
            return
        self.actor_count_label.setText(_actor_count(len(matrix.actors)))
        for row in range(self.sector_list.count()):
            item = self.sector_list.item(row)
            sector = item.data(Qt.ItemDataRole.UserRole)
            item.setText(_sector_text(sector, matrix.sector_mix.get(sector, 0)))
        items = [self.warnings_list.item(row) for row in range(self.warnings_list.count())]
        for item, warning in zip(items, matrix.warnings, strict=False):
            item.setText(warning.message.render(current()))
            item.setToolTip(item.text())
        if items and not matrix.warnings:
            items[0].setText(_("No warnings."))

    def _fill_sector_mix(self, matrix: MatrixView | None) -> None:
        self.sector_list.clear()
        if matrix is None:
            self.actor_count_label.clear()
            return
        self.actor_count_label.setText(_actor_count(len(matrix.actors)))
        order = {sector.value: i for i, sector in enumerate(Sector)}
        for sector, count in sorted(
            matrix.sector_mix.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99))
        ):
            item = QListWidgetItem(_sector_text(sector, count))
            item.setData(Qt.ItemDataRole.UserRole, sector)
            self.sector_list.addItem(item)

    def _fill_warnings(self, matrix: MatrixView | None) -> None:
        self.warnings_list.clear()
        if matrix is None:
            return
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for warning in matrix.warnings:
            item = QListWidgetItem(icon, warning.message.render(current()))
            item.setData(TARGET_ROLE, (warning.actor_id, warning.role_id, warning.code))
            item.setToolTip(item.text())
            self.warnings_list.addItem(item)
        if not matrix.warnings:
            item = QListWidgetItem(_("No warnings."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.warnings_list.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target:
            self.warning_chosen.emit(tuple(target))

    def warning_targets(self) -> list[Target]:
        """(actor id, role id, code) of each warning shown, in order."""
        items = (self.warnings_list.item(i) for i in range(self.warnings_list.count()))
        return [tuple(i.data(TARGET_ROLE)) for i in items if i.data(TARGET_ROLE) is not None]

    def warning_texts(self) -> list[str]:
        items = (self.warnings_list.item(i) for i in range(self.warnings_list.count()))
        return [i.text() for i in items if i.data(TARGET_ROLE) is not None]
