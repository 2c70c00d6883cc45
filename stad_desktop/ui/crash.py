"""The crash hook: an unexpected exception (a bug) is logged to the user log
folder and, unless ``--no-crash-dialog``, shown in a short dialog with the
details folded away (the same text as in the log, without personal data: see
``stad_desktop.crashlog``). Known problems (ValidationError, NotFoundError,
StorageError) are normally handled where they happen; one that gets here anyway is
shown as the plain message it carries, not as a bug."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from stad_desktop.language import _
from stad_desktop.ui.feedback import problem


class CrashReporter(QObject):
    """Lives in the GUI thread; exceptions from other threads reach it queued."""

    report = Signal(str, str, str)  # error name, log file, details (as in the log)
    known = Signal(str)  # the translated message of a known problem

    def __init__(self, dialog: bool) -> None:
        super().__init__()
        self.dialog = dialog
        self._showing = False
        self.report.connect(self._show)
        self.known.connect(self._show_known)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        from stad_desktop import crashlog

        message = known_message(exc)
        if message is not None:
            self.show_known(message)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        # The details shown are exactly what the log holds: no personal data.
        details = crashlog.describe(exc)
        try:
            log = str(crashlog.write(details))
        except OSError:
            log = "-"
        print(
            "stad-desktop: "
            + _("Unexpected error: {error}. Details are in {log}.").format(
                error=exc_type.__name__, log=log
            ),
            file=sys.stderr,
        )
        if self.dialog:
            self.report.emit(exc_type.__name__, log, details)

    def show_known(self, message: str) -> None:
        print(f"stad-desktop: {message}", file=sys.stderr)
        if self.dialog:
            self.known.emit(message)

    @Slot(str)
    def _show_known(self, message: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            problem(QApplication.activeWindow(), message)
        finally:
            self._showing = False

    @Slot(str, str, str)
    def _show(self, name: str, log: str, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time; the rest is in the log
        self._showing = True
        try:
            problem(
                QApplication.activeWindow(),
                _(
                    "Something went wrong in Stad Desktop ({error}). Your saved data is "
                    "safe. The details are written to {log}; please send that file to "
                    "whoever supports the program."
                ).format(error=name, log=log),
                title=_("Unexpected error"),
                details=details,
            )
        finally:
            self._showing = False


def known_message(exc: BaseException) -> str | None:
    """The user's-language message of a known problem, or None for a bug."""
    message = getattr(exc, "message", None)
    if message is None:
        return None
    from stad_desktop.services.errors import NotFoundError, StorageError, ValidationError

    if isinstance(exc, ValidationError | NotFoundError | StorageError):
        return str(message.render())
    return None


def report_known(exc: BaseException) -> bool:
    """Show a known problem (if ``exc`` is one) and return True; False for a bug."""
    message = known_message(exc)
    if message is None:
        return False
    if _reporter is not None:
        _reporter.show_known(message)
    else:
        print(f"stad-desktop: {message}", file=sys.stderr)
    return True


_reporter: CrashReporter | None = None
_previous: list[tuple[object, object]] = []


def install(dialog: bool = True) -> CrashReporter:
    """Set ``sys.excepthook`` and ``threading.excepthook``; call in the GUI thread."""
    global _reporter
    reporter = CrashReporter(dialog)
    _reporter = reporter
    _previous.append((sys.excepthook, threading.excepthook))

    def excepthook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        reporter.handle(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        reporter.handle(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    return reporter


def uninstall() -> None:
    """Put back the hooks that were set before :func:`install`."""
    global _reporter
    if _previous:
        hook, thread_hook = _previous.pop()
        sys.excepthook = hook  # type: ignore[assignment]
        threading.excepthook = thread_hook  # type: ignore[assignment]
    _reporter = None
