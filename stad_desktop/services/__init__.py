"""Use cases: the only code that writes. Reading calls return frozen read models
(see ``readmodels``). Each writing call is one user action in one transaction and
returns a :class:`~stad_desktop.services.changes.Change`: its result (``value``),
a description, and ``undo()``, itself one transaction, which returns the redo.

The names below load lazily, so that ``readmodels`` and ``errors`` can be used
(e.g. by the first view at start-up) before SQLAlchemy is imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stad_desktop.services.actors import ActorInput, ContactInput
    from stad_desktop.services.bulk import AssignmentRow
    from stad_desktop.services.changes import Change
    from stad_desktop.services.effects import EntryInput, IndicatorInput
    from stad_desktop.services.errors import NotFoundError, ValidationError
    from stad_desktop.services.facade import Services
    from stad_desktop.services.meetings import InputData, MeetingInput
    from stad_desktop.services.projects import ProjectInput

_WHERE = {
    "ActorInput": "actors",
    "ContactInput": "actors",
    "AssignmentRow": "bulk",
    "Change": "changes",
    "EntryInput": "effects",
    "IndicatorInput": "effects",
    "NotFoundError": "errors",
    "ValidationError": "errors",
    "Services": "facade",
    "InputData": "meetings",
    "MeetingInput": "meetings",
    "ProjectInput": "projects",
}

__all__ = [
    "ActorInput",
    "AssignmentRow",
    "Change",
    "ContactInput",
    "EntryInput",
    "IndicatorInput",
    "InputData",
    "MeetingInput",
    "NotFoundError",
    "ProjectInput",
    "Services",
    "ValidationError",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(import_module(f"stad_desktop.services.{module}"), name)
