"""The projects view fetches only the rows near the screen: the windowed model
passes Qt's model tester, and its rows, sorted by any column or searched, are the
whole list's, in Norwegian order (phase in its order, area by the alphabet)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from stad_desktop.model import Phase
from stad_desktop.services import Services
from stad_desktop.services.projects import ProjectInput
from stad_desktop.textkeys import sort_key
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.models.projects import ProjectTableModel
from stad_desktop.ui.models.rows import ID_ROLE
from stad_desktop.ui.views.projects import ProjectsView

NAMES = ["Åsvegen", "Aasen bru", "Ørnereir", "Ærlege tak", "Zebra", "Bøen", "alfa"]
AREAS = ["Ørsta", "Aakre", "Ålfoten", "Zinkby", "Æbelø", "bryggja", ""]


@pytest.fixture
def view(qtbot, services: Services) -> ProjectsView:  # type: ignore[no-untyped-def]
    phases = list(Phase)
    for index in range(30):
        services.projects.create(
            ProjectInput(
                name=f"{NAMES[index % len(NAMES)]} {index}",
                phase=phases[index % len(phases)],
                area=AREAS[index % len(AREAS)],
                start_date=dt.date(2026, 1 + index % 12, 1),
            )
        )
    widget = ProjectsView(services, DataBus(), QUndoStack())
    qtbot.addWidget(widget)
    assert isinstance(widget.model, ProjectTableModel)
    widget.model.block_rows = 4  # many blocks for a list of 30
    widget.resize(1200, 600)
    widget.show()
    widget.reload()
    return widget


def ids(view: ProjectsView) -> list[str]:
    model = view.model
    return [model.data(model.index(row, 0), ID_ROLE) for row in range(model.rowCount())]


def test_windowed_model_passes_qtmodeltester(qtmodeltester, view: ProjectsView) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model)
    view.search.setText("ørne")
    view.reload()
    assert view.model.rowCount() > 0
    qtmodeltester.check(view.model)


@pytest.mark.parametrize("column", ["name", "phase", "area", "start_date"])
@pytest.mark.parametrize("descending", [False, True])
def test_sorted_window_is_the_whole_list_in_norwegian_order(
    view: ProjectsView, services: Services, column: str, descending: bool
) -> None:
    every = services.projects.list()
    phase_rank = {p.value: index for index, p in enumerate(Phase)}
    key = {
        "name": lambda r: sort_key(r.name),
        "phase": lambda r: phase_rank[r.phase],
        "area": lambda r: sort_key(r.area),
        "start_date": lambda r: r.start_date,
    }[column]
    expected = sorted(every, key=lambda r: (sort_key(r.name), r.id))
    expected.sort(key=key, reverse=descending)  # stable: names go up within a value
    index = [c.key for c in view.model.columns].index(column)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    view.table.horizontalHeader().setSortIndicator(index, order)  # as a header click
    assert view.table.sort_key() == (column, descending)
    assert ids(view) == [r.id for r in expected]
    pages = [
        row
        for offset in range(0, len(every), 4)
        for row in services.projects.page(
            order_by=column, descending=descending, offset=offset, limit=4
        )
    ]
    assert [r.id for r in pages] == [r.id for r in expected]


def test_search_in_the_window_gives_the_matching_rows_and_finds_their_place(
    view: ProjectsView, services: Services
) -> None:
    view.search.setText("ærlege")
    view.reload()
    matching = [r.id for r in services.projects.list() if "ærlege" in r.name.casefold()]
    assert matching and ids(view) == matching
    assert services.projects.count(query="ærlege") == len(matching)
    last = matching[-1]
    assert services.projects.position(last, query="ærlege") == len(matching) - 1
    assert view.table.select_id(last)
    assert view.table.current_id() == last
