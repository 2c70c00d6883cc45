"""The portfolio matrix: actors x projects, each cell the short codes of the roles
the actor has in the project in the roles' colours, with the actor's sector and the
totals; filter by sector and phase; double-click (or Enter) opens that project's
role matrix. The project columns share the width the view has."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent, QUndoStack
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
from stad_desktop.ui.models.portfolio import FIRST_PROJECT_COLUMN, MEMBER_MARK, PortfolioModel
from stad_desktop.ui.views.base import View
from stad_desktop.ui.widgets.inline_form import plain
from stad_desktop.ui.widgets.role_chips import RoleChipDelegate, chips_width
from stad_desktop.ui.widgets.table import spread_to_fit

PROJECT_COLUMN_MIN = 90
PROJECT_COLUMN_MAX = 180  # measured from the contents
PROJECT_COLUMN_MOST = 240  # when a wide screen has room to spare


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
        self.sector_filter.addItem("", None)
        for sector in Sector:
            self.sector_filter.addItem("", sector.value)
        self.phase_filter = QComboBox(self)
        self.phase_filter.addItem("", None)
        for phase in Phase:
            self.phase_filter.addItem("", phase.value)
        filters = QHBoxLayout()
        self.captions: list[QLabel] = []
        for combo in (self.sector_filter, self.phase_filter):
            caption = QLabel(self)
            caption.setBuddy(combo)
            self.captions.append(caption)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addStretch(1)

        self.model = PortfolioModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(RoleChipDelegate(self.table))
        self._natural: list[int] = []
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

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)

        self.sector_filter.currentIndexChanged.connect(lambda _i: self.mark_stale())
        self.phase_filter.currentIndexChanged.connect(lambda _i: self.mark_stale())
        self.retranslate()

    def retranslate(self) -> None:
        """The texts in the current language; the filters keep their choice, the
        table its selection and scroll position."""
        for combo, everything, values in (
            (self.sector_filter, _("All sectors"), list(Sector)),
            (self.phase_filter, _("All phases"), list(Phase)),
        ):
            combo.setItemText(0, everything)
            for index, value in enumerate(values, start=1):
                combo.setItemText(index, _(label(value)))
        for caption, text in zip(self.captions, (_("&Sector:"), _("P&hase:")), strict=True):
            caption.setText(text)
            caption.buddy().setAccessibleName(plain(text).rstrip(":"))
        self.table.setAccessibleName(_("Portfolio matrix: actors and projects"))
        self.legend.setAccessibleName(_("Legend"))
        self.model.retranslate()
        self._set_legend()

    def reload(self) -> None:
        view = self.services.roles.portfolio(
            sector=self.sector_filter.currentData(), phase=self.phase_filter.currentData()
        )
        self.model.set_portfolio(view)
        self._set_legend()
        self._size_columns()

    def _set_legend(self) -> None:
        view = self.model.portfolio
        if view is None:
            return
        lang = current().lang
        parts = [
            _("{short} = {role}").format(short=r.short_in(lang), role=r.name.get(lang))
            for r in view.roles
        ]
        parts.append(_("{mark} = takes part without a role").format(mark=MEMBER_MARK))
        self.legend.setText(_("Legend: {items}").format(items="; ".join(parts)))

    def _size_columns(self) -> None:
        """Each column as wide as its header lines and its longest cell, measured
        from the texts (resizeColumnsToContents would ask every cell); then fitted."""
        header = self.table.horizontalHeader()
        heading = header.fontMetrics()
        cells = self.table.fontMetrics()
        total = self.model.total_column
        self._natural = []
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            lines = [heading.horizontalAdvance(line) for line in title.splitlines()]
            longest = self.model.longest_text(column)
            if FIRST_PROJECT_COLUMN <= column < total:
                content = chips_width(cells, longest.split())
                widest = max([*lines, content]) + 24
                width = max(PROJECT_COLUMN_MIN, min(widest, PROJECT_COLUMN_MAX))
            else:  # the sector and the totals: never cut
                width = max([*lines, cells.horizontalAdvance(longest)]) + 24
            self._natural.append(width)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The project columns share what the sector and totals columns leave of the
        view's width (wider on a wide screen, narrower down to their minimum)."""
        natural = self._natural
        if len(natural) < 2:
            return
        bar = self.table.verticalScrollBar()
        room = (
            self.table.width()
            - 2 * self.table.frameWidth()
            - self.table.verticalHeader().width()
            - (bar.width() if bar.isVisible() else bar.sizeHint().width())
            - natural[0]
            - natural[-1]
        )
        projects = spread_to_fit(natural[1:-1], room, PROJECT_COLUMN_MIN, PROJECT_COLUMN_MOST)
        header = self.table.horizontalHeader()
        for column, width in enumerate([natural[0], *projects, natural[-1]]):
            header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _open(self, index: QModelIndex) -> None:
        project_id = self.model.project_id(index)
        if project_id:
            self.open_project_matrix.emit(project_id)
            self.open_project.emit("role_matrix", project_id)
