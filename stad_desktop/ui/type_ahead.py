"""Input given while the database opens is kept, not dropped.

The window takes input from the moment its frame is on screen, before the
database layer has loaded and the first view is there. Until then:

- a view chosen (in the sidebar, the View menu, Ctrl+0 … Ctrl+9) is shown first;
- New (Ctrl+N) and Find (Ctrl+F) are kept, in order, and run on that view;
- keys typed after a kept command are kept too, and go where the command puts the
  focus: the search field, or the new item's form. After a command the first view
  has no use for (New on the home page), and once they move the focus out of the
  search field (Tab, Enter), the rest are dropped: they would act on a row or a cell
  the user has not seen.

The page shown meanwhile says that the database is opening and, once something
is kept, that it will be used. Edit and Archive are not kept, and a kept key sent
again into the window triggers no shortcut (F2, Delete, a view's own): they act
on a selection the user could not see.
Before a command is kept, keys go to their own widget (the sidebar's arrows and
type-to-select). ``release`` replays what was kept, in order: after a command the
event loop turns once, so that a dialog it opened is on screen for the keys after
it. A message the replay did not open (the upgrade report or a failed backup told
as the database opens, About opened meanwhile) is read first: the replay waits
until it is closed, and keys typed until the replay ends come after the kept ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from stad_desktop.language import _

KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


@dataclass(frozen=True)
class KeptKey:
    """A key pressed or released while the database opened, to be sent again."""

    kind: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    autorepeat: bool
    count: int

    @classmethod
    def of(cls, event: QKeyEvent) -> KeptKey:
        return cls(
            event.type(),
            event.key(),
            event.modifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )

    def send(self, window: QWidget) -> None:
        """To the widget that has the focus in ``window`` (a dialog, or the main
        window: not another window the user has made active meanwhile, such as the
        help)."""
        target = _focus_in(window)
        event = QKeyEvent(
            self.kind,
            self.key,
            self.modifiers,
            self.text,
            self.autorepeat,
            self.count,
        )
        QCoreApplication.sendEvent(target, event)


def _focus_in(window: QWidget) -> QWidget:
    """The widget of ``window`` that has (or, once it is active, will have) the
    focus: a dialog just opened and not yet active gets its first field's."""
    if window.focusWidget() is None:
        window.focusNextChild()
    return window.focusWidget() or window


Step = Callable[[], object] | KeptKey

# While a message the replay did not open is shown, look again this often.
WAIT_MS = 50


class TypeAhead(QObject):
    """Keeps ``window``'s input from its creation until ``release`` or ``drop``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.page = QLabel()  # in the window while the database opens
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._kept: list[Step] = []
        self.wanted_view: str | None = None  # a view chosen while holding
        self.holding = True
        self._filtering = False
        self._sending = False  # a kept key sent again: not to be kept anew
        self._opened: QWidget | None = None  # the dialog a replayed step opened
        self._aim: QWidget | None = None  # where the last command put the focus

    def keep(self, step: Callable[[], object]) -> None:
        """Run ``step`` (a kept command) when the first view is there; from now on
        keys are kept too, and dropped if ``step`` returns False (it had nothing to
        do). (The filter sees every event of the program, so it is
        installed only then: not while the frame is first shown.)"""
        self._kept.append(step)
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
            self.retranslate()  # now says that what is typed is kept

    def retranslate(self) -> None:
        text = _("Opening the database …")
        if self._filtering:
            text += "\n\n" + _("What you type meanwhile is kept for when it is open.")
        self.page.setText(text)

    def kept(self) -> int:
        return len(self._kept)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._sending:
            # A kept key sent again into the window triggers none of its shortcuts
            # (no enabled one took it when it was typed): Edit, Archive and the
            # views' own act on nothing the user has not seen.
            if (
                event.type() == QEvent.Type.ShortcutOverride
                and isinstance(watched, QWidget)
                and watched.window() is self._window
            ):
                event.accept()  # the key goes to the widget itself
                return True
            return False
        if (
            self._kept
            and event.type() in KEY_EVENTS
            and isinstance(watched, QWidget)
            and watched.window() in (self._window, self._opened)
            and isinstance(event, QKeyEvent)
        ):
            self._kept.append(KeptKey.of(event))
            return True  # kept: not delivered now
        return False

    def _stop(self) -> None:
        self.holding = False
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False
        self._kept = []
        self._opened = None

    def drop(self) -> None:
        """The first view will not come (a damaged file): forget what was kept."""
        self._stop()
        self.wanted_view = None

    def release(self) -> None:
        """The first view is there: replay what was kept, in order."""
        self.holding = False
        self._replay()

    @contextmanager
    def first_view(self) -> Iterator[None]:
        """Around showing the first view: then ``release``; if showing it fails,
        ``drop``, so that no key of the window stays held back."""
        try:
            yield
        except BaseException:
            self.drop()
            raise
        self.release()

    def _left_aim(self) -> bool:
        """Whether the window's focus has left the widget the last command put it on
        (noted at the first key after the command)."""
        focus = _focus_in(self._window)
        if self._aim is None:
            self._aim = focus
        return focus is not self._aim

    def _drop_keys(self) -> None:
        """Forget the kept keys up to the next kept command."""
        while self._kept and isinstance(self._kept[0], KeptKey):
            self._kept.pop(0)

    def _replay(self) -> None:
        """Keys are sent one after another, into the dialog a replayed step opened
        or else the window; after a command, the event loop turns once (a dialog it
        opened is shown and takes the focus) before the rest."""
        while self._kept:
            modal = QApplication.activeModalWidget()
            if modal is not None and modal is not self._opened:
                QTimer.singleShot(WAIT_MS, self, self._replay)  # a message to read first
                return
            step = self._kept.pop(0)
            if isinstance(step, KeptKey):
                if modal is None and self._left_aim():
                    # The keys moved the focus on from where the command put it (Tab,
                    # Enter in a search): the rest would act on what the user has not
                    # seen (a cell of the role matrix, a row), so they are dropped.
                    self._drop_keys()
                    continue
                self._sending = True
                try:
                    step.send(modal or self._window)
                finally:
                    self._sending = False
            else:
                self._aim = None
                if step() is False:
                    # The command had nothing to do on this view (New on the home
                    # page): the keys typed for it are dropped, not sent elsewhere.
                    self._drop_keys()
            self._opened = QApplication.activeModalWidget()  # opened by this step
            if not isinstance(step, KeptKey) and self._kept:
                QTimer.singleShot(0, self, self._replay)
                return
        self._stop()
