"""The input linked to a project in the project view, and the input an actor gave
on the actor's page (the actor register's section for the selected actor)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from stad_desktop.services import Services
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.views.actors import ActorsView
from stad_desktop.ui.views.projects import ProjectsView


def texts(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [panel.model.row_at(r).item.text for r in range(panel.model.rowCount())]


def column_text(panel, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    model = panel.model
    col = next(i for i, c in enumerate(model.columns) if c.title == title)
    return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]


def test_project_view_shows_the_input_linked_to_the_selected_project(
    qtbot, demo_services: Services
) -> None:  # type: ignore[no-untyped-def]
    view = ProjectsView(demo_services, DataBus(), QUndoStack())
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    project = next(p for p in demo_services.projects.refs() if p.name == "Kulturskule 3.0")
    assert view.table.select_id(project.id)
    panel = view.input_panel
    assert texts(panel) == [
        "Øvingsrom for band og korps i Selje.",
        "Kulturskuletilbod på ettermiddagen i Lote.",
    ]
    assert column_text(panel, "Village") == ["Ervik", "Lote"]
    assert column_text(panel, "Meeting")[1] == (
        "Folkemøte på Nordfjordeid: Tour de Stad (Kulturhuset, Nordfjordeid)"
    )
    assert column_text(panel, "Answer")[1] == (
        "Frå hausten har kulturskulen gitarkurs på bygdehuset i Lote."
    )
    assert panel.count.text() == "2 innspel, 2 svara på"  # the default language, nn


def test_actor_page_shows_the_input_the_actor_gave(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    view = ActorsView(demo_services, DataBus(), QUndoStack())
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    actor = next(a for a in demo_services.actors.refs() if a.name == "Selje grendalag")
    assert view.table.select_id(actor.id)
    assert texts(view.input_panel) == ["Gatelys langs stien til stranda."]
    assert column_text(view.input_panel, "Projects") == [
        "Folkehelse i bygdene, Stadutvikling Selje sentrum"
    ]
    other = next(a for a in demo_services.actors.refs() if a.name == "Nordfjord Sparebank")
    assert view.table.select_id(other.id)
    assert texts(view.input_panel) == []
    assert view.input_panel.count.text() == "Ingen innspel er registrerte frå denne aktøren."
