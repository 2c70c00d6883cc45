"""The window over a shared database: what another person saves appears in the
open view within five seconds, and a lost connection is told in the status bar."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_server import PostgresServer
from test_actors_view import actors_view, shown_names

from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import Database, open_database
from stad_desktop.ui.live_updates import kinds_of


@pytest.fixture
def two(postgres_server: PostgresServer) -> Iterator[tuple[Database, Database]]:
    name = postgres_server.new_database()
    url = postgres_server.url(name)
    first, second = open_database(url), open_database(url)
    Services(first).actors.create(ActorInput(name="Alden bygdelag"))
    yield first, second
    first.close()
    second.close()
    postgres_server.drop_database(name)


def test_an_open_view_shows_what_another_person_saved(  # type: ignore[no-untyped-def]
    qtbot, make_window, two: tuple[Database, Database], postgres_server: PostgresServer
) -> None:
    theirs, mine = two
    window = make_window(Services(mine))
    view = actors_view(window)
    qtbot.waitUntil(lambda: shown_names(view) == ["Alden bygdelag"])
    qtbot.waitUntil(lambda: window.live.listener.connected, timeout=5000)
    Services(theirs).actors.create(ActorInput(name="Selje grendalag"))
    qtbot.waitUntil(lambda: "Selje grendalag" in shown_names(view), timeout=5000)

    postgres_server.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = 'stad-desktop-listen'"
    )
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Sambandet med databasetenaren er attende.",
        timeout=5000,
    )
    qtbot.waitUntil(lambda: window.live.listener.connected, timeout=10000)
    Services(theirs).actors.create(ActorInput(name="Stryn sogelag"))
    qtbot.waitUntil(lambda: "Stryn sogelag" in shown_names(view), timeout=5000)
    window.close()
    assert window.live is None  # the listener is stopped with the window


def test_tables_changed_elsewhere_refresh_the_views_that_show_them() -> None:
    assert kinds_of({"actors", "change_history"}) == {"actors"}
    assert kinds_of({"effect_entries"}) == {"effects"}
    assert kinds_of({"*"}) == {"all"}  # unknown: everything
