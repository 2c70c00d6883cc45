"""The Meetings view fetches only the rows near the screen: the meeting list and
the answer backlog are windowed models that pass Qt's model tester and show the
whole list's rows, in its order, fetched a few at a time."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from stad_desktop.services import Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.models.rows import ID_ROLE
from stad_desktop.ui.models.windowed import WindowedTableModel
from stad_desktop.ui.views.meetings import MeetingsView


@pytest.fixture
def view(qtbot, demo_services: Services) -> MeetingsView:  # type: ignore[no-untyped-def]
    widget = MeetingsView(demo_services, DataBus(), QUndoStack())
    qtbot.addWidget(widget)
    assert isinstance(widget.meeting_model, WindowedTableModel)
    assert isinstance(widget.backlog.model, WindowedTableModel)
    widget.meeting_model.block_rows = 1  # a block per meeting
    widget.backlog.model.block_rows = 2
    widget.resize(1366, 768)
    widget.show()
    widget.reload()
    return widget


def ids(model: WindowedTableModel) -> list[str]:  # type: ignore[type-arg]
    return [model.data(model.index(row, 0), ID_ROLE) for row in range(model.rowCount())]


def test_meeting_list_is_the_whole_list_in_its_order(
    qtmodeltester, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    every = demo_services.meetings.list()
    assert len(every) >= 3
    assert ids(view.meeting_model) == [m.id for m in every]
    qtmodeltester.check(view.meeting_model)
    # Filtered by a project: that project's meetings, newest first.
    project_id = next(m.project_id for m in every if m.project_id)
    view.project_filter.setCurrentIndex(view.project_filter.findData(project_id))
    mine = [m.id for m in demo_services.meetings.list(project_id)]
    assert mine and ids(view.meeting_model) == mine
    assert len(mine) <= len(every)
    qtmodeltester.check(view.meeting_model)


def test_a_meeting_far_down_the_list_is_selected(
    view: MeetingsView, demo_services: Services
) -> None:
    last = demo_services.meetings.list()[-1]
    view.meeting_model.set_source(
        view.meeting_model.rowCount(),
        lambda offset, limit: demo_services.meetings.page(None, offset, limit),
        lambda meeting_id: demo_services.meetings.position(meeting_id),
    )
    assert view.select_meeting(last.id)
    current = view.current_meeting()
    assert current is not None and current.id == last.id


def test_backlog_pages_are_the_whole_backlog_per_village(
    qtmodeltester, view: MeetingsView, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    backlog = demo_services.meetings.answer_backlog()
    assert backlog.total > 2
    assert ids(view.backlog.model) == [e.item.id for e in backlog.items]
    qtmodeltester.check(view.backlog.model)
    combo = view.backlog.village
    for index, village in enumerate(backlog.per_village, start=1):
        combo.setCurrentIndex(index)
        wanted = [
            e.item.id
            for e in backlog.items
            if " ".join(e.village.split()).casefold() == village.village.casefold()
        ]
        assert ids(view.backlog.model) == wanted
        assert len(wanted) == village.count
    qtmodeltester.check(view.backlog.model)
