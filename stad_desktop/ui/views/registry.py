"""The views of the main window, in sidebar order: THE one place to add a view.

Each entry is ``ViewSpec(key, title, factory)``; ``factory(services, bus,
undo_stack)`` returns a :class:`~stad_desktop.ui.views.base.View`. Factories
import their module when called, so the window frame can be shown before the
services (and SQLAlchemy) are imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from stad_desktop.language import N_
from stad_desktop.ui.bus import DataBus

if TYPE_CHECKING:
    from stad_desktop.services import Services
    from stad_desktop.ui.views.base import View

Factory = Callable[["Services", DataBus, QUndoStack], "View"]


@dataclass(frozen=True)
class ViewSpec:
    key: str  # stable: stored in QSettings as the last view
    title: str  # English msgid, translated where shown
    factory: Factory


def _home(services: Services, bus: DataBus, undo_stack: QUndoStack) -> View:
    from stad_desktop.ui.views.home import HomeView

    return HomeView(services, bus, undo_stack)


def _people(services: Services, bus: DataBus, undo_stack: QUndoStack) -> View:
    from stad_desktop.ui.views.people import PeopleView

    return PeopleView(services, bus, undo_stack)


def _actors(services: Services, bus: DataBus, undo_stack: QUndoStack) -> View:
    from stad_desktop.ui.views.actors import ActorsView

    return ActorsView(services, bus, undo_stack)


def _projects(services: Services, bus: DataBus, undo_stack: QUndoStack) -> View:
    from stad_desktop.ui.views.projects import ProjectsView

    return ProjectsView(services, bus, undo_stack)


def _role_matrix(services: Services, bus: DataBus, undo_stack: QUndoStack) -> View:
    from stad_desktop.ui.views.role_matrix import RoleMatrixView

    return RoleMatrixView(services, bus, undo_stack)


def _effect_log(services: Services, bus: DataBus, undo_stack: QUndoStack) -> View:
    from stad_desktop.ui.views.effect_log import EffectLogView

    return EffectLogView(services, bus, undo_stack)


def _meetings(services: Services, bus: DataBus, undo_stack: QUndoStack) -> View:
    from stad_desktop.ui.views.meetings import MeetingsView

    return MeetingsView(services, bus, undo_stack)


def view_specs() -> tuple[ViewSpec, ...]:
    """The views in sidebar order (Ctrl+0, Ctrl+1, ... follow this order)."""
    return (
        ViewSpec("home", N_("Home"), _home),
        ViewSpec("actors", N_("Actors"), _actors),
        ViewSpec("projects", N_("Projects"), _projects),
        ViewSpec("role_matrix", N_("Role matrix"), _role_matrix),
        ViewSpec("effect_log", N_("Effect log"), _effect_log),
        ViewSpec("meetings", N_("Meetings"), _meetings),
        ViewSpec("people", N_("People"), _people),
    )
