"""Errors that services raise for bad input. Messages are translated where shown.

``StorageError`` (a problem with the database file or the disk) comes from the storage
layer and is named here too, so that the user interface knows it without importing
storage."""

from __future__ import annotations

from stad_desktop.language import N_, Message
from stad_desktop.storage.errors import StorageError, StorageProblem

__all__ = ["ConflictError", "NotFoundError", "StorageError", "StorageProblem", "ValidationError"]


class ValidationError(Exception):
    """Bad input for one field. ``field`` names the input (e.g. ``org_number``,
    ``contacts.0.email``) so the user interface can show the message beside it.

    A form's check finds every bad field at once (``validation.Checks``): the first
    is the error itself, the others are in ``others``; ``problems`` gives them all."""

    def __init__(self, field: str, message: str, **params: object) -> None:
        self.field = field
        self.message = Message(message, params)
        self.others: tuple[ValidationError, ...] = ()
        super().__init__(f"{field}: {message.format(**params) if params else message}")

    @property
    def problems(self) -> tuple[ValidationError, ...]:
        return (self, *self.others)


class NotFoundError(Exception):
    """The record asked for does not exist (or no longer does)."""

    def __init__(self, kind: str, key: str) -> None:
        self.kind = kind
        self.key = key
        self.message = Message(
            N_(
                "The record no longer exists. It may have been changed elsewhere; "
                "the view is refreshed."
            )
        )
        super().__init__(f"{kind} {key} not found")


class ConflictError(StorageError):
    """Someone else saved the record after it was read: nothing was saved. A
    StorageError, so every dialog shows it in its message line and keeps the text."""

    def __init__(self, name: str, *, theirs: int | None, yours: int | None) -> None:
        super().__init__(StorageProblem.CONFLICT, name)
        self.theirs = theirs
        self.yours = yours
        self.message = Message(
            N_(
                "Someone else saved {name} after you opened it (their version {theirs}, "
                "yours {yours}). Nothing was saved and your text is kept: copy what you "
                "need, then close and open it again."
            ),
            {"name": name, "theirs": theirs if theirs is not None else "-", "yours": yours},
        )
