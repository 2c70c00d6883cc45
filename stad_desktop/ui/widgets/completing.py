"""Line edits that offer the known values as you type (topics, villages, actors,
projects): a QCompleter over a string list, matching anywhere, case ignored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from stad_desktop.textkeys import fold


def completing_line(parent: QWidget, words: Iterable[str] = ()) -> QLineEdit:
    line = QLineEdit(parent)
    completer = QCompleter(QStringListModel(list(words), line), line)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    line.setCompleter(completer)
    line.setClearButtonEnabled(True)
    return line


def set_words(line: QLineEdit, words: Iterable[str]) -> None:
    completer = line.completer()
    model = completer.model() if completer is not None else None
    if isinstance(model, QStringListModel):
        model.setStringList(list(words))


def find_named(name: str, pairs: Sequence[tuple[str, str]]) -> str | None:
    """The id of the (id, name) pair named ``name`` (case and spacing ignored)."""
    wanted = fold(" ".join(name.split()))
    if not wanted:
        return None
    return next((i for i, n in pairs if fold(" ".join(n.split())) == wanted), None)
