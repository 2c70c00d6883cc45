"""Every input of the dialogs and list views has an accessible name, and the
labelled ones a label buddy (screen readers, Alt+letter)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from stad_desktop.services import Services
from stad_desktop.ui.dialogs.actor_dialog import ActorDialog
from stad_desktop.ui.dialogs.project_dialog import ProjectDialog

INPUTS = (QLineEdit, QComboBox, QPlainTextEdit)


def inputs(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QWidget) if isinstance(w, INPUTS)]


def buddies(widget: QWidget) -> set[int]:
    return {id(label.buddy()) for label in widget.findChildren(QLabel) if label.buddy()}


def test_actor_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ActorDialog(lambda data: None)
    qtbot.addWidget(dialog)
    dialog.add_contact()
    fields = inputs(dialog)
    assert len(fields) >= 12
    assert all(field.accessibleName() for field in fields)
    assert all(id(field) in buddies(dialog) for field in fields)
    # contact fields say which contact person they belong to
    assert "2" in dialog.contact_rows[1].email.accessibleName()


def test_project_dialog(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    project = demo_services.projects.list()[0]
    dialog = ProjectDialog(
        lambda data, changes: None,
        demo_services.actors.refs(),
        demo_services.projects.get(project.id),
        demo_services.checklist.items(project.id),
    )
    qtbot.addWidget(dialog)
    fields = inputs(dialog)
    assert len(fields) >= 11 + 2 * 11
    assert all(field.accessibleName() for field in fields)
    # checklist status combos have the item's name as their label
    assert all(id(combo) in buddies(dialog) for combo in dialog.checklist.status.values())
    # and the comments have the item's number (Alt+number), and show all as a tooltip
    assert all(id(edit) in buddies(dialog) for edit in dialog.checklist.comment.values())
    for number, edit in dialog.checklist.comment.items():
        assert str(number) in edit.accessibleName()
        assert edit.toolTip() == edit.text()
    edit.setText("Ein lang kommentar " * 10)
    assert edit.toolTip() == edit.text()
    assert id(dialog.budget) in buddies(dialog)
