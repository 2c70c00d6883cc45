"""A batch (example data, an import) belongs to the thread that opened it: the home
page, reading on a worker thread meanwhile, reads what is committed and never
shares the batch's session."""

from __future__ import annotations

import threading

from stad_desktop.services import ActorInput, Services


def test_another_threads_reading_does_not_join_a_batch(services: Services) -> None:
    services.actors.create(ActorInput(name="Selje grendalag", sector="voluntary"))
    seen: list[object] = []

    def read() -> None:
        try:
            seen.append(services.actors.count())
        except Exception as exc:  # reported below
            seen.append(exc)

    with services.db.batch():
        services.actors.create(ActorInput(name="Stadlandet ungdomslag", sector="voluntary"))
        assert services.actors.count() == 2  # the batch's own thread sees its work
        reader = threading.Thread(target=read)
        reader.start()
        reader.join(10)
    assert seen == [1]  # only what was committed when it read
    assert services.actors.count() == 2
