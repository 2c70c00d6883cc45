"""The actors view through its widgets: create, edit, archive, undo, redo,
search, filter, sort and inline validation messages."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from stad_desktop.model.enums import Sector
from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.ui.dialogs.actor_dialog import ActorDialog
from stad_desktop.ui.dialogs.actor_profile import ActorProfileDialog
from stad_desktop.ui.main_window import MainWindow
from stad_desktop.ui.views.actors import ActorsView


def actors_view(window: MainWindow) -> ActorsView:
    window.show_view("actors")
    view = window.views["actors"]
    assert isinstance(view, ActorsView)
    return view


def open_dialog(qtbot, view: ActorsView) -> ActorDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    assert view.dialog is not None
    return view.dialog


def shown_names(view: ActorsView) -> list[str]:
    model = view.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def select(qtbot, view: ActorsView, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: name in shown_names(view))
    row = shown_names(view).index(name)
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.table.current_id() == view.model.id_at(row)


def test_create_edit_archive_undo_redo(qtbot, make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(services)
    view = actors_view(window)

    # Create with Ctrl+N, two contact persons of which the first is removed again.
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, view)
    qtbot.keyClicks(dialog.name, "Hoddevik grendalag")
    dialog.sector.setCurrentIndex(dialog.sector.findData(Sector.VOLUNTARY.value))
    qtbot.keyClicks(dialog.village, "Hoddevik")
    qtbot.keyClicks(dialog.contact_rows[0].name, "Ola Feil")
    qtbot.mouseClick(dialog.add_contact_button, Qt.MouseButton.LeftButton)
    assert len(dialog.contact_rows) == 2
    qtbot.keyClicks(dialog.contact_rows[1].name, "Åse Hoddevik")
    qtbot.keyClicks(dialog.contact_rows[1].email, "ase@hoddevik.example")
    qtbot.keyClicks(dialog.contact_rows[1].phone, "912 34 999")
    qtbot.mouseClick(dialog.contact_rows[0].remove, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.wishes, "Dugnad")
    qtbot.keyClicks(dialog.hours, "7,5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)

    (row,) = services.actors.list()
    actor = services.actors.get(row.id)
    assert actor.name == "Hoddevik grendalag"
    assert actor.sector == Sector.VOLUNTARY
    assert [(c.name, c.email) for c in actor.contacts] == [("Åse Hoddevik", "ase@hoddevik.example")]
    assert actor.hours_per_month == 7.5
    assert shown_names(view) == ["Hoddevik grendalag"]
    assert view.table.current_id() == actor.id

    # Edit with F2: change the village.
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    dialog = open_dialog(qtbot, view)
    assert dialog.name.text() == "Hoddevik grendalag"
    dialog.village.selectAll()
    qtbot.keyClicks(dialog.village, "Selje")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert services.actors.get(actor.id).village == "Selje"
    assert services.actors.get(actor.id).contacts[0].name == "Åse Hoddevik"

    # Archive with Delete: gone from the list, kept in the database.
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert services.actors.get(actor.id).archived
    assert shown_names(view) == []

    # Undo three times: archive, edit, create (= archived); redo restores.
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not services.actors.get(actor.id).archived
    assert shown_names(view) == ["Hoddevik grendalag"]
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.actors.get(actor.id).village == "Hoddevik"
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.actors.get(actor.id).archived
    assert shown_names(view) == []
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.table, Qt.Key.Key_Z, shift_ctrl)
    assert not services.actors.get(actor.id).archived
    qtbot.keyClick(view.table, Qt.Key.Key_Z, shift_ctrl)
    assert services.actors.get(actor.id).village == "Selje"
    assert shown_names(view) == ["Hoddevik grendalag"]


def test_bad_org_number_is_shown_beside_the_field(qtbot, make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(services)
    view = actors_view(window)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, view)
    qtbot.keyClicks(dialog.name, "Lote bygdelag")
    qtbot.keyClicks(dialog.org_number, "123456789")
    qtbot.keyClicks(dialog.contact_rows[0].name, "Arne Lote")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    message = dialog.errors.message("org_number")
    assert "123456789" in message
    assert dialog.focusWidget() is dialog.org_number
    assert dialog.org_number.text() == "123456789"
    assert dialog.name.text() == "Lote bygdelag"
    assert dialog.contact_rows[0].name.text() == "Arne Lote"
    assert services.actors.list(include_archived=True) == ()

    # A bad e-mail of the first contact person is shown in that contact's row.
    dialog.org_number.clear()
    qtbot.keyClicks(dialog.contact_rows[0].email, "arne@")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.message("org_number") == ""
    assert "arne@" in dialog.errors.message("contacts.0.email")
    assert dialog.focusWidget() is dialog.contact_rows[0].email

    # Corrected, it saves and the dialog closes.
    dialog.contact_rows[0].email.selectAll()
    qtbot.keyClicks(dialog.contact_rows[0].email, "arne@lote.example")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert [a.name for a in services.actors.list()] == ["Lote bygdelag"]


def test_search_folds_norwegian_letters(qtbot, make_window, services: Services) -> None:  # type: ignore[no-untyped-def]
    for name in ("Ørsta idrettslag", "Selje grendalag", "Volda kulturskule"):
        services.actors.create(ActorInput(name=name))
    view = actors_view(make_window(services))
    assert len(shown_names(view)) == 3
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "ørsta")
    qtbot.waitUntil(lambda: shown_names(view) == ["Ørsta idrettslag"])
    view.search.clear()
    qtbot.keyClicks(view.search, "GRENDALAG")
    qtbot.waitUntil(lambda: shown_names(view) == ["Selje grendalag"])


def test_filter_sort_and_show_archived(qtbot, make_window, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    services = demo_services
    view = actors_view(make_window(services))
    assert shown_names(view) == [a.name for a in services.actors.list()]

    # Sector filter.
    view.filter.setCurrentIndex(view.filter.findData(Sector.BUSINESS.value))
    business = [a.name for a in services.actors.list(sector=Sector.BUSINESS.value)]
    assert shown_names(view) == business and business
    view.filter.setCurrentIndex(0)

    # Clicking the "Village" header sorts in SQL by village, again descending.
    column = view.model.column_of("village")
    header = view.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert header.sortIndicatorSection() == column
    assert shown_names(view) == [a.name for a in services.actors.list(order_by="village")]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_names(view) == [
        a.name for a in services.actors.list(order_by="village", descending=True)
    ]

    # Archived actors appear only with "Show archived"; Delete on one restores it.
    name = shown_names(view)[0]
    select(qtbot, view, name)
    qtbot.mouseClick(view.archive_button, Qt.MouseButton.LeftButton)
    assert name not in shown_names(view)
    qtbot.mouseClick(view.show_archived, Qt.MouseButton.LeftButton)
    assert name in shown_names(view)
    select(qtbot, view, name)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    (row,) = [a for a in services.actors.list() if a.name == name]
    assert not row.archived


def test_enter_opens_the_profile_and_edit_there_the_actor(
    qtbot, make_window, services: Services
) -> None:  # type: ignore[no-untyped-def]
    services.actors.create(
        ActorInput(name="Eid idrettslag", contacts=[ContactInput("Hilde Myklebust")])
    )
    view = actors_view(make_window(services))
    select(qtbot, view, "Eid idrettslag")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(view.dialog, ActorProfileDialog))
    profile = view.dialog
    assert isinstance(profile, ActorProfileDialog)
    assert profile.heading.text() == "Eid idrettslag"
    assert profile.contacts_model.data(profile.contacts_model.index(0, 0)) == "Hilde Myklebust"
    qtbot.mouseClick(profile.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, ActorDialog))
    dialog = open_dialog(qtbot, view)
    assert dialog.contact_rows[0].name.text() == "Hilde Myklebust"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)


def test_redo_after_a_language_switch_keeps_the_number(
    qtbot, make_window, services: Services
) -> None:  # type: ignore[no-untyped-def]
    actor = services.actors.create(ActorInput(name="Lote bygdelag")).value
    window = make_window(services)
    view = actors_view(window)
    select(qtbot, view, "Lote bygdelag")
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    dialog = open_dialog(qtbot, view)
    dialog.hours.setText("7,5")  # Nynorsk: seven and a half
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is None)
    assert services.actors.get(actor.id).hours_per_month == 7.5
    window.change_language("en")
    window.undo_stack.undo()
    assert services.actors.get(actor.id).hours_per_month is None
    window.undo_stack.redo()
    assert services.actors.get(actor.id).hours_per_month == 7.5
