"""The Help menu's own entries: Upgrade report … (what an upgrade of the database
changed in the data, see ``services.upgrade_report``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stad_desktop.language import _
from stad_desktop.ui.actions import make_action, retitle
from stad_desktop.ui.feedback import inform

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from stad_desktop.ui.main_window import MainWindow


class HelpMenu:
    """The entries of ``window``'s Help menu ``menu`` before About."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.upgrade_report_action = make_action(window, "", self.show_upgrade_report)
        menu.addAction(self.upgrade_report_action)
        menu.addSeparator()
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def retranslate(self) -> None:
        retitle(self.upgrade_report_action, _("&Upgrade report …"))

    def update_actions(self) -> None:
        services = self.window.services
        self.upgrade_report_action.setEnabled(
            services is not None and bool(services.upgrade_reports.reports())
        )

    def upgrade_report_text(self) -> str:
        services = self.window.services
        reports = () if services is None else services.upgrade_reports.reports()
        return "\n\n".join("\n".join(report.render()) for report in reports)

    def show_upgrade_report(self) -> None:
        text = self.upgrade_report_text()
        if text:
            inform(self.window, text, title=_("Upgrade report"))
