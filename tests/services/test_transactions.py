"""Each user action, and each undo, is one transaction: when a call fails after its
first write (a full disk, a bug), the data is left exactly as before the call.

The last test shows that these checks have teeth: with the services' transaction
replaced by sessions that keep every write, the same failures leave half a change
behind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from db_helpers import FOLKEHELSE, UNGDOM, actor_id, project_id, snapshot
from sqlalchemy.orm import Session

from stad_desktop.services import ProjectInput, Services
from stad_desktop.services.effects import EffectService
from stad_desktop.services.meetings import MeetingService
from stad_desktop.storage import Database


class Injected(Exception):
    """The failure put in halfway through a call."""


def fail(*_args: object, **_kwargs: object) -> None:
    raise Injected


def _edit_with_checklist(s: Services, monkeypatch: pytest.MonkeyPatch) -> Callable[[], Any]:
    """The project's fields are written, then its checklist fails."""
    project = s.projects.get(project_id(s, FOLKEHELSE))
    data = replace(ProjectInput.from_detail(project), name="Nytt namn", phase="completed")
    monkeypatch.setattr("stad_desktop.services.projects.write_items", fail)
    return lambda: s.projects.save(project.id, data, {3: ("done", "Forankra")})


def _undo_owner_change(s: Services, monkeypatch: pytest.MonkeyPatch) -> Callable[[], Any]:
    """Undoing an owner change puts back the fields and the checklist, then fails
    while taking the new owner out of the project."""
    project = s.projects.get(project_id(s, UNGDOM))
    data = replace(ProjectInput.from_detail(project), owner_id=actor_id(s, "Lote bygdelag"))
    change = s.projects.save(project.id, data, {2: ("done", "Fleire sektorar")})
    monkeypatch.setattr("stad_desktop.services.ownership.leave_if_without_role", fail)
    return change.undo


def _undo_meeting_deletion(s: Services, monkeypatch: pytest.MonkeyPatch) -> Callable[[], Any]:
    """Putting back a deleted meeting writes it and its participants, then fails on
    its input."""
    change = s.meetings.delete(next(m.id for m in s.meetings.list() if m.input_count))
    monkeypatch.setattr(MeetingService, "_apply_input", fail)
    return change.undo


def _undo_indicator_deletion(s: Services, monkeypatch: pytest.MonkeyPatch) -> Callable[[], Any]:
    """Putting back a deleted indicator writes it, then fails on its measurements."""
    indicators = s.effects.indicators(project_id(s, FOLKEHELSE))
    change = s.effects.delete_indicator(next(i.id for i in indicators if i.latest_value))
    monkeypatch.setattr(EffectService, "_apply_entry", fail)
    return change.undo


def _remove_actor(s: Services, monkeypatch: pytest.MonkeyPatch) -> Callable[[], Any]:
    """Taking an actor out of a project deletes its roles, then fails."""
    import stad_desktop.services.roles as roles

    project = project_id(s, FOLKEHELSE)
    member = s.roles.matrix(project).actors[0].id
    leave = roles.leave

    def leave_then_fail(session: Session, *args: str) -> object:
        leave(session, *args)
        session.flush()
        raise Injected

    monkeypatch.setattr(roles, "leave", leave_then_fail)
    return lambda: s.roles.remove_actor(project, member)


CASES = {
    "project edit with checklist": _edit_with_checklist,
    "undo of an owner change": _undo_owner_change,
    "undo of a meeting deletion": _undo_meeting_deletion,
    "undo of an indicator deletion": _undo_indicator_deletion,
    "removing an actor": _remove_actor,
}


def leaves_half_a_change(services: Services, monkeypatch: pytest.MonkeyPatch, case: str) -> bool:
    """Run the case's call with its failure put in; True if the data changed."""
    call = CASES[case](services, monkeypatch)
    before = snapshot(services)
    with pytest.raises(Injected):
        call()
    return snapshot(services) != before


@pytest.mark.parametrize("case", list(CASES))
def test_a_call_that_fails_halfway_changes_nothing(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    assert not leaves_half_a_change(demo_services, monkeypatch, case)


def keeping_every_write(db: Database) -> Callable[[], Any]:
    """What ``Database.transaction`` would be without a transaction: each write
    stays, whatever happens after it."""

    @contextmanager
    def transaction() -> Iterator[Session]:
        session = Session(db.engine, expire_on_commit=False, autoflush=False)
        try:
            yield session
        finally:
            session.commit()
            session.close()

    return transaction


@pytest.mark.parametrize("case", list(CASES))
def test_without_the_transaction_the_same_failure_leaves_half_a_change(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.setattr(demo_services.db, "transaction", keeping_every_write(demo_services.db))
    assert leaves_half_a_change(demo_services, monkeypatch, case)
