"""The main window: sidebar of views (from ``views.registry.view_specs``), menus,
status bar. The frame is built before the database is opened; ``attach`` then
builds the views over the services."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from stad_desktop.language import LANGUAGE_NAMES, LANGUAGES, _, current, set_language
from stad_desktop.ui import bus as kinds
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.example_menu import ExampleMenu
from stad_desktop.ui.feedback import inform, notify
from stad_desktop.ui.help_menu import HelpMenu
from stad_desktop.ui.import_menu import ImportMenu
from stad_desktop.ui.live_updates import LiveUpdates
from stad_desktop.ui.main_toolbar import MainToolbar
from stad_desktop.ui.navigation import go_to
from stad_desktop.ui.privacy_menu import PrivacyMenu
from stad_desktop.ui.settings import app_settings
from stad_desktop.ui.travel_menu import TravelMenu
from stad_desktop.ui.type_ahead import TypeAhead
from stad_desktop.ui.undo_actions import UndoActions
from stad_desktop.ui.views.base import ARCHIVE, EDIT, NEW, SEARCH, ProjectAware, View
from stad_desktop.ui.views.registry import ViewSpec, view_specs
from stad_desktop.ui.views.shelf import ViewShelf

# Commands kept while the database opens (Edit and Archive act on a selection the
# user could not yet see, so they are not).
HELD_COMMANDS = frozenset({NEW, SEARCH})

if TYPE_CHECKING:
    from stad_desktop.services import Services
    from stad_desktop.ui.views.damaged import DamagedPage
    from stad_desktop.ui.views.welcome import WelcomePage


class MainWindow(QMainWindow):
    def __init__(self, db_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.db_name = db_name
        self.services: Services | None = None
        self.bus = DataBus(self)
        self.undo_stack = QUndoStack(self)
        self.specs: tuple[ViewSpec, ...] = view_specs()
        # Each view is built when first shown or asked for (attach fills the shelf).
        self.views: ViewShelf = ViewShelf()
        self.welcome: WelcomePage | None = None
        self.damaged: DamagedPage | None = None  # see show_damaged
        self.current_project_id: str | None = None
        self.live: LiveUpdates | None = None  # others' changes (a shared database)

        self.sidebar = QListWidget()
        for _spec in self.specs:
            self.sidebar.addItem("")
        self.sidebar.setMaximumWidth(240)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.sidebar.setMinimumWidth(110)
        self.stack = QStackedWidget()
        # Input given before the first view is there is kept for it (see type_ahead).
        self.type_ahead = TypeAhead(self)
        self.stack.addWidget(self.type_ahead.page)
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([170, 1000])
        self.setCentralWidget(splitter)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)

        self._build_menus()
        self.toolbar = MainToolbar(self)
        self.statusBar()
        settings = app_settings()
        self._mark_row(settings.value("main_window/view"))
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 740)
        self.retranslate()

    def _mark_row(self, key: object) -> None:
        """Mark the view about to be shown (the last one) in the sidebar, without
        choosing it: a row changed before the first view is there is the user's."""
        keys = [spec.key for spec in self.specs]
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(keys.index(key) if key in keys else 0)
        self.sidebar.blockSignals(False)

    def _set_title(self) -> None:
        self.setWindowTitle(self.travel.title(self.db_name))  # says if a travel copy

    # --- menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.settings_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")

        self.example_action = make_action(self, "", self.load_example)
        self.file_menu.addAction(self.example_action)
        self.example = ExampleMenu(self, self.file_menu, self.example_action)
        self.backups_action = make_action(self, "", self.show_backups)
        self.file_menu.addAction(self.backups_action)
        self.print_action = make_action(self, "", self.print_summary, "Ctrl+P")
        self.file_menu.addAction(self.print_action)
        self.export_action = make_action(self, "", self.export_tables, "Ctrl+E")
        for action in (self.print_action, self.export_action):  # once there is data
            action.setEnabled(False)
        self.file_menu.addAction(self.export_action)
        self.importer = ImportMenu(self, self.file_menu, self.export_action)
        self.travel = TravelMenu(self, self.file_menu)
        self.file_menu.aboutToShow.connect(self._update_file_menu)
        self.file_menu.addSeparator()
        self.quit_action = make_action(self, "", self.close, "Ctrl+Q")
        self.file_menu.addAction(self.quit_action)

        self.undo_actions = UndoActions(self.undo_stack, self)
        self.undo_action = self.undo_actions.undo
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_actions.redo
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.command_actions: dict[str, QAction] = {}
        for command, keys in (
            (NEW, "Ctrl+N"),
            (EDIT, "F2"),
            (ARCHIVE, "Delete"),
            (SEARCH, "Ctrl+F"),
        ):
            action = make_action(self, "", partial(self.run_command, command), keys)
            action.setEnabled(command in HELD_COMMANDS)  # kept until the first view
            self.edit_menu.addAction(action)
            self.command_actions[command] = action

        self.view_actions = QActionGroup(self)
        for number, spec in enumerate(self.specs):  # Ctrl+0: the home page
            action = make_action(
                self, "", partial(self.show_view, spec.key), f"Ctrl+{number}", checkable=True
            )
            self.view_actions.addAction(action)
            self.view_menu.addAction(action)

        self.language_menu = self.settings_menu.addMenu("")
        self.language_actions = QActionGroup(self)
        for lang in LANGUAGES:
            # Each language in its own name, so a user can always find their way back.
            action = make_action(
                self,
                LANGUAGE_NAMES[lang],
                partial(self.change_language, lang),
                checkable=True,
                data=lang,
            )
            action.setChecked(lang == current().lang)
            self.language_actions.addAction(action)
            self.language_menu.addAction(action)

        self.privacy = PrivacyMenu(self, self.settings_menu)
        self.help = HelpMenu(self, self.help_menu)
        self.about_action = self.help.about_action

    def _retranslate_menus(self) -> None:
        for menu, text in (
            (self.file_menu, _("&File")),
            (self.edit_menu, _("&Edit")),
            (self.view_menu, _("&View")),
            (self.settings_menu, _("&Settings")),
            (self.help_menu, _("&Help")),
            (self.language_menu, _("&Language")),
        ):
            menu.setTitle(text)
        for action, text in (
            (self.example_action, _("Load &example data")),
            (self.backups_action, _("&Backups …")),
            (self.print_action, _("&Print summary …")),
            (self.export_action, _("E&xport …")),
            (self.quit_action, _("&Quit")),
            (self.command_actions[NEW], _("&New …")),
            (self.command_actions[EDIT], _("&Edit …")),
            (self.command_actions[ARCHIVE], _("&Archive or restore")),
            (self.command_actions[SEARCH], _("&Find")),
        ):
            retitle(action, text)
        for action, spec in zip(self.view_actions.actions(), self.specs, strict=True):
            retitle(action, _(spec.title))
        for action in self.language_actions.actions():
            action.setChecked(action.data() == current().lang)
        self.undo_actions.retranslate()
        self.importer.retranslate()
        self.travel.retranslate()
        self.help.retranslate()
        self.example.retranslate()
        self.privacy.retranslate()

    def _update_file_menu(self) -> None:
        self.print_action.setEnabled(self.services is not None)
        self.export_action.setEnabled(self.services is not None)
        self.importer.update_actions()
        self.example_action.setEnabled(self.services is not None and self.services.is_empty())
        self.backups_action.setEnabled(
            (self.services is not None and self.services.backups.available)
            or self.damaged is not None
        )

    # --- attaching the data --------------------------------------------------------------
    def attach(self, services: Services) -> None:
        """Show the last view over ``services`` (or the welcome); each view is built
        when it is first shown or asked for, so start-up builds only the one shown."""
        self.services = services
        if self.damaged is not None:  # restored from a backup and opened
            self.stack.removeWidget(self.damaged)
            self.damaged.deleteLater()
            self.damaged = None
        self.views = ViewShelf(self.specs, self._build_view)
        for widget in (self.language_menu, self.sidebar, self.print_action, self.export_action):
            widget.setEnabled(True)
        self.travel.attach()
        self.bus.data_changed.connect(self._on_data_changed)
        self.stop_live_updates()
        self.live = LiveUpdates(services, self.bus, self.show_message, self)
        with self.type_ahead.first_view():  # then acts on what was kept meanwhile
            wanted = self.type_ahead.wanted_view  # chosen while the database opened
            if wanted is not None:
                self.show_view(wanted)
            elif services.is_empty():
                self.show_welcome()
            else:
                last = app_settings().value("main_window/view")
                self.show_view(last if isinstance(last, str) and last in self.views else "")

    def stop_live_updates(self) -> None:
        live, self.live = self.live, None
        if live is not None:
            live.stop()

    def _build_view(self, spec: ViewSpec) -> View:
        assert self.services is not None
        view = spec.factory(self.services, self.bus, self.undo_stack)
        view.commands_changed.connect(self._update_commands)
        view.message.connect(self.show_message)
        view.project_selected.connect(self.select_project)
        view.open_project.connect(self.open_project)
        view.go_to.connect(partial(go_to, self))
        if self.current_project_id is not None and isinstance(view, ProjectAware):
            view.show_project(self.current_project_id)
        self.stack.addWidget(view)
        return view

    # --- language ------------------------------------------------------------------------
    def change_language(self, lang: str) -> None:
        """Settings → Language: remember the choice and show the window in it now."""
        from stad_desktop.ui.qt_i18n import install_qt_translators
        from stad_desktop.ui.settings import save_language

        save_language(lang)
        if lang == current().lang:
            return
        set_language(lang)
        install_qt_translators(lang)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text of the window in the current language, and have the views,
        the welcome page and the undo steps do the same. The data, each view's
        selection and scroll position, the shown view and project all stay."""
        self._set_title()
        self.sidebar.setAccessibleName(_("Views"))
        for row, spec in enumerate(self.specs):
            self.sidebar.item(row).setText(_(spec.title))
        self.type_ahead.retranslate()
        self._retranslate_menus()
        self.toolbar.retranslate()
        for view in self.views.built():
            view.retranslate_view()
        if self.welcome is not None:
            self.welcome.retranslate()

    def show_welcome(self) -> None:
        from stad_desktop.ui.views.welcome import WelcomePage

        if self.welcome is None:
            self.welcome = WelcomePage()
            self.welcome.load_example.connect(self.load_example)
            self.welcome.new_actor.connect(lambda: self._start_new("actors"))
            self.welcome.new_project.connect(lambda: self._start_new("projects"))
            self.stack.addWidget(self.welcome)
        self._show_page(self.welcome)

    def _show_page(self, page: QWidget) -> None:  # a page that is none of the views
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(-1)
        self.sidebar.blockSignals(False)
        self.stack.setCurrentWidget(page)
        page.setFocus()
        self._update_commands()

    def _start_new(self, key: str) -> None:
        self.show_view(key)
        self.views[key].new_item()

    def load_example(self) -> None:
        from stad_desktop.demo import DemoRefused, load_demo

        if self.services is None:
            return
        try:
            load_demo(self.services)
        except DemoRefused as exc:
            inform(self, exc.message.render(), title=_("Example data"))
            return
        self.undo_stack.clear()
        self.bus.changed(kinds.ALL)
        self.show_view("actors")
        self.show_message(_("The example data from Stad is loaded."))

    def show_backups(self) -> None:
        """File → Backups …: a restore replaces the file under the same services, and
        the undo steps, which belong to the replaced data, are forgotten."""
        from stad_desktop.ui.dialogs.backups import BackupsDialog

        services = self.services
        if services is None and self.damaged is not None:
            self.damaged.show_backups()
            return
        if services and services.backups.available and BackupsDialog(services.backups, self).exec():
            self.undo_stack.clear()
            self.bus.changed(kinds.ALL)
            self.show_message(_("The backup is restored."))

    def show_damaged(self, db_path: Path, open_again: Callable[[], None]) -> None:
        """Say that ``db_path`` is damaged; offer its backups, then ``open_again``."""
        from stad_desktop.ui.views.damaged import DamagedPage

        self.type_ahead.drop()
        for widget in (self.language_menu, self.sidebar):  # until a restore opens it
            widget.setEnabled(False)
        self.damaged = DamagedPage(db_path, open_again)
        self.damaged.restored.connect(lambda: self.show_message(_("The backup is restored.")))
        self.stack.addWidget(self.damaged)
        self._show_page(self.damaged)

    def print_summary(self) -> None:
        """File → Print summary …: a printout of the current project or the portfolio;
        from the Meetings view, what we heard at the meeting chosen there."""
        from stad_desktop.ui.dialogs.print_dialog import PrintDialog
        from stad_desktop.ui.views.meetings import MeetingsView

        if self.services is None:
            return
        view = self.current_view()
        meeting = view.current_meeting() if isinstance(view, MeetingsView) else None
        PrintDialog(
            self.services,
            self.current_project_id,
            self,
            meeting_id=meeting.id if meeting is not None else None,
        ).exec()

    def export_tables(self) -> None:
        """File → Export …: a table, or all of them, to Excel or CSV."""
        from stad_desktop.ui.dialogs.export_dialog import ExportDialog

        if self.services is not None:
            ExportDialog(self.services, self).exec()

    # --- views -----------------------------------------------------------------------
    def current_view(self) -> View | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, View) else None

    def show_view(self, key: str) -> None:
        keys = [spec.key for spec in self.specs]
        row = keys.index(key) if key in keys else 0
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # calls _on_sidebar_row
        else:
            self._on_sidebar_row(row)

    def _on_sidebar_row(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        spec = self.specs[row]
        if not self.views:  # the database is still opening: this view comes first
            if self.type_ahead.holding:
                self.type_ahead.wanted_view = spec.key
                self.view_actions.actions()[row].setChecked(True)
            return
        view = self.views[spec.key]
        self.stack.setCurrentWidget(view)
        self.view_actions.actions()[row].setChecked(True)
        app_settings().setValue("main_window/view", spec.key)
        self._update_commands()

    def select_project(self, project_id: str) -> None:
        """The user is working on this project: per-project views follow."""
        self.current_project_id = project_id
        for view in self.views.built():
            if isinstance(view, ProjectAware):
                view.show_project(project_id)

    def open_project(self, key: str, project_id: str) -> None:
        self.select_project(project_id)
        if key in self.views:
            self.show_view(key)

    def _on_data_changed(self, kind: str, ids: object) -> None:
        if (
            self.welcome is not None
            and self.stack.currentWidget() is self.welcome
            and self.services is not None
            and not self.services.is_empty()
        ):
            self.show_view(self.specs[0].key)

    # --- commands ----------------------------------------------------------------------
    def run_command(self, command: str) -> bool:
        """Run ``command`` on the current view; False when it has none to run."""
        if self.services is None and self.type_ahead.holding:
            if command in HELD_COMMANDS:  # run on the first view when it is there
                self.type_ahead.keep(partial(self.run_command, command))
            return False
        view = self.current_view()
        if view is None:
            if command == NEW and self.welcome is not None:
                self._start_new("actors")
                return True
            return False
        if command not in view.available_commands():
            return False
        {
            NEW: view.new_item,
            EDIT: view.edit_item,
            ARCHIVE: view.archive_item,
            SEARCH: view.focus_search,
        }[command]()
        return True

    def _update_commands(self) -> None:
        view = self.current_view()
        if view is not None:
            enabled = view.available_commands()
        elif self.welcome is not None and self.stack.currentWidget() is self.welcome:
            enabled = frozenset({NEW})
        else:
            enabled = frozenset()
        for command, action in self.command_actions.items():
            action.setEnabled(command in enabled)

    def show_message(self, text: str) -> None:
        notify(self, text)

    # --- closing -----------------------------------------------------------------------
    def commit_pending(self) -> bool:
        """Save every view's typed-but-unsaved input; False if one could not be."""
        return all([view.commit_pending() for view in self.views.built()])

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.commit_pending():
            event.ignore()  # keep the window open: the view shows what is wrong
            return
        for view in self.views.built():
            dialog = getattr(view, "dialog", None)
            if dialog is not None:
                dialog.close()
        self.stop_live_updates()
        settings = app_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
