"""Every table model of the lists passes Qt's model tester, empty and with data."""

from __future__ import annotations

from stad_desktop.services import Services
from stad_desktop.ui.models.actors import ActorTableModel
from stad_desktop.ui.models.projects import ProjectTableModel
from stad_desktop.ui.models.rows import ID_ROLE


def test_actor_model(qtmodeltester, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    model = ActorTableModel()
    qtmodeltester.check(model)
    rows = demo_services.actors.list(include_archived=True)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) > 10
    first = model.index(0, 0)
    assert model.data(first) == rows[0].name
    assert model.data(first, ID_ROLE) == rows[0].id
    # organisation numbers are shown in groups of three
    org_column = model.column_of("org_number")
    shown = model.data(model.index(0, org_column))
    assert shown.replace(" ", "") == rows[0].org_number


def test_project_model(qtmodeltester, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    model = ProjectTableModel()
    qtmodeltester.check(model)
    rows = demo_services.projects.list()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        row.name for row in rows
    ]
    period = model.data(model.index(0, model.column_of("start_date")))
    if rows[0].start_date is not None:
        assert str(rows[0].start_date.year) in period
