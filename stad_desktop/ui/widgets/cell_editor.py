"""The role matrix's side panel for the selected cell: the actor's expectation and
agreed contribution in that role, with a Save cell button. It remembers which
cell (and project) its texts belong to, so typed text is not lost when the
selection moves (the view saves it first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from stad_desktop.language import _, current
from stad_desktop.services.errors import ValidationError
from stad_desktop.services.readmodels import ActorRef, AssignmentView, RoleView
from stad_desktop.ui.widgets.inline_form import InlineForm
from stad_desktop.ui.widgets.matrix_overview import heading

# (project id, actor id, role id) of the cell whose texts the panel holds.
CellKey = tuple[str, str, str]


class CellEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded: CellKey | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # actor and role names
        self.label.setWordWrap(True)
        self.form = InlineForm(self)
        self.form.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.expectation_edit = QPlainTextEdit(self)
        self.contribution_edit = QPlainTextEdit(self)
        for edit in (self.expectation_edit, self.contribution_edit):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(90)
        self.form.add_row("expectation", _("&Expectation:"), self.expectation_edit)
        self.form.add_row("contribution", _("Agreed &contribution:"), self.contribution_edit)
        self.save_button = QPushButton(_("&Save cell"), self)
        self.save_button.setToolTip(_("Save the expectation and contribution (Ctrl+Enter)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(_("Selected cell"), self.expectation_edit))
        layout.addWidget(self.label)
        layout.addWidget(self.form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        QWidget.setTabOrder(self.expectation_edit, self.contribution_edit)
        QWidget.setTabOrder(self.contribution_edit, self.save_button)
        self.show_cell(None, None, None, force=True)

    def modified(self) -> bool:
        """Text was typed since the cell's texts were shown or saved."""
        return (
            self.expectation_edit.document().isModified()
            or self.contribution_edit.document().isModified()
        )

    def pending(self) -> CellKey | None:
        """The cell whose typed text is not saved yet, if any."""
        return self.loaded if self.loaded is not None and self.modified() else None

    def texts(self) -> tuple[str, str]:
        return self.expectation_edit.toPlainText(), self.contribution_edit.toPlainText()

    def saved(self) -> None:
        """The texts shown are now stored."""
        self.form.clear_errors()
        self.expectation_edit.document().setModified(False)
        self.contribution_edit.document().setModified(False)

    def show_error(self, error: ValidationError) -> None:
        self.form.show_error(error)

    def show_cell(
        self,
        key: CellKey | None,
        cell: tuple[ActorRef, RoleView] | None,
        assignment: AssignmentView | None,
        force: bool,
    ) -> None:
        """Show the cell ``key`` (None: no cell selected). Unless ``force``, the text
        typed for the same cell is kept."""
        for widget in (self.expectation_edit, self.contribution_edit, self.save_button):
            widget.setEnabled(cell is not None)
        if key is None or cell is None:
            self.loaded = None
            self.label.setText(_("Select a cell in the matrix."))
            self.expectation_edit.clear()
            self.contribution_edit.clear()
            self.form.clear_errors()
            return
        actor, role = cell
        if assignment is None:
            text = _("{actor} – {role} (not assigned; saving assigns the role)")
        elif assignment.lacks_contribution:
            text = _("{actor} – {role} (! expectation without agreed contribution)")
            # Keep "(!" with the word after it when the label wraps.
            text = text.replace("(! ", "(!\u00a0")
        else:
            text = _("{actor} – {role}")
        self.label.setText(text.format(actor=actor.name, role=role.name.get(current().lang)))
        if force or key != self.loaded or not self.modified():
            self.loaded = key
            self.form.clear_errors()
            self.expectation_edit.setPlainText(assignment.expectation if assignment else "")
            self.contribution_edit.setPlainText(assignment.contribution if assignment else "")
            self.saved()
