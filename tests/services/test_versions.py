"""Optimistic concurrency: every record has a version, and saving over a version
someone else saved since is refused, naming both versions, and overwrites nothing."""

from __future__ import annotations

import dataclasses

import pytest

from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.services.errors import ConflictError, StorageError


def test_each_save_gives_the_record_a_new_version(services: Services) -> None:
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    assert actor.version == 1
    edited = services.actors.update(
        actor.id, ActorInput(name="Selje grendalag", village="Selje", version=1)
    ).value
    assert edited.version == 2 and services.actors.get(actor.id).version == 2


def test_saving_over_someone_elses_save_is_refused_and_overwrites_nothing(
    services: Services,
) -> None:
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    mine = ActorInput.from_detail(services.actors.get(actor.id))
    mine = dataclasses.replace(mine, notes="Mitt notat", version=actor.version)
    # Someone else saves the actor after I opened it.
    theirs = dataclasses.replace(mine, village="Leikanger", notes="", version=actor.version)
    services.actors.update(actor.id, theirs)
    with pytest.raises(ConflictError) as refused:
        services.actors.update(actor.id, mine)
    assert (refused.value.theirs, refused.value.yours) == (2, 1)
    assert isinstance(refused.value, StorageError)  # shown where dialogs show those
    text = Translator("en").render(refused.value.message)
    assert "their version 2, yours 1" in text and "Nothing was saved" in text
    assert "versjonen deira 2, din 1" in Translator("nn").render(refused.value.message)
    stored = services.actors.get(actor.id)
    assert (stored.village, stored.notes, stored.version) == ("Leikanger", "", 2)


def test_a_project_saved_meanwhile_is_refused_too(services: Services) -> None:
    project = services.projects.create(ProjectInput(name="Folkehelse")).value
    services.projects.update(project.id, ProjectInput(name="Folkehelse", area="Selje", version=1))
    with pytest.raises(ConflictError) as refused:
        services.projects.update(project.id, ProjectInput(name="Folkehelse 2", version=1))
    assert (refused.value.theirs, refused.value.yours) == (2, 1)
    stored = services.projects.get(project.id)
    assert (stored.name, stored.area) == ("Folkehelse", "Selje")


def test_undo_and_redo_still_work_after_a_versioned_save(services: Services) -> None:
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    change = services.actors.update(actor.id, ActorInput(name="Selje bygdelag", version=1))
    redo = change.undo()
    assert services.actors.get(actor.id).name == "Selje grendalag"
    redo.undo()
    assert services.actors.get(actor.id).name == "Selje bygdelag"
