"""Table model over the portfolio matrix: actors (rows) x projects (columns), each
cell the short codes of the roles the actor has in that project, in the roles'
colours. A sector column comes first and a column with the number of projects each
actor takes part in last; the last row counts the actors in each project.

Only the rows near the screen are held: the frame (columns, row count) comes from
the service, the actor rows are fetched a block at a time (see
:class:`~stad_desktop.ui.models.windowed.BlockCache`) when the view first asks for
one, and the totals row when it is first shown, so opening the matrix costs the
same at 2,000 actors as at 20,000."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from stad_desktop.language import _, current
from stad_desktop.model.enums import Phase, Sector, label
from stad_desktop.model.palette import RoleColour, role_colour
from stad_desktop.services.readmodels import PortfolioFrame, PortfolioRow, PortfolioView
from stad_desktop.ui.models.role_matrix import wrap_header
from stad_desktop.ui.models.windowed import BLOCK_ROWS, BlockCache

Index = QModelIndex | QPersistentModelIndex
RowPage = Callable[[int, int], Sequence[PortfolioRow]]  # (offset, limit) -> rows
Totals = Callable[[], Mapping[str, int]]  # project id -> actors taking part

PROJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACTOR_ID_ROLE = Qt.ItemDataRole.UserRole + 2
# A cell's roles as (short code, colour) pairs, for the delegate that draws them.
CHIPS_ROLE = Qt.ItemDataRole.UserRole + 3

# Shown in a cell where the actor takes part without a role yet.
MEMBER_MARK = "·"
SECTOR_COLUMN = 0
FIRST_PROJECT_COLUMN = 1
PROJECT_HEADER_WRAP = 18  # characters a line of a project's name in the header

Chips = tuple[tuple[str, RoleColour], ...]


@dataclass(frozen=True)
class _ShownRow:
    """An actor's row as shown: per project column its text and chips."""

    row: PortfolioRow
    texts: dict[int, str]
    chips: dict[int, Chips]


def frame_and_rows(
    view: PortfolioView,
) -> tuple[PortfolioFrame, tuple[PortfolioRow, ...], dict[str, int]]:
    """A whole portfolio (all rows in hand) as a frame, its rows and its totals."""
    per_actor: dict[str, dict[str, tuple[str, ...]]] = {a.id: {} for a in view.actors}
    for (actor_id, project_id), role_ids in view.cells.items():
        if actor_id in per_actor:
            per_actor[actor_id][project_id] = role_ids
    shown = {p.id for p in view.projects}
    per_project = Counter(p for a, p in view.cells if a in per_actor and p in shown)
    frame = PortfolioFrame(
        projects=view.projects,
        roles=view.roles,
        actor_count=len(view.actors),
    )
    rows = tuple(PortfolioRow(a, per_actor[a.id]) for a in view.actors)
    return frame, rows, dict(per_project)


class PortfolioModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, block_rows: int = BLOCK_ROWS) -> None:
        super().__init__(parent)
        self._frame: PortfolioFrame | None = None
        self._page: RowPage = lambda _offset, _limit: ()
        self._totals: Totals = dict
        self._per_project: Mapping[str, int] | None = None  # read when first shown
        self._rows: BlockCache[_ShownRow] = BlockCache(block_rows)
        self._columns: dict[str, int] = {}  # project id -> its column
        # Per role in the current language: its name, and its code with its colour.
        self._names: dict[str, str] = {}
        self._colours: dict[str, tuple[str, RoleColour]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def block_rows(self) -> int:
        return self._rows.block_rows

    @block_rows.setter
    def block_rows(self, rows: int) -> None:
        self._rows.block_rows = max(1, rows)
        self._rows.clear()

    # --- data in ------------------------------------------------------------------
    def set_source(self, frame: PortfolioFrame | None, page: RowPage, totals: Totals) -> None:
        """Show the matrix of ``frame``, its actor rows fetched through ``page``
        and its totals row through ``totals`` when the view first needs them."""
        self.beginResetModel()
        self._frame = frame
        self._page = page
        self._totals = totals
        self._per_project = None
        self._rows.clear()
        self._columns = (
            {p.id: column for column, p in enumerate(frame.projects, FIRST_PROJECT_COLUMN)}
            if frame
            else {}
        )
        self._fill()
        self.endResetModel()

    def set_portfolio(self, view: PortfolioView | None) -> None:
        """Show a whole portfolio (all rows in hand)."""
        if view is None:
            self.set_source(None, lambda _offset, _limit: (), dict)
            return
        frame, rows, totals = frame_and_rows(view)
        self.set_source(frame, lambda offset, limit: rows[offset : offset + limit], lambda: totals)

    def _fill(self) -> None:
        """Role names, codes and colours in the current language."""
        frame = self._frame
        lang = current().lang
        roles = frame.roles if frame else ()
        self._names = {r.id: r.name.get(lang) for r in roles}
        self._colours = {r.id: (r.short_in(lang), role_colour(r.code, r.position)) for r in roles}

    def _shown(self, row: PortfolioRow) -> _ShownRow:
        texts: dict[int, str] = {}
        chips: dict[int, Chips] = {}
        for project_id, role_ids in row.cells.items():
            column = self._columns.get(project_id)
            if column is None:
                continue
            found = tuple(self._colours[r] for r in role_ids if r in self._colours)
            texts[column] = " ".join(code for code, _colour in found) if found else MEMBER_MARK
            chips[column] = found
        return _ShownRow(row, texts, chips)

    def _row(self, row: int) -> _ShownRow | None:
        """Actor row ``row`` as shown, fetching its block if needed; None when the
        matrix has fewer rows than counted (it changed in between: a refresh follows)."""
        return self._rows.get(
            row, lambda offset, limit: [self._shown(r) for r in self._page(offset, limit)]
        )

    @staticmethod
    def _sector(value: str) -> str:
        try:
            return _(label(Sector(value)))
        except ValueError:
            return value

    def retranslate(self) -> None:
        """Cells, tool tips and headers in the current language; the selection and
        the scroll position stay."""
        self._fill()
        for _number, block in self._rows.items():
            block[:] = [self._shown(shown.row) for shown in block]
        rows, columns = self.rowCount(), self.columnCount()
        if rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)

    # --- lookups ------------------------------------------------------------------
    @property
    def frame(self) -> PortfolioFrame | None:
        return self._frame

    def codes(self) -> list[str]:
        """The roles' short codes in the current language."""
        return [code for code, _colour in self._colours.values()]

    def widest_edge(self, column: int) -> str:
        """A text as wide as the widest cell of the sector or totals column."""
        if column == SECTOR_COLUMN:
            return max((self._sector(s.value) for s in Sector), key=len)
        return str(len(self._frame.projects)) if self._frame else ""

    def actor_at(self, row: int) -> PortfolioRow | None:
        """The actor row ``row`` (its block fetched if needed)."""
        if not 0 <= row < self.total_row:
            return None
        shown = self._row(row)
        return shown.row if shown else None

    def fetched_rows(self) -> int:
        """How many actor rows are held now."""
        return sum(len(block) for _number, block in self._rows.items())

    @property
    def total_column(self) -> int:
        """The column with the number of projects each actor takes part in."""
        return FIRST_PROJECT_COLUMN + (len(self._frame.projects) if self._frame else 0)

    @property
    def total_row(self) -> int:
        """The row with the number of actors in each project."""
        return self._frame.actor_count if self._frame else 0

    def project_column(self, project_id: str) -> int:
        return self._columns.get(project_id, -1)

    def _project(self, column: int) -> Any:
        frame = self._frame
        column -= FIRST_PROJECT_COLUMN
        if frame is None or not 0 <= column < len(frame.projects):
            return None
        return frame.projects[column]

    def project_id(self, index: Index) -> str | None:
        project = self._project(index.column()) if index.isValid() else None
        return project.id if project else None

    # --- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self.total_row:
            return 0
        return self.total_row + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self.total_row:
            return 0
        return self.total_column + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._frame is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= self.rowCount() or column >= self.columnCount():
            return None
        if row == self.total_row or column in (SECTOR_COLUMN, self.total_column):
            return self._edge_data(row, column, role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role not in _CELL_ROLES:
            return None
        shown = self._row(row)
        if shown is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return shown.texts.get(column, "")
        if role == CHIPS_ROLE:
            return shown.chips.get(column)
        actor = shown.row.actor
        project = self._project(column)
        if role == PROJECT_ID_ROLE:
            return project.id
        if role == ACTOR_ID_ROLE:
            return actor.id
        role_ids = shown.row.cells.get(project.id)
        if role_ids is None:
            return _("{actor} is not in {project}").format(actor=actor.name, project=project.name)
        if not role_ids:
            return _("{actor} takes part in {project} without a role").format(
                actor=actor.name, project=project.name
            )
        roles = ", ".join(self._names.get(role_id, "?") for role_id in role_ids)
        return _("{actor} in {project}: {roles}").format(
            actor=actor.name, project=project.name, roles=roles
        )

    def _edge(self, row: int, column: int) -> tuple[str, PortfolioRow | None]:
        """The text of a cell of the sector column, the totals column or the totals
        row, and its actor row (None on the totals row)."""
        if row == self.total_row:
            project = self._project(column)
            if project is None:
                return "", None
            if self._per_project is None:
                self._per_project = self._totals()
            return str(self._per_project.get(project.id, 0)), None
        shown = self._row(row)
        if shown is None:
            return "", None
        if column == SECTOR_COLUMN:
            return self._sector(shown.row.actor.sector), shown.row
        return str(len(shown.texts)), shown.row

    def _edge_data(self, row: int, column: int, role: int) -> Any:
        """The sector column, the totals column and the totals row."""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == SECTOR_COLUMN:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and column != SECTOR_COLUMN:
            return self._bold
        if role not in _EDGE_ROLES:
            return None
        text, actor_row = self._edge(row, column)
        if role == ACTOR_ID_ROLE:
            return actor_row.actor.id if actor_row else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and text and column != SECTOR_COLUMN:
                return self._total_tip(column, text, actor_row)
            return text
        if text:  # AccessibleTextRole
            return text if column == SECTOR_COLUMN else self._total_tip(column, text, actor_row)
        return None

    def _total_tip(self, column: int, count: str, actor_row: PortfolioRow | None) -> str:
        if actor_row is not None:
            return _("{actor} takes part in {count} of the projects shown").format(
                actor=actor_row.actor.name, count=count
            )
        project = self._project(column)
        return _("{count} of the actors shown take part in {project}").format(
            count=count, project=project.name if project else ""
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._frame is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            if section in (SECTOR_COLUMN, self.total_column):
                if role == Qt.ItemDataRole.DisplayRole:
                    return _("Sector") if section == SECTOR_COLUMN else _("Projects")
                if role == Qt.ItemDataRole.ToolTipRole and section == self.total_column:
                    return _("Number of projects the actor takes part in")
                return None
            project = self._project(section)
            if role == Qt.ItemDataRole.DisplayRole:
                return wrap_header(project.name, PROJECT_HEADER_WRAP)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _("{project} ({phase})").format(
                    project=project.name, phase=_(label(Phase(project.phase)))
                )
            return None
        if not 0 <= section < self.rowCount():
            return None
        if section == self.total_row:
            if role == Qt.ItemDataRole.DisplayRole:
                return _("Actors per project")
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        shown = self._row(section)
        if shown is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        actor = shown.row.actor
        if role == Qt.ItemDataRole.DisplayRole:
            return actor.name
        return _("{actor} ({sector})").format(actor=actor.name, sector=self._sector(actor.sector))


# The roles a cell's actor row is looked up for (the others are answered without it).
_CELL_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        CHIPS_ROLE,
        PROJECT_ID_ROLE,
        ACTOR_ID_ROLE,
    }
)
_EDGE_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        ACTOR_ID_ROLE,
    }
)
