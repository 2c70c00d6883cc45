"""File → Backups…: the automatic backups of the open database, and restoring one.

Listing and restoring are the backup service's (``services.backups``): a restore
replaces the file under the same services, which go on working on the restored
data. :attr:`BackupsDialog.restored` is emitted with the database path after a
successful restore, and the dialog is then accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.format import format_datetime, format_number
from stad_desktop.language import N_, _, current
from stad_desktop.services.backups import BackupInfo, BackupService
from stad_desktop.ui.feedback import confirm, problem

_REASONS = {
    "startup": N_("At start-up"),
    "before-upgrade": N_("Before an upgrade"),
    "before-restore": N_("Before a restore"),
    "before-restore-damaged": N_("Before a restore (damaged file)"),
    "before-import": N_("Before an import"),
    "manual": N_("Made by hand"),
    "damaged": N_("At start-up, damaged"),
}


def format_size(size: int) -> str:
    tr = current()
    if size < 1024 * 1024:
        return _("{size} kB").format(size=format_number(size / 1024, tr, 0))
    return _("{size} MB").format(size=format_number(size / (1024 * 1024), tr, 1))


def format_created(info: BackupInfo) -> str:
    return format_datetime(info.created, current())


class BackupsDialog(QDialog):
    """Lists the backups of the open database (newest first) and restores one."""

    restored = Signal(object)  # the database path, after a successful restore

    COLUMNS = (N_("Made"), N_("Why"), N_("Size"), N_("Actors"), N_("Projects"))

    def __init__(self, backups: BackupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = backups
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(_("Backups"))
        self.resize(680, 420)

        intro = QLabel(
            _(
                "A copy of the database is made when the program starts after a change, "
                "and before every upgrade. The last 10 days and the last 12 months are "
                "kept in the folder {folder}."
            ).format(folder=backups.folder())
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([_(title) for title in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(_("Backups"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.empty = QLabel(_("There are no backups of this database yet."))
        self.restore_button = QPushButton(_("&Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(_("Open the &folder"))
        self.folder_button.clicked.connect(self._open_folder)
        self.close_button = QPushButton(_("&Close"))
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.refresh()

    # --- listing --------------------------------------------------------------------
    def refresh(self) -> None:
        self.backups = list(self.service.list())
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            readable = info.problem is None
            values = (
                format_created(info),
                _(_REASONS[info.reason]) if info.reason in _REASONS else info.reason,
                format_size(info.size),
                str(info.actors) if readable else _("damaged"),
                str(info.projects) if readable else "",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (2, 3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.problem is None)

    def _open_folder(self) -> None:
        folder = self.service.folder()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- restoring ------------------------------------------------------------------
    def confirm_restore(self, info: BackupInfo) -> bool:
        """Ask before replacing the database (tests replace this method)."""
        return confirm(
            self,
            _(
                "Replace the database with the backup from {date}? "
                "(Actors: {actors}, projects: {projects}.)"
            ).format(date=format_created(info), actors=info.actors, projects=info.projects),
            _(
                "Changes made after the backup are not in it. The current database is "
                "first saved as a backup of its own, so this can be undone."
            ),
            _("Restore"),
            title=_("Restore backup"),
        )

    def show_problem(self, text: str) -> None:
        """Tell the user what went wrong (tests replace this method)."""
        problem(self, text, title=_("Restore backup"))

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None or info.problem is not None or not self.confirm_restore(info):
            return False
        try:
            self.service.restore(info.path)
        except Exception as exc:
            from stad_desktop.ui.crash import known_message

            message = known_message(exc)
            if message is None:
                raise
            self.show_problem(message)
            self.refresh()
            return False
        self.restored.emit(self.service.database_path)
        self.accept()
        return True
