"""What every search in the views shares: Esc clears it, an empty result says so
(with a button that clears the search), and project pickers you can type in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from stad_desktop.language import _


def clear_on_escape(line: QLineEdit) -> None:
    """Esc in ``line`` empties it (a search field)."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), line)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(line.clear)


def no_projects_text(query: str) -> str:
    return _("No projects match «{text}».").format(text=query)


class NoMatchNotice(QWidget):
    """ "No actors match «x»." and a button that clears the search; hidden while
    the search finds something (or is empty)."""

    clear_requested = Signal()

    def __init__(self, text: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("no_match")
        self._text = text
        self._query = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.clear_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(_("Clear the search"))
        self.label.setText(self._text(self._query) if self._query else "")

    def show_for(self, query: str, found: bool) -> None:
        """Show the notice when ``query`` (stripped) found nothing; hide it otherwise."""
        self._query = query.strip()
        self.retranslate()
        self.setVisible(bool(self._query) and not found)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


def make_searchable(combo: QComboBox) -> None:
    """Let the user type in ``combo`` to find an entry: the list narrows to the
    names that contain what is typed (case ignored)."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is None:
        return
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(15)


class SearchCombo(QComboBox):
    """A combo box of named entries to type in: the list narrows to the names that
    contain what is typed (case ignored); Enter takes the first; Esc or leaving
    the field puts the chosen entry's name back. ``notice`` (to be put in a
    layout beside it) says when nothing matches."""

    def __init__(
        self, parent: QWidget | None = None, no_match: Callable[[str], str] = no_projects_text
    ) -> None:
        super().__init__(parent)
        make_searchable(self)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMaxVisibleItems(20)
        self.notice = NoMatchNotice(no_match, parent)
        self.notice.clear_requested.connect(self.clear_search)
        line = self.line()
        line.textEdited.connect(self._edited)
        line.returnPressed.connect(self._take_first)
        line.installEventFilter(self)
        self.currentIndexChanged.connect(lambda _i: self.notice.show_for("", True))

    def line(self) -> QLineEdit:
        line = self.lineEdit()
        assert line is not None  # editable
        return line

    def matches(self, text: str) -> list[int]:
        """The rows whose names contain ``text`` (case ignored)."""
        wanted = text.strip().casefold()
        return [i for i in range(self.count()) if wanted in self.itemText(i).casefold()]

    def _edited(self, text: str) -> None:
        self.notice.show_for(text, bool(self.matches(text)))

    def _take_first(self) -> None:
        text = self.line().text()
        if self.currentIndex() >= 0 and text == self.itemText(self.currentIndex()):
            return
        rows = self.matches(text)
        if rows:
            self.setCurrentIndex(rows[0])
            self.setEditText(self.itemText(rows[0]))
        else:
            self.notice.show_for(text, False)

    def clear_search(self) -> None:
        """Put the chosen entry's name back and hide the notice."""
        self.setEditText(self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else "")
        self.notice.show_for("", True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit():
            completer = self.completer()
            popup = completer.popup() if completer is not None else None
            if (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape
                and not (popup is not None and popup.isVisible())
            ):
                self.clear_search()
                return True
            if event.type() == QEvent.Type.FocusOut and not self.notice.underMouse():
                current = self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else ""
                if self.line().text() != current and not self.notice.isVisible():
                    self.setEditText(current)
        return super().eventFilter(watched, event)
