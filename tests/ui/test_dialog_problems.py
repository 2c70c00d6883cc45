"""A known problem while saving (a full disk, a record deleted meanwhile) is shown
in the dialog, which stays open with what the user typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stad_desktop.language import current
from stad_desktop.services import Services
from stad_desktop.services.errors import NotFoundError
from stad_desktop.storage.errors import StorageError, StorageProblem
from stad_desktop.ui.dialogs.actor_dialog import ActorDialog
from stad_desktop.ui.dialogs.project_dialog import ProjectDialog
from stad_desktop.ui.views.actors import ActorsView
from stad_desktop.ui.views.projects import ProjectsView

DISK_FULL = StorageError(StorageProblem.DISK_FULL, "x")


def fail(error: Exception):  # type: ignore[no-untyped-def]
    def raise_it(*_args: object, **_kwargs: object) -> object:
        raise error

    return raise_it


def test_actor_dialog_shows_a_full_disk_and_stays_open(  # type: ignore[no-untyped-def]
    qtbot, make_window, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(services)
    window.show_view("actors")
    view = window.views["actors"]
    assert isinstance(view, ActorsView)
    monkeypatch.setattr(services.actors, "create", fail(DISK_FULL))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert isinstance(dialog, ActorDialog)
    qtbot.keyClicks(dialog.name, "Lote bygdelag")
    qtbot.keyClicks(dialog.village, "Lote")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and view.dialog is dialog
    assert (dialog.name.text(), dialog.village.text()) == ("Lote bygdelag", "Lote")
    assert dialog.general_error.isVisibleTo(dialog)
    assert dialog.general_error.text() == DISK_FULL.message.render(current())
    assert services.actors.list(include_archived=True) == ()

    # Once the disk has room again, the same dialog saves.
    monkeypatch.undo()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert [a.name for a in services.actors.list()] == ["Lote bygdelag"]


def test_project_dialog_shows_a_full_disk_and_stays_open(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(demo_services)
    window.show_view("projects")
    view = window.views["projects"]
    assert isinstance(view, ProjectsView)
    project = demo_services.projects.list()[0]
    monkeypatch.setattr(demo_services.projects, "save", fail(DISK_FULL))
    view.open_item(project.id)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    assert isinstance(dialog, ProjectDialog)
    dialog.name.setText("Folkehelse i alle bygdene")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and view.dialog is dialog
    assert dialog.name.text() == "Folkehelse i alle bygdene"
    assert dialog.general_error.isVisibleTo(dialog)
    assert dialog.general_error.text() == DISK_FULL.message.render(current())
    assert demo_services.projects.get(project.id).name == project.name
    dialog.reject()


def test_form_dialog_shows_a_deleted_record_and_stays_open(  # type: ignore[no-untyped-def]
    qtbot, make_window, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stad_desktop.ui.dialogs.effect_dialogs import IndicatorDialog
    from stad_desktop.ui.views.effect_log import EffectLogView

    window = make_window(demo_services)
    project = demo_services.projects.list()[0]
    window.open_project("effect_log", project.id)
    view = window.views["effect_log"]
    assert isinstance(view, EffectLogView)
    gone = NotFoundError("indicator", "x")
    monkeypatch.setattr(demo_services.effects, "add_indicator", fail(gone))
    view.new_indicator()
    qtbot.waitUntil(lambda: isinstance(view.dialog, IndicatorDialog))
    dialog = view.dialog
    assert isinstance(dialog, IndicatorDialog)
    qtbot.keyClicks(dialog.name, "Frivillige timar")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and view.dialog is dialog
    assert dialog.name.text() == "Frivillige timar"
    assert dialog.form.general_error_text() == gone.message.render(current())

    monkeypatch.setattr(demo_services.effects, "add_indicator", fail(DISK_FULL))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.general_error_text() == DISK_FULL.message.render(current())
    dialog.reject()
