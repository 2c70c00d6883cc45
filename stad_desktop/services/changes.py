"""What a writing service call returns: its result and what undoes it.

Every user action is one service call and one transaction. The call returns a
:class:`Change`: the read model it produced (``value``), a description of the
action for the undo menu and the status bar, and ``undo``, which reverts the
action in one transaction of its own and returns the Change that redoes it. So
undo and redo are service calls too, and the user interface only keeps the
Changes on its undo stack (as Anki's ``CollectionOp`` keeps ``OpChanges``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from stad_desktop.language import Message

T = TypeVar("T")


@dataclass(frozen=True)
class Change(Generic[T]):
    """One action done: ``value`` is its result, ``description`` names it, and
    ``undo()`` reverts it (one transaction) and returns the Change that redoes it,
    whose ``undo()`` reverts the revert, and so on."""

    value: T
    description: Message
    undo: Callable[[], Change[Any]]


def unchanged(value: T, description: Message) -> Change[T]:
    """A call that found nothing to change: undoing it changes nothing either."""
    return Change(value, description, lambda: unchanged(None, description))
