"""Bad values typed into a dialog get a message next to their field (never the crash
dialog), and names from the database are shown in messages as typed, not as HTML."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QUndoStack
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox

from stad_desktop.language import N_
from stad_desktop.services import ActorInput, ProjectInput, Services, ValidationError
from stad_desktop.ui import crash
from stad_desktop.ui.bus import DataBus
from stad_desktop.ui.dialogs.actor_dialog import ActorDialog
from stad_desktop.ui.dialogs.project_dialog import ProjectDialog
from stad_desktop.ui.main_window import MainWindow
from stad_desktop.ui.views.actors import ActorsView
from stad_desktop.ui.views.projects import ProjectsView
from stad_desktop.ui.views.role_matrix import RoleMatrixView

NBSP = "\u00a0"
TOO_BIG = f"Talet kan ikkje vere større enn 999{NBSP}999{NBSP}999{NBSP}999."
NOT_A_NUMBER = "Skriv eit tal, til dømes 1 234,5."
BAD_YEAR = "Året må vere mellom 1900 og 2200."


def new_project_dialog(qtbot, window: MainWindow) -> tuple[ProjectsView, ProjectDialog]:  # type: ignore[no-untyped-def]
    window.show_view("projects")
    view = window.views["projects"]
    assert isinstance(view, ProjectsView)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert isinstance(dialog, ProjectDialog)
    return view, dialog


def type_into(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.clear()
    qtbot.keyClicks(edit, text)


def shown_text(label: QLabel) -> str:
    """What the label shows, as a screen reader reads its text (rich text is read
    without its tags, plain text as it is)."""
    name = label.accessibleName()
    label.setAccessibleName("")  # a set name (e.g. "Legend") is read instead of the text
    try:
        interface = QAccessible.queryAccessibleInterface(label)
        assert interface is not None
        return str(interface.text(QAccessible.Text.Name))
    finally:
        label.setAccessibleName(name)


def test_bad_budgets_and_years_are_shown_next_to_their_field(  # type: ignore[no-untyped-def]
    qtbot, make_window, services: Services
) -> None:
    view, dialog = new_project_dialog(qtbot, make_window(services))
    qtbot.keyClicks(dialog.name, "Kulturskule 3.0")
    for budget, expected in [
        ("1e20", TOO_BIG),
        ("100000000000000000", TOO_BIG),
        ("1e40", TOO_BIG),
        ("1 000 000 000 000", TOO_BIG),
        ("inf", NOT_A_NUMBER),
        ("nan", NOT_A_NUMBER),
    ]:
        type_into(qtbot, dialog.budget, budget)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and view.dialog is dialog
        assert dialog.errors.message("budget_nok") == expected, budget
        assert dialog.budget.text() == budget  # what was typed stays
    dialog.budget.clear()

    for field, edit in (("start_date", dialog.start_date), ("end_date", dialog.end_date)):
        for typed in ("01.01.0000", "0000-12-31", "31.12.9999"):
            type_into(qtbot, edit, typed)
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert dialog.isVisible()
            assert dialog.errors.message(field) == BAD_YEAR, typed
            assert dialog.errors.message("budget_nok") == ""
        edit.clear()
    assert services.projects.list(include_archived=True) == ()

    # Corrected, the same dialog saves.
    type_into(qtbot, dialog.start_date, "01.01.2026")
    type_into(qtbot, dialog.budget, "999 999 999 999")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert [p.name for p in services.projects.list()] == ["Kulturskule 3.0"]


def test_a_name_in_a_message_is_shown_as_typed_not_as_html(  # type: ignore[no-untyped-def]
    qtbot, make_window, services: Services
) -> None:
    services.actors.create(ActorInput("<b>Lote</b> bygdelag", org_number="974760673"))
    window = make_window(services)
    window.show_view("actors")
    view = window.views["actors"]
    assert isinstance(view, ActorsView)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert isinstance(dialog, ActorDialog)
    qtbot.keyClicks(dialog.name, "Selje grendalag")
    qtbot.keyClicks(dialog.org_number, "974 760 673")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    expected = "<b>Lote</b> bygdelag har alt organisasjonsnummeret 974760673."
    assert dialog.errors.message("org_number") == expected
    label = next(
        label
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.text() == expected
    )
    assert shown_text(label) == expected


def test_names_in_the_role_matrix_labels_are_shown_as_typed(  # type: ignore[no-untyped-def]
    qtbot, services: Services
) -> None:
    project = services.projects.create(ProjectInput("Folkehelse")).value
    actor = services.actors.create(ActorInput("<b>Lote</b> bygdelag")).value
    role = services.roles.create_role("<i>Vert</i>", short="V").value
    services.roles.assign(project.id, actor.id, role.id)
    view = RoleMatrixView(services, DataBus(), QUndoStack())
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    view.show_project(project.id)
    index = view.model.index(view.model.actor_row(actor.id), view.model.role_column(role.id))
    view.table.setCurrentIndex(index)
    assert view.cell_label.text().startswith("<b>Lote</b> bygdelag – <i>Vert</i>")
    assert shown_text(view.cell_label) == view.cell_label.text()

    view.tabs.setCurrentIndex(1)
    legend = view.portfolio.legend
    qtbot.waitUntil(lambda: "V = <i>Vert</i>" in legend.text())
    assert shown_text(legend) == legend.text()


def test_a_refusal_reaching_the_crash_hook_shows_names_as_typed(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch
) -> None:
    # E.g. an undo that the service refuses: its message is shown in a message box.
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    crash.install(dialog=True)
    try:
        error = ValidationError(
            "org_number",
            N_("{name} already has organisation number {value}."),
            name="<b>Lote</b> bygdelag",
            value="974760673",
        )
        try:
            raise error
        except ValidationError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        crash.uninstall()
    label = shown[0].findChild(QLabel, "qt_msgbox_label")
    assert isinstance(label, QLabel)
    assert label.text() == "<b>Lote</b> bygdelag har alt organisasjonsnummeret 974760673."
    assert shown_text(label) == label.text()


def test_a_file_name_in_a_warning_is_shown_as_typed(  # type: ignore[no-untyped-def]
    qtbot, services: Services, tmp_path: Path, monkeypatch
) -> None:
    from stad_desktop.ui.dialogs.print_dialog import PrintDialog

    project = services.projects.create(ProjectInput("Kulturskule")).value
    dialog = PrintDialog(services, project.id)
    qtbot.addWidget(dialog)
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    target = tmp_path / "<b>Kulturskule</b>" / "samandrag.pdf"  # a folder that is not there
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: shown.append(args[2]))
    assert preview.save_as() is None
    assert len(shown) == 1 and isinstance(shown[0], QMessageBox)
    label = shown[0].findChild(QLabel, "qt_msgbox_label")
    assert isinstance(label, QLabel)
    assert "<b>Kulturskule</b>" in label.text()
    assert shown_text(label) == label.text()
