"""The role matrix, portfolio and effect log table models pass qtmodeltester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stad_desktop.services import Services
from stad_desktop.ui.models.effects import EntryTableModel, IndicatorTableModel
from stad_desktop.ui.models.portfolio import PortfolioModel
from stad_desktop.ui.models.role_matrix import RoleMatrixModel, wrap_header


def test_role_matrix_model(qtmodeltester, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    model = RoleMatrixModel()
    qtmodeltester.check(model)
    for project in demo_services.projects.refs():
        matrix = demo_services.roles.matrix(project.id)
        model.set_matrix(matrix)
        qtmodeltester.check(model)
        assert model.rowCount() == len(matrix.actors)
        assert model.columnCount() == len(matrix.roles) + 1
        for actor in matrix.actors:
            count = model.data(model.index(model.actor_row(actor.id), model.count_column))
            assert count == str(matrix.roles_per_actor[actor.id])
    model.set_matrix(None)
    qtmodeltester.check(model)


def test_role_matrix_cells_ask_for_toggles(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    model = RoleMatrixModel()
    project = demo_services.projects.refs()[0]
    model.set_matrix(demo_services.roles.matrix(project.id))
    index = model.index(0, 0)
    with qtbot.waitSignal(model.toggle_requested) as blocker:
        assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [model.actors[0].id, model.roles[0].id]
    count_cell = model.index(0, model.count_column)
    assert not model.flags(count_cell) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(count_cell, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def test_portfolio_model(qtmodeltester, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    model = PortfolioModel()
    qtmodeltester.check(model)
    model.set_portfolio(demo_services.roles.portfolio())
    qtmodeltester.check(model)
    assert model.rowCount() > 0 and model.columnCount() > 0
    model.set_portfolio(demo_services.roles.portfolio(sector="research", phase="idea"))
    qtmodeltester.check(model)


def test_portfolio_cells_use_the_languages_role_codes(demo_services: Services) -> None:
    from stad_desktop.language import set_language

    view = demo_services.roles.portfolio()
    actor = next(a for a in view.actors if a.name == "Stad kommune, helse og omsorg")
    project = next(p for p in view.projects if p.name == "Folkehelse i bygdene")
    model = PortfolioModel()
    model.set_portfolio(view)
    row, column = view.actors.index(actor), model.project_column(project.id)
    texts = {}
    for lang in ("nn", "en"):
        set_language(lang)
        model.set_portfolio(view)
        texts[lang] = model.data(model.index(row, column))
        tooltip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
        assert project.name in tooltip
    assert texts == {"nn": "F A E", "en": "F E O"}
    assert "Funder, Employer, Project owner" in tooltip


def test_effect_models(qtmodeltester, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    indicators = IndicatorTableModel()
    entries = EntryTableModel()
    qtmodeltester.check(indicators)
    qtmodeltester.check(entries)
    for project in demo_services.projects.refs():
        indicators.set_rows(demo_services.effects.indicators(project.id))
        entries.set_rows(demo_services.effects.entries(project.id))
        qtmodeltester.check(indicators)
        qtmodeltester.check(entries)


def test_wrap_header() -> None:
    assert wrap_header("Kontakt med målgruppa") == "Kontakt med\nmålgruppa"
    assert wrap_header("Finansiør") == "Finansiør"
