"""Going from an entry (on the home page, in an actor's profile) to its place: the
view shown with the project, meeting, input or indicator selected in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stad_desktop.ui.main_window import MainWindow


def go_to(window: MainWindow, key: str, item_id: str, detail: str) -> None:
    """Show view ``key`` with ``item_id`` selected. ``detail`` is the indicator (effect
    log), the input item (meetings), or, with no ``item_id``, the sector or phase a
    list is filtered by (actors, projects)."""
    from stad_desktop.ui.views.effect_log import EffectLogView
    from stad_desktop.ui.views.listbase import ListView
    from stad_desktop.ui.views.meetings import MeetingsView

    if key in ("role_matrix", "effect_log") and item_id:
        window.open_project(key, item_id)
    else:
        window.show_view(key)
    view = window.views[key]
    if isinstance(view, EffectLogView) and detail:
        view.select_indicator(detail)
    elif isinstance(view, ListView):
        view.show_item(item_id, detail or None)
    elif isinstance(view, MeetingsView) and item_id:
        if not view.select_meeting(item_id):
            view.project_filter.setCurrentIndex(0)  # all projects
            view.select_meeting(item_id)
        if detail:
            view.select_input(detail)
            view.inputs_table.setFocus()
        else:
            view.meetings_table.setFocus()
