"""The portfolio matrix: actors x projects, each cell the short codes of the roles
the actor has in the project in the roles' colours, with the actor's sector and the
totals; filter by sector and phase; double-click (or Enter) opens that project's
role matrix. The project columns share the width the view has. Only the rows on
screen are read (see :class:`~stad_desktop.ui.models.portfolio.PortfolioModel`)."""

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
from stad_desktop.ui.models.portfolio import (
    MEMBER_MARK,
    PROJECT_HEADER_WRAP,
    SECTOR_COLUMN,
    PortfolioModel,
)
from stad_desktop.ui.models.role_matrix import wrap_header
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
        # The widths of the sector and totals columns, and of the project columns
        # as their contents would have them (None until measured).
        self._edges: list[int] = []
        self._projects_natural: list[int] | None = None
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
        roles = self.services.roles
        sector, phase = self.sector_filter.currentData(), self.phase_filter.currentData()
        frame = roles.portfolio_frame(sector=sector, phase=phase)
        self.model.set_source(
            frame,
            lambda offset, limit: roles.portfolio_rows(
                offset, limit, sector=sector, phase=phase, count=frame.actor_count
            ),
            lambda: roles.portfolio_totals(sector=sector, phase=phase),
        )
        self._set_legend()
        self._size_columns()

    def _set_legend(self) -> None:
        view = self.model.frame
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
        """The sector and totals columns as wide as their header and widest text
        (never cut); the project columns measured when the view has room for more
        than their minimum (see :meth:`_project_widths`); then fitted."""
        heading = self.table.horizontalHeader().fontMetrics()
        cells = self.table.fontMetrics()
        self._edges = []
        self._projects_natural = None
        if self.model.frame is None or not self.model.columnCount():
            return
        for column in (SECTOR_COLUMN, self.model.total_column):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            longest = cells.horizontalAdvance(self.model.widest_edge(column))
            self._edges.append(max(heading.horizontalAdvance(title), longest) + 24)
        self._fit_columns()

    def _project_widths(self) -> list[int]:
        """Each project column as wide as its header lines and its widest cell,
        measured from the texts (resizeColumnsToContents would ask every cell, and
        read every row): the widest codes, as many as the most roles one actor has
        in the project."""
        if self._projects_natural is not None:
            return self._projects_natural
        frame = self.model.frame
        heading = self.table.horizontalHeader().fontMetrics()
        cells = self.table.fontMetrics()
        codes = sorted(self.model.codes(), key=cells.horizontalAdvance, reverse=True)
        # The widest cell with n roles, for each n.
        contents = [chips_width(cells, codes[:n] or [MEMBER_MARK]) for n in range(len(codes) + 1)]
        projects = frame.projects if frame else ()
        most_roles = self.services.roles.portfolio_widest([p.id for p in projects])
        widths = []
        for project in projects:
            lines = wrap_header(project.name, PROJECT_HEADER_WRAP).splitlines()
            most = min(most_roles.get(project.id, 0), len(codes))
            widest = max([*map(heading.horizontalAdvance, lines), contents[most]]) + 24
            widths.append(max(PROJECT_COLUMN_MIN, min(widest, PROJECT_COLUMN_MAX)))
        self._projects_natural = widths
        return widths

    def _fit_columns(self) -> None:
        """The project columns share what the sector and totals columns leave of the
        view's width (wider on a wide screen, narrower down to their minimum: when
        even their minimums do not fit, as with hundreds of projects, they all have
        it and need not be measured)."""
        frame = self.model.frame
        if len(self._edges) < 2 or frame is None:
            return
        bar = self.table.verticalScrollBar()
        room = (
            self.table.width()
            - 2 * self.table.frameWidth()
            - self.table.verticalHeader().width()
            - (bar.width() if bar.isVisible() else bar.sizeHint().width())
            - sum(self._edges)
        )
        count = len(frame.projects)
        if count * PROJECT_COLUMN_MIN >= room:
            projects = [PROJECT_COLUMN_MIN] * count
        else:
            natural = self._project_widths()
            projects = spread_to_fit(natural, room, PROJECT_COLUMN_MIN, PROJECT_COLUMN_MOST)
        header = self.table.horizontalHeader()
        for column, width in enumerate([self._edges[0], *projects, self._edges[1]]):
            header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _open(self, index: QModelIndex) -> None:
        project_id = self.model.project_id(index)
        if project_id:
            self.open_project_matrix.emit(project_id)
            self.open_project.emit("role_matrix", project_id)
