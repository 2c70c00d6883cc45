"""A labelled combo box of the active projects, for the per-project views: type in
it to find a project among hundreds (see ``SearchCombo``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from stad_desktop.language import _
from stad_desktop.services import Services
from stad_desktop.ui.widgets.inline_form import plain
from stad_desktop.ui.widgets.search_tools import SearchCombo


class ProjectSelector(QWidget):
    project_changed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.combo = SearchCombo(self)
        self.label = QLabel(self)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.combo.notice, 1)
        self.combo.currentIndexChanged.connect(self._changed)
        self._loading = False
        self._listed: tuple[tuple[str, str], ...] = ()  # (name, id) in the combo
        self.retranslate()

    def retranslate(self) -> None:
        text = _("&Project:")
        self.label.setText(text)
        self.combo.setAccessibleName(plain(text).rstrip(":"))
        self.combo.setToolTip(_("Type to find a project"))

    def project_id(self) -> str | None:
        value = self.combo.currentData()
        return str(value) if value else None

    def reload(self) -> None:
        """Re-read the project list, keeping the current project where it still exists."""
        keep = self.project_id()
        listed = tuple((ref.name, ref.id) for ref in self._services.projects.refs())
        self._loading = True
        try:
            if listed != self._listed:  # else the combo has them (3,000 at a county)
                self._listed = listed
                self.combo.clear()
                for name, project_id in listed:
                    self.combo.addItem(name, project_id)
            index = self.combo.findData(keep) if keep else -1
            self.combo.setCurrentIndex(index if index >= 0 else (0 if self.combo.count() else -1))
            if self.combo.currentIndex() >= 0:  # a half-typed search gives way, as before
                self.combo.setEditText(self.combo.currentText())
        finally:
            self._loading = False
        if self.project_id() != keep:
            self.project_changed.emit(self.project_id() or "")

    def set_project(self, project_id: str) -> bool:
        index = self.combo.findData(project_id)
        if index < 0:
            self.reload()
            index = self.combo.findData(project_id)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        return True

    def _changed(self, _index: int) -> None:
        if not self._loading:
            self.project_changed.emit(self.project_id() or "")
