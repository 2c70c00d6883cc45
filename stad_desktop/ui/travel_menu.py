"""The travel copies in the main window: File → Take travel copy …, Bring travel
copy home … and Merges …, and the banner (and title) that says the open database
is a travel copy. The work is the travel service's (``services.travel``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from stad_desktop.language import _, current
from stad_desktop.os_errors import os_error_message
from stad_desktop.ui import bus as kinds
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.feedback import busy, inform, notify, problem
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.travel_banner import travel_banner, travel_banner_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from stad_desktop.services.travel import TravelService
    from stad_desktop.services.travel_info import TravelInfo
    from stad_desktop.ui.dialogs.travel_dialogs import BringHomeDialog
    from stad_desktop.ui.main_window import MainWindow

SUFFIX = ".stadtrip"
_FOLDER_KEY = "travel/folder"


class TravelMenu:
    """The travel-copy actions of ``window``'s File menu (inserted before
    ``before``) and its travel-copy banner, put above the window's central widget."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.info: TravelInfo | None = None
        self.take_action = make_action(window, "", self.take)
        self.bring_home_action = make_action(window, "", self.bring_home)
        self.merges_action = make_action(window, "", self.show_merges)
        menu.addSeparator()
        for action in (self.take_action, self.bring_home_action, self.merges_action):
            menu.addAction(action)
        menu.addSeparator()
        self.banner = travel_banner()
        central = window.takeCentralWidget()
        assert central is not None
        frame = QWidget()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(central, 1)
        window.setCentralWidget(frame)
        self.update_actions()
        self.retranslate()

    def retranslate(self) -> None:
        retitle(self.take_action, _("&Take travel copy …"))
        retitle(self.bring_home_action, _("Bring travel copy &home …"))
        retitle(self.merges_action, _("&Merges …"))
        if self.info is not None:
            self.banner.setText(travel_banner_text(self.info))

    def title(self, name: str) -> str:
        """The window title for the database ``name``: says when it is a travel copy."""
        if not name:
            return "Stad Desktop"
        if self.info is not None:
            return _("Stad Desktop – {name} (travel copy of {office})").format(
                name=name, office=self.info.office_name
            )
        return _("Stad Desktop – {name}").format(name=name)

    def attach(self) -> None:
        """The database is open: show whether it is a travel copy."""
        services = self.window.services
        self.info = services.travel_info() if services is not None else None
        self.banner.setVisible(self.info is not None)
        self.update_actions()
        self.retranslate()
        self.window.setWindowTitle(self.title(self.window.db_name))

    def update_actions(self) -> None:
        """A travel copy is taken and brought home at the office, not on the road."""
        attached = self.window.services is not None
        at_office = attached and self.info is None
        for action in (self.take_action, self.bring_home_action):
            action.setEnabled(at_office)
        self.merges_action.setEnabled(attached)

    def _service(self) -> TravelService | None:
        services = self.window.services
        return services.travel if services is not None else None

    # --- file dialogs (tests replace these) --------------------------------------------
    def _folder(self) -> Path:
        folder = app_settings().value(_FOLDER_KEY)
        return Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else Path.home()

    def ask_output(self, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            _("Take travel copy"),
            str(self._folder() / suggested),
            _("Travel copies (*.stadtrip)"),
        )
        return Path(name) if name else None

    def ask_trip(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window,
            _("Bring travel copy home"),
            str(self._folder()),
            _("Travel copies (*.stadtrip);;All files (*)"),
        )
        return Path(name) if name else None

    def suggested_name(self, today: dt.date | None = None) -> str:
        stem = Path(self.window.db_name).stem or "stad"
        return f"{stem}-{(today or dt.date.today()).isoformat()}{SUFFIX}"

    # --- taking a travel copy ----------------------------------------------------------
    def take(self) -> Path | None:
        """File → Take travel copy …: save a travel copy of the open database."""
        travel = self._service()
        if travel is None:
            return None
        output = self.ask_output(self.suggested_name())
        if output is None:
            return None
        if output.suffix.lower() != SUFFIX:
            output = output.with_name(output.name + SUFFIX)
        title = _("Take travel copy")
        try:
            with busy(self.window, _("Taking the travel copy …")):
                travel.take(output)
        except Exception as exc:
            self._show_failure(exc, title, output)
            return None
        app_settings().setValue(_FOLDER_KEY, str(output.parent))
        notify(self.window, _("Travel copy saved as {path}.").format(path=output))
        inform(
            self.window,
            _(
                "The travel copy is saved as {path}.\n\n"
                "Copy this file to the laptop you take on the road, and open it there "
                "with Stad Desktop (stad-desktop --db {name}). Work in it as usual; the office "
                "can go on working here meanwhile.\n\n"
                "Back at the office, choose File → Bring travel copy home … here and pick "
                "the file: the changes from both sides are merged."
            ).format(path=output, name=output.name),
            title=title,
        )
        return output

    # --- bringing it home --------------------------------------------------------------
    def bring_home(self) -> bool:
        """File → Bring travel copy home …: show the plan and the conflicts, merge on
        OK, then tell the summary and refresh every view."""
        travel = self._service()
        if travel is None:
            return False
        trip = self.ask_trip()
        if trip is None:
            return False
        title = _("Bring travel copy home")
        try:
            with busy(self.window, _("Reading the travel copy …")):
                plan = travel.plan(trip)
        except Exception as exc:
            self._show_failure(exc, title, trip)
            return False
        from stad_desktop.ui.dialogs.travel_dialogs import BringHomeDialog, summary_text

        dialog = BringHomeDialog(travel, trip, plan, self.window)
        if not self.run_dialog(dialog) or dialog.result_summary is None:
            return False
        # The undo steps were made on the data before the merge.
        self.window.undo_stack.clear()
        self.window.bus.changed(kinds.ALL)
        notify(self.window, _("The travel copy {file} is brought home.").format(file=trip.name))
        inform(
            self.window,
            _("The travel copy {file} is brought home.").format(file=trip.name)
            + "\n\n"
            + summary_text(dialog.result_summary, done=True),
            title=title,
        )
        return True

    def run_dialog(self, dialog: BringHomeDialog) -> bool:
        """Show the bring-home dialog; True when it merged (tests replace this)."""
        return bool(dialog.exec())

    def show_merges(self) -> None:
        """File → Merges …: the travel copies brought home and their losing values."""
        travel = self._service()
        if travel is not None:
            from stad_desktop.ui.dialogs.travel_dialogs import MergesDialog

            MergesDialog(travel, self.window).exec()

    def _show_failure(self, exc: Exception, title: str, path: Path) -> None:
        """A refusal or a known problem as one line; anything else is a bug."""
        from stad_desktop.services.travel import TravelRefused
        from stad_desktop.ui.crash import known_message

        if isinstance(exc, TravelRefused):
            text: str | None = exc.message.render()
        elif isinstance(exc, OSError):
            text = _("Could not use {path}: {detail}").format(
                path=path, detail=current().render(os_error_message(exc))
            )
        else:
            text = known_message(exc)
        if text is None:
            raise exc
        problem(self.window, text, title=title)
