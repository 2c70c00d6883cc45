"""The portfolio model reads its actor rows a block at a time from the service: it
shows what the whole portfolio shows, cell for cell, reads only the blocks looked
at (and the totals row only when it is shown), and passes Qt's model checks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from stad_desktop.language import set_language
from stad_desktop.model import Sector
from stad_desktop.services import Services
from stad_desktop.services.readmodels import PortfolioRow
from stad_desktop.ui.models.portfolio import CHIPS_ROLE, PortfolioModel

SHOWN_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    CHIPS_ROLE,
)


class Reads:
    """The service's portfolio pages, counting what the model asks for."""

    def __init__(self, services: Services, **asked: str) -> None:
        self.services, self.asked = services, asked
        self.pages: list[tuple[int, int]] = []
        self.totals = 0

    def page(self, offset: int, limit: int) -> Sequence[PortfolioRow]:
        self.pages.append((offset, limit))
        return self.services.roles.portfolio_rows(offset, limit, **self.asked)  # type: ignore[arg-type]

    def count(self) -> dict[str, int]:
        self.totals += 1
        return self.services.roles.portfolio_totals(**self.asked)  # type: ignore[arg-type]

    def model(self, block_rows: int) -> PortfolioModel:
        model = PortfolioModel(block_rows=block_rows)
        frame = self.services.roles.portfolio_frame(**self.asked)  # type: ignore[arg-type]
        model.set_source(frame, self.page, self.count)
        return model


def _everything(model: PortfolioModel) -> list[object]:
    shown: list[object] = []
    for row in range(model.rowCount()):
        shown.append(model.headerData(row, Qt.Orientation.Vertical))
        for column in range(model.columnCount()):
            shown.extend(model.index(row, column).data(role) for role in SHOWN_ROLES)
    shown.extend(
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    )
    return shown


def test_the_blocks_show_the_whole_portfolio(qtmodeltester, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    set_language("nn")
    for asked in ({}, {"sector": Sector.VOLUNTARY.value}, {"phase": "planning"}):
        whole = PortfolioModel()
        whole.set_portfolio(demo_services.roles.portfolio(**asked))  # type: ignore[arg-type]
        model = Reads(demo_services, **asked).model(block_rows=4)
        qtmodeltester.check(model)
        assert model.rowCount() == whole.rowCount() > 1
        assert _everything(model) == _everything(whole)


def test_only_the_blocks_looked_at_are_read(demo_services: Services) -> None:
    reads = Reads(demo_services)
    model = reads.model(block_rows=4)
    assert model.rowCount() > 12
    assert reads.pages == [] and reads.totals == 0  # opening reads no row
    model.index(5, 1).data()
    model.index(6, 2).data(CHIPS_ROLE)
    assert reads.pages == [(4, 4)] and model.fetched_rows() == 4
    assert reads.totals == 0
    last = model.rowCount() - 1  # the totals row, read once when shown
    model.index(last, 1).data()
    model.index(last, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert reads.totals == 1 and reads.pages == [(4, 4)]


def test_the_blocks_held_are_retranslated(demo_services: Services) -> None:
    set_language("nn")
    model = Reads(demo_services).model(block_rows=4)
    row = next(
        r
        for r in range(model.total_row)
        if "helse og omsorg" in model.headerData(r, Qt.Orientation.Vertical)
    )
    column = model.project_column(
        next(p.id for p in demo_services.projects.refs() if p.name == "Folkehelse i bygdene")
    )
    assert model.index(row, column).data() == "F A E"
    set_language("en")
    model.retranslate()
    assert model.index(row, column).data() == "F E O"
    assert "Funder, Employer, Project owner" in model.index(row, column).data(
        Qt.ItemDataRole.ToolTipRole
    )
