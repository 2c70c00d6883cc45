"""The actors view fetches only the rows near the screen: the windowed model passes
Qt's model tester, holds a few blocks of a long list, and its rows, sorted by any
column or searched, are the whole list's, in the same Norwegian order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from stad_desktop.model import Sector
from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.models.actors import ActorWindowModel
from stad_desktop.ui.models.rows import ID_ROLE
from stad_desktop.ui.views.actors import ActorsView

NAMES = ["Aasen", "Åsen", "Øvre", "Ærlege", "Zeta", "Alfa", "Bø", "Ørsta"]
VILLAGES = ["Ørsta", "Aakre", "Ålfoten", "Zinkby", "Æbelø", "Bryggja"]


@pytest.fixture
def many(services: Services) -> Services:
    sectors = list(Sector)
    for index in range(60):
        services.actors.create(
            ActorInput(
                name=f"{NAMES[index % len(NAMES)]} lag {index}",
                sector=sectors[index % len(sectors)],
                village=VILLAGES[index % len(VILLAGES)],
                contacts=(ContactInput(f"{NAMES[(index * 5) % len(NAMES)]} Dal"),),
            )
        )
    return services


@pytest.fixture
def view(qtbot, many: Services) -> ActorsView:  # type: ignore[no-untyped-def]
    view = ActorsView(many, DataBus(), QUndoStack())
    qtbot.addWidget(view)
    assert isinstance(view.model, ActorWindowModel)
    view.model.block_rows = 7  # many blocks for a list of 60
    view.resize(900, 500)
    view.show()
    view.reload()
    return view


def shown(view: ActorsView) -> list[str]:
    model = view.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_windowed_model_passes_qtmodeltester(qtmodeltester, view: ActorsView) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model)
    view.search.setText("ørsta")
    view.reload()
    qtmodeltester.check(view.model)


def test_only_the_blocks_looked_at_are_held(view: ActorsView) -> None:
    model = view.model
    assert isinstance(model, ActorWindowModel)
    assert model.rowCount() == 60
    assert model.fetched_rows() < 60  # what the view painted, not every row
    assert model.data(model.index(59, 0), ID_ROLE)
    assert model.data(model.index(59, 0)) == shown(view)[59]


def test_sorting_by_any_column_gives_the_whole_list_in_order(
    view: ActorsView, many: Services
) -> None:
    header = view.table.horizontalHeader()
    for column, spec in enumerate(view.model.columns):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            header.setSortIndicator(column, order)
            whole = many.actors.list(
                order_by=spec.key, descending=order == Qt.SortOrder.DescendingOrder
            )
            assert shown(view) == [r.name for r in whole], spec.key


def test_search_gives_the_whole_lists_matches_in_norwegian_order(
    view: ActorsView, many: Services
) -> None:
    view.search.setText("ØRSTA")
    view.reload()
    expected = [r.name for r in many.actors.list(query="ørsta")]
    assert shown(view) == expected
    assert len(expected) > 7  # more than one block
    assert view.count_label.text() == f"{len(expected)} aktørar"
    firsts = [name.split()[0] for name in shown(view)]
    alphabet = ["Aasen", "Alfa", "Bø", "Zeta", "Ærlege", "Ørsta", "Øvre", "Åsen"]
    assert firsts == sorted(firsts, key=alphabet.index)


def test_an_actor_far_down_the_list_is_selected_after_a_change(
    view: ActorsView, many: Services
) -> None:
    last = many.actors.list()[-1]
    assert view.model.row_of(last.id) == 59  # found though its block was not fetched
    assert view.table.select_id(last.id)
    assert view.table.current_id() == last.id


def test_a_county_sized_count_is_written_with_thousands_grouped(view: ActorsView) -> None:
    from stad_desktop.language import set_language

    assert view.count_text(20000) == "20\xa0000 aktørar"
    set_language("en")
    assert view.count_text(20000) == "20,000 actors"
    assert view.count_text(1) == "1 actor"
