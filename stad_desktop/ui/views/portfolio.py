"""The portfolio matrix: actors x projects, each cell the short codes of the roles
the actor has in the project; filter by sector and phase; double-click (or Enter)
opens that project's role matrix."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.language import _, current
from stad_desktop.model.enums import Phase, Sector, label
from stad_desktop.services import Services
from stad_desktop.ui.bus import ACTORS, MATRIX, PROJECTS, ROLES, DataBus
from stad_desktop.ui.models.portfolio import MEMBER_MARK, PortfolioModel
from stad_desktop.ui.views.base import View
from stad_desktop.ui.widgets.inline_form import plain


class PortfolioView(View):
    """Also usable as a tab inside the role matrix view (see ``open_project_matrix``)."""

    kinds = frozenset({ACTORS, PROJECTS, ROLES, MATRIX})
    # Double-click on a cell: show this project's role matrix.
    open_project_matrix = Signal(str)

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, bus, undo_stack, parent)
        self.sector_filter = QComboBox(self)
        self.sector_filter.addItem(_("All sectors"), None)
        for sector in Sector:
            self.sector_filter.addItem(_(label(sector)), sector.value)
        self.phase_filter = QComboBox(self)
        self.phase_filter.addItem(_("All phases"), None)
        for phase in Phase:
            self.phase_filter.addItem(_(label(phase)), phase.value)
        filters = QHBoxLayout()
        for text, combo in ((_("&Sector:"), self.sector_filter), (_("P&hase:"), self.phase_filter)):
            caption = QLabel(text, self)
            caption.setBuddy(combo)
            combo.setAccessibleName(plain(text).rstrip(":"))
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addStretch(1)

        self.model = PortfolioModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Portfolio matrix: actors and projects"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(130)
        # Fixed row heights: sizing 2,000 rows x 300 columns to their contents asks
        # the model for every cell (seconds at scale); the codes fit on one line.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        # Double-click and Enter both emit activated.
        self.table.activated.connect(self._open)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)  # role names
        self.legend.setWordWrap(True)
        self.legend.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend.setAccessibleName(_("Legend"))

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)

        self.sector_filter.currentIndexChanged.connect(lambda _i: self.mark_stale())
        self.phase_filter.currentIndexChanged.connect(lambda _i: self.mark_stale())

    def reload(self) -> None:
        view = self.services.roles.portfolio(
            sector=self.sector_filter.currentData(), phase=self.phase_filter.currentData()
        )
        self.model.set_portfolio(view)
        lang = current().lang
        parts = [
            _("{short} = {role}").format(short=r.short_in(lang), role=r.name.get(lang))
            for r in view.roles
        ]
        parts.append(_("{mark} = takes part without a role").format(mark=MEMBER_MARK))
        self.legend.setText(_("Legend: {items}").format(items="; ".join(parts)))
        self._size_columns()

    def _size_columns(self) -> None:
        """Each column as wide as its header lines and its longest cell (90-180 px),
        measured from the texts: resizeColumnsToContents would ask every cell."""
        header = self.table.horizontalHeader()
        heading = header.fontMetrics()
        cells = self.table.fontMetrics()
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            lines = [heading.horizontalAdvance(line) for line in title.splitlines()]
            widest = max([*lines, cells.horizontalAdvance(self.model.longest_text(column))])
            header.resizeSection(column, max(90, min(widest + 24, 180)))

    def _open(self, index: QModelIndex) -> None:
        project_id = self.model.project_id(index)
        if project_id:
            self.open_project_matrix.emit(project_id)
            self.open_project.emit("role_matrix", project_id)
