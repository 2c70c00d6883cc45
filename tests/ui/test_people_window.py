"""The people view fetches only the rows near the screen: the windowed model passes
Qt's model tester, its rows sorted by any column or searched are the whole list's,
and "Copy e-mail addresses" copies the address of every person listed, not only of
the rows fetched."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack

from stad_desktop.model import Sector
from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.models.rows import ID_ROLE
from stad_desktop.ui.models.windowed import WindowedTableModel
from stad_desktop.ui.views.people import PeopleView

ACTORS = ["Åsen lag", "Aasen lag", "Øvre lag", "Ærlege lag", "Zeta lag", "Bø lag"]
PERSONS = ["Åse Eide", "Øystein Lid", "Aage Berg", "Zara Holm", "Ærle Dal", "Bjørg Nes"]


@pytest.fixture
def view(qtbot, services: Services) -> PeopleView:  # type: ignore[no-untyped-def]
    sectors = list(Sector)
    for index in range(12):
        services.actors.create(
            ActorInput(
                name=f"{ACTORS[index % len(ACTORS)]} {index}",
                sector=sectors[index % len(sectors)],
                contacts=tuple(
                    ContactInput(
                        f"{PERSONS[(index + n) % len(PERSONS)]} {index}", f"p{index}.{n}@x.no"
                    )
                    for n in range(3)
                ),
            )
        )
    widget = PeopleView(services, DataBus(), QUndoStack())
    qtbot.addWidget(widget)
    assert isinstance(widget.model_rows, WindowedTableModel)
    widget.model_rows.block_rows = 4  # many blocks for a list of 36
    widget.resize(1200, 300)
    widget.show()
    widget.reload()
    return widget


def ids(view: PeopleView) -> list[str]:
    model = view.model_rows
    return [model.data(model.index(row, 0), ID_ROLE) for row in range(model.rowCount())]


def test_windowed_model_passes_qtmodeltester(qtmodeltester, view: PeopleView) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model_rows)
    view.search.setText("øvre")
    view.reload()
    assert view.model_rows.rowCount() == 6
    qtmodeltester.check(view.model_rows)


@pytest.mark.parametrize("column", [0, 1, 3, 4, 5])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorted_rows_are_the_whole_lists(
    view: PeopleView, column: int, order: Qt.SortOrder
) -> None:
    view.table.sortByColumn(column, order)
    order_by, desc = view.table.sort_key()
    whole = view.services.people.persons(order_by=order_by, descending=desc)
    assert ids(view) == [r.id for r in whole]
    assert view.model_rows.rowCount() == 36


def test_only_the_rows_near_the_screen_are_fetched(view: PeopleView) -> None:
    assert 0 < view.model_rows.fetched_rows() < view.model_rows.rowCount()


def test_copying_takes_the_addresses_of_every_listed_person(view: PeopleView) -> None:
    fetched = view.model_rows.fetched_rows()
    view.copy_emails()
    copied = QGuiApplication.clipboard().text().split("; ")
    assert len(copied) == 36 > fetched
    assert copied == [r.email for r in view.services.people.persons()]
    view.search.setText("Zeta")
    view.reload()
    view.copy_emails()
    assert sorted(QGuiApplication.clipboard().text().split("; ")) == sorted(
        f"p{index}.{n}@x.no" for index in (4, 10) for n in range(3)
    )
