"""Each role has one colour, taken from one place (model.palette): the role matrix
cells, the portfolio's role codes and the printed matrices all show it; and the
portfolio matrix shows each actor's sector and the totals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str

from stad_desktop.language import Translator, set_language
from stad_desktop.model.catalogue import DEFAULT_ROLES
from stad_desktop.model.palette import INK, LACKING, contrast, role_colour
from stad_desktop.reports.data import gather_portfolio, gather_project_summary
from stad_desktop.reports.portfolio import render_portfolio
from stad_desktop.reports.project_summary import render_project_summary
from stad_desktop.services import Services
from stad_desktop.ui.models.portfolio import CHIPS_ROLE, SECTOR_COLUMN, PortfolioModel
from stad_desktop.ui.models.role_matrix import RoleMatrixModel

PROJECT = "Folkehelse i bygdene"


def _fills_drawn(pdf: Path) -> str:
    """The colour operators of every page's drawing (``r g b rg``)."""
    return "\n".join(
        page.get_contents().get_data().decode("latin-1") for page in PdfReader(pdf).pages
    )


def _operator(colour: str) -> str:
    return fp_str(*HexColor(colour).rgb()) + " rg"


def test_every_role_has_its_own_calm_readable_colour() -> None:
    colours = [role_colour(role.code) for role in DEFAULT_ROLES]
    assert len({c.fill for c in colours}) == len(DEFAULT_ROLES)
    assert LACKING.fill not in {c.fill for c in colours}
    for colour in [*colours, LACKING, role_colour("own", 9)]:
        assert contrast(colour.ink, colour.fill) >= 4.5
        assert contrast(INK, colour.fill) >= 4.5


def test_the_matrix_the_portfolio_and_the_printouts_show_the_same_role_colours(
    demo_services: Services, tmp_path: Path
) -> None:
    set_language("nn")
    project = next(p for p in demo_services.projects.refs() if p.name == PROJECT)
    matrix = demo_services.roles.matrix(project.id)
    model = RoleMatrixModel()
    model.set_matrix(matrix)
    on_screen: dict[str, str] = {}  # role id -> fill in the matrix
    for row in range(model.rowCount()):
        for column in range(len(model.roles)):
            index = model.index(row, column)
            assignment = model.assignment(index)
            brush = index.data(Qt.ItemDataRole.BackgroundRole)
            if assignment is None:
                assert brush is None
                continue
            fill = brush.color().name().upper()
            if assignment.lacks_contribution:
                assert fill == LACKING.fill
                continue
            role = model.roles[column]
            assert fill == role_colour(role.code, role.position).fill
            ink = index.data(Qt.ItemDataRole.ForegroundRole).color().name().upper()
            assert ink == role_colour(role.code, role.position).ink
            on_screen[role.id] = fill
    assert len(set(on_screen.values())) >= 5

    portfolio = PortfolioModel()
    portfolio.set_portfolio(demo_services.roles.portfolio())
    column = portfolio.project_column(project.id)
    shown: dict[str, str] = {}  # short code -> fill in the portfolio
    for row in range(portfolio.rowCount() - 1):
        for code, colour in portfolio.index(row, column).data(CHIPS_ROLE) or ():
            shown[code] = colour.fill
    roles = {role.id: role for role in matrix.roles}
    assert shown == {roles[role_id].short: fill for role_id, fill in on_screen.items()}

    tr = Translator("nn")
    summary, overview = tmp_path / "summary.pdf", tmp_path / "portfolio.pdf"
    options = {"municipality": "Stad kommune", "logo": None, "today": dt.date(2026, 5, 1)}
    render_project_summary(
        gather_project_summary(demo_services, project.id), summary, tr, **options
    )
    render_portfolio(gather_portfolio(demo_services), overview, tr, **options)
    for pdf in (summary, overview):
        drawn = _fills_drawn(pdf)
        for fill in on_screen.values():
            assert _operator(fill) in drawn, (pdf.name, fill)
    assert _operator(LACKING.fill) in _fills_drawn(summary)


def test_the_portfolio_shows_sectors_and_totals(demo_services: Services) -> None:
    set_language("nn")
    view = demo_services.roles.portfolio()
    model = PortfolioModel()
    model.set_portfolio(view)
    assert model.headerData(SECTOR_COLUMN, Qt.Orientation.Horizontal) == "Sektor"
    actor = next(a for a in view.actors if a.name == "Vestlandsforsking")
    row = view.actors.index(actor)
    assert model.index(row, SECTOR_COLUMN).data() == "Forsking"
    # The last column: the projects the actor takes part in; the last row: the actors
    # in each project.
    assert model.headerData(model.total_column, Qt.Orientation.Horizontal) == "Prosjekt"
    taking_part = {p for a, p in view.cells if a == actor.id}
    assert model.index(row, model.total_column).data() == str(len(taking_part)) == "2"
    last = model.rowCount() - 1
    assert model.headerData(last, Qt.Orientation.Vertical) == "Aktørar per prosjekt"
    project = next(p for p in view.projects if p.name == PROJECT)
    members = {a for a, p in view.cells if p == project.id}
    assert model.index(last, model.project_column(project.id)).data() == str(len(members))
    assert "Folkehelse i bygdene" in model.index(last, model.project_column(project.id)).data(
        Qt.ItemDataRole.ToolTipRole
    )
    set_language("en")
    model.retranslate()
    assert model.index(row, SECTOR_COLUMN).data() == "Research"
    assert model.headerData(last, Qt.Orientation.Vertical) == "Actors per project"
