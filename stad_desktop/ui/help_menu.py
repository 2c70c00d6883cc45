"""The Help menu's entries: Help (F1) on the part about the current view, the
What is this? link in the status bar that does the same, Upgrade report … (what an
upgrade of the database changed in the data, see ``services.upgrade_report``) and
About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from stad_desktop.language import _
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.feedback import inform

if TYPE_CHECKING:
    from stad_desktop.ui.dialogs.help_dialog import HelpDialog
    from stad_desktop.ui.main_window import MainWindow


def _plain(text: str) -> str:
    """An action's text as read: without its & mnemonic and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" ….")


def _keys(action: QAction) -> str:
    return ", ".join(
        keys.toString(QKeySequence.SequenceFormat.NativeText) for keys in action.shortcuts()
    )


def _menu_shortcuts(menu: QMenu) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.extend(_menu_shortcuts(sub))
        elif action.shortcuts() and action.text():
            found.append((_plain(action.text()), _keys(action)))
    return found


def action_shortcuts(widget: QWidget) -> list[tuple[str, str]]:
    """The shortcuts of ``widget``'s own actions and its children's, each once."""
    seen: dict[tuple[str, str], None] = {}
    for action in widget.findChildren(QAction):
        if action.shortcuts() and action.text():
            seen[(_plain(action.text()), _keys(action))] = None
    return list(seen)


class HelpMenu:
    """The entries of ``window``'s Help menu ``menu``, and the status bar's What is
    this? link."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.window_: HelpDialog | None = None
        self.help_action = make_action(window, "", self.show_help, "F1")
        menu.addAction(self.help_action)
        self.upgrade_report_action = make_action(window, "", self.show_upgrade_report)
        menu.addAction(self.upgrade_report_action)
        menu.addSeparator()
        self.about_action = make_action(window, "", self.about)
        menu.addAction(self.about_action)
        menu.aboutToShow.connect(self.update_actions)
        self.link = QLabel(window)
        self.link.setObjectName("what_is_this")
        self.link.linkActivated.connect(lambda _href: self.show_help())
        window.statusBar().addPermanentWidget(self.link)
        self.update_actions()

    def retranslate(self) -> None:
        retitle(self.help_action, _("Stad Desktop &help"))
        retitle(self.upgrade_report_action, _("&Upgrade report …"))
        retitle(self.about_action, _("&About Stad Desktop"))
        self.link.setText(f'<a href="help">{_("What is this?")}</a>')
        self.link.setToolTip(_("Help on the view you are in (F1)"))
        self.link.setAccessibleName(_("What is this?"))
        if self.window_ is not None:
            self.window_.retranslate()

    def update_actions(self) -> None:
        services = self.window.services
        self.upgrade_report_action.setEnabled(
            services is not None and bool(services.upgrade_reports.reports())
        )

    # --- the help window ---------------------------------------------------------------
    def current_part(self) -> str:
        """The key of the part about what the window shows now."""
        view = self.window.current_view()
        return (None if view is None else self.window.views.key_of(view)) or "overview"

    def shortcut_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The window's keyboard shortcuts, from its menus and each view's actions."""
        window = self.window
        groups = [(_("Everywhere in the window"), _menu_shortcuts_of(window))]
        if window.services is not None:
            for spec in window.specs:
                keys = action_shortcuts(window.views[spec.key])
                if keys:
                    groups.append((_(spec.title), keys))
        return groups

    def show_help(self, part: str | None = None) -> HelpDialog:
        from stad_desktop.ui.dialogs.help_dialog import HelpDialog

        if self.window_ is None:
            self.window_ = HelpDialog(self.shortcut_groups, self.window)
        self.window_.show_section(part or self.current_part())
        self.window_.show()
        self.window_.activateWindow()
        return self.window_

    def about(self) -> None:
        from stad_desktop import __version__

        inform(
            self.window,
            _(
                "Stad Desktop {version}\n\nA register of actors and co-creation projects, "
                "role matrices and effect logs for the municipality. Works offline."
            ).format(version=__version__),
            title=_("About Stad Desktop"),
        )

    # --- the upgrade report ------------------------------------------------------------
    def upgrade_report_text(self) -> str:
        services = self.window.services
        reports = () if services is None else services.upgrade_reports.reports()
        return "\n\n".join("\n".join(report.render()) for report in reports)

    def show_upgrade_report(self) -> None:
        text = self.upgrade_report_text()
        if text:
            inform(self.window, text, title=_("Upgrade report"))


def _menu_shortcuts_of(window: MainWindow) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            found.extend(_menu_shortcuts(menu))
    return found
