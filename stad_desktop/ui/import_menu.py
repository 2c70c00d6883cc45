"""File → Import actors …: choose a spreadsheet, map its columns if the program does
not know its layout, see the preview, and import, as one step on the undo stack.

The file is read and stored on a worker thread, with a progress bar for files that
take a moment (a few hundred rows and more), so the window stays responsive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QProgressDialog, QWidget

from stad_desktop.language import _, current
from stad_desktop.os_errors import os_error_message
from stad_desktop.ui import bus as kinds
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.commands import ChangeCommand
from stad_desktop.ui.feedback import notify, problem
from stad_desktop.ui.settings import app_settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from stad_desktop.services.actor_import import ImportPlan
    from stad_desktop.ui.main_window import MainWindow

T = TypeVar("T")
_FOLDER_KEY = "import/folder"
SHOW_PROGRESS_AFTER_MS = 300


class Cancelled(Exception):
    """The user stopped the reading."""


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, job: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.job = job
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancelled = False

    def run(self) -> None:
        try:
            self.result = self.job(self._progress)
        except BaseException as exc:  # handed to the window's thread
            self.error = exc

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled
        self.progressed.emit(done, total)


class _Bar(QObject):
    """Shows the worker's progress in the window's thread."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    @Slot(int, int)
    def show(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, done + 1))
        self.dialog.setValue(done)


def in_background(
    parent: QWidget,
    text: str,
    job: Callable[[Callable[[int, int], None]], T],
    *,
    cancellable: bool = False,
) -> T:
    """Run ``job(progress)`` on a worker thread while the window goes on painting;
    a progress dialog shows once it takes a moment. Returns its result or raises its
    error (Cancelled when the user stopped it)."""
    dialog = QProgressDialog(text, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(_("Import actors"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)  # type: ignore[arg-type]
    worker = _Worker(job)
    bar = _Bar(dialog)
    worker.progressed.connect(bar.show)
    dialog.canceled.connect(lambda: setattr(worker, "cancelled", True))
    worker.start()
    dialog.setValue(0)
    while not worker.wait(20):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    QApplication.processEvents()  # the last progress signals
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[no-any-return]


class ImportMenu:
    """File → Import actors … in ``window``'s ``menu`` (before ``before``)."""

    def __init__(self, window: MainWindow, menu: QMenu, before: QAction) -> None:
        self.window = window
        self.action = make_action(window, "", self.import_actors)
        menu.insertAction(before, self.action)
        self.retranslate()

    def retranslate(self) -> None:
        retitle(self.action, _("&Import actors …"))

    def update_actions(self) -> None:
        self.action.setEnabled(self.window.services is not None)

    # --- dialogs (tests replace these) ---------------------------------------------
    def ask_file(self) -> Path | None:
        folder = app_settings().value(_FOLDER_KEY)
        start = folder if isinstance(folder, str) and Path(folder).is_dir() else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self.window,
            _("Import actors"),
            start,
            _("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        return Path(name) if name else None

    def run_dialog(self, dialog: QDialog) -> bool:
        return bool(dialog.exec())

    # --- the import ----------------------------------------------------------------
    def import_actors(self, path: Path | None = None) -> bool:
        """Read ``path`` (asked for by default), preview and import it; True when
        something was imported."""
        from stad_desktop.services.actor_import import ActorImportService
        from stad_desktop.ui.dialogs.import_preview import PreviewDialog

        services = self.window.services
        if services is None:
            return False
        path = path or self.ask_file()
        if path is None:
            return False
        app_settings().setValue(_FOLDER_KEY, str(path.parent))
        importer = ActorImportService(services.db)
        plan = self._read(importer, path)
        if plan is None:
            return False
        preview = PreviewDialog(plan, self.window)
        if not self.run_dialog(preview):
            return False
        model = preview.model
        try:
            change = in_background(
                self.window,
                _("Storing the actors …"),
                lambda _progress: importer.store(
                    plan, update=model.update, sectors=model.sectors, decisions=model.decisions
                ),
            )
        except Exception as exc:
            self._show_failure(exc, path)
            return False
        self.window.undo_stack.push(
            ChangeCommand(change, after=lambda: self.window.bus.changed(kinds.ACTORS))
        )
        summary = change.value
        notify(
            self.window,
            _(
                "Imported from {file}: {added} added, {matched} matched, {updated} updated, "
                "{skipped} skipped."
            ).format(
                file=path.name,
                added=summary.added,
                matched=summary.matched,
                updated=summary.updated,
                skipped=summary.skipped,
            ),
        )
        return True

    def _read(self, importer: Any, path: Path) -> ImportPlan | None:
        from stad_desktop.services.actor_import import UnknownLayout
        from stad_desktop.services.actor_import.layout import guess_mapping, recognise
        from stad_desktop.ui.dialogs.import_mapping import MappingDialog

        mapping = None
        while True:

            def read(progress: Callable[[int, int], None], chosen: Any = mapping) -> ImportPlan:
                plan: ImportPlan = importer.read(path, mapping=chosen, progress=progress)
                return plan

            try:
                return in_background(
                    self.window,
                    _("Reading {file} …").format(file=path.name),
                    read,
                    cancellable=True,
                )
            except Cancelled:
                return None
            except UnknownLayout as exc:
                start = mapping or guess_mapping(recognise(exc.header))
                dialog = MappingDialog(path.name, exc.header, exc.preview, start, self.window)
                if not self.run_dialog(dialog):
                    return None
                mapping = dialog.mapping()
            except Exception as exc:
                self._show_failure(exc, path)
                return None

    def _show_failure(self, exc: Exception, path: Path) -> None:
        """A refused file or a known problem as one line; anything else is a bug."""
        from stad_desktop.services.actor_import import ImportRefused
        from stad_desktop.ui.crash import known_message

        if isinstance(exc, ImportRefused):
            text: str | None = current().render(exc.message)
        elif isinstance(exc, OSError):
            text = _("Could not use {path}: {detail}").format(
                path=path, detail=current().render(os_error_message(exc))
            )
        else:
            text = known_message(exc)
        if text is None:
            raise exc
        problem(self.window, text, title=_("Import actors"))
