"""The one undo command: it puts a service's Change on the QUndoStack, undoes and
redoes it through the services, and drops it with a message when the service
refuses (the record was changed meanwhile)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from stad_desktop.services import ActorInput, InputData, Services
from stad_desktop.ui.commands import ChangeCommand


def test_undo_and_redo_run_the_services_and_announce_each_step(services: Services) -> None:
    actors = services.actors
    actor = actors.create(ActorInput(name="Lote bygdelag")).value
    announced: list[str] = []
    stack = QUndoStack()
    change = actors.update(actor.id, ActorInput(name="Lote bygdelag og sogelag"))
    stack.push(ChangeCommand(change, lambda: announced.append(actors.get(actor.id).name)))
    assert stack.undoText() == "Rediger Lote bygdelag og sogelag"
    for _round in range(2):
        stack.undo()
        assert actors.get(actor.id).name == "Lote bygdelag"
        stack.redo()
        assert actors.get(actor.id).name == "Lote bygdelag og sogelag"
    # The push announces the change made; then each undo and redo.
    assert (
        announced
        == ["Lote bygdelag og sogelag"] + ["Lote bygdelag", "Lote bygdelag og sogelag"] * 2
    )


def test_a_refused_undo_is_shown_and_dropped(
    demo_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    meetings = demo_services.meetings
    meeting = meetings.list()[0]
    stack = QUndoStack()
    stack.push(ChangeCommand(meetings.add_input(meeting.id, InputData("Benkar ved kaia"))))
    meetings.delete(meeting.id)  # elsewhere, meanwhile
    stack.undo()
    assert "Oppføringa finst ikkje lenger" in capsys.readouterr().err
    assert stack.count() == 0


def test_the_undo_text_names_the_action_after_undo_redo_and_a_language_switch(
    services: Services,
) -> None:
    from stad_desktop.language import set_language

    actors = services.actors
    stack = QUndoStack()
    stack.push(ChangeCommand(actors.create(ActorInput(name="Kai"))))
    stack.undo()
    stack.redo()
    command = stack.command(0)
    assert isinstance(command, ChangeCommand)
    try:
        set_language("en")
        command.retranslate()
        assert stack.undoText() == "New actor Kai"
    finally:
        set_language("nn")
