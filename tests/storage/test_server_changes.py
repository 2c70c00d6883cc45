"""Several programs on one server: each hears of the changes the others commit
(LISTEN/NOTIFY), and a lost connection is made again."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from pg_server import PostgresServer

from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import Database, open_database
from stad_desktop.storage.notify import ChangeListener


@pytest.fixture
def two(postgres_server: PostgresServer) -> Iterator[tuple[Database, Database]]:
    """Two programs with the same new database open."""
    name = postgres_server.new_database()
    url = postgres_server.url(name)
    first, second = open_database(url), open_database(url)
    yield first, second
    first.close()
    second.close()
    postgres_server.drop_database(name)


def heard(listener: ChangeListener, seconds: float = 5.0) -> set[str]:
    """What ``listener`` reports within ``seconds``."""
    end = time.monotonic() + seconds
    got: set[str] = set()
    while time.monotonic() < end and not got:
        got = listener.take()
        time.sleep(0.05)
    return got


def connected(listener: ChangeListener, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not listener.connected:
        time.sleep(0.05)
    return listener.connected


def test_a_change_by_another_program_is_heard_within_five_seconds(
    two: tuple[Database, Database],
) -> None:
    first, second = two
    listener = second.listen_for_changes()
    assert listener is not None
    try:
        assert connected(listener)
        started = time.monotonic()
        Services(first).actors.create(ActorInput(name="Selje grendalag"))
        assert "actors" in heard(listener)
        assert time.monotonic() - started < 5
    finally:
        listener.stop()


def test_a_program_does_not_hear_its_own_changes_nor_rolled_back_ones(
    two: tuple[Database, Database],
) -> None:
    first, second = two
    listener = second.listen_for_changes()
    assert listener is not None
    try:
        assert connected(listener)
        Services(second).actors.create(ActorInput(name="Eigen endring"))
        with pytest.raises(RuntimeError), first.transaction() as session:
            from stad_desktop.model import Setting

            session.add(Setting(key="angra", value="angra"))
            session.flush()
            raise RuntimeError("undone")
        assert heard(listener, 1.5) == set()
    finally:
        listener.stop()


def test_a_file_database_needs_no_listener(db_path: object) -> None:
    database = open_database(db_path)  # type: ignore[arg-type]
    try:
        assert database.listen_for_changes() is None
    finally:
        database.close()


def test_the_listener_reconnects_after_the_connection_is_cut(
    two: tuple[Database, Database], postgres_server: PostgresServer
) -> None:
    first, second = two
    listener = second.listen_for_changes()
    assert listener is not None
    try:
        assert connected(listener)
        postgres_server.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'stad-desktop-listen'"
        )
        end = time.monotonic() + 10
        while time.monotonic() < end and listener.reconnects == 0:
            time.sleep(0.05)
        assert listener.reconnects == 1 and connected(listener)
        listener.take()  # "something may have changed while away"
        Services(first).actors.create(ActorInput(name="Etter brotet"))
        assert "actors" in heard(listener)
    finally:
        listener.stop()


def test_a_write_cut_off_by_a_lost_connection_is_told_and_saves_nothing(
    two: tuple[Database, Database], postgres_server: PostgresServer
) -> None:
    from stad_desktop.language import Translator
    from stad_desktop.model import Setting
    from stad_desktop.storage import StorageError, StorageProblem

    first, _second = two
    services = Services(first)
    with pytest.raises(StorageError) as lost, first.transaction() as session:
        session.add(Setting(key="halvvegs", value="1"))
        session.flush()
        pid = session.connection().connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
        postgres_server.sql(f"SELECT pg_terminate_backend({pid})")
    assert lost.value.problem is StorageProblem.CONNECTION_LOST
    said = Translator("en").render(lost.value.message)
    assert "connection to the database server" in said and "nothing was half-saved" in said
    assert "\n" not in said
    # Every connection of the program is cut as well: the next actions still work.
    postgres_server.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name = 'stad-desktop'"
    )
    assert list(services.actors.list()) == []
    services.actors.create(ActorInput(name="Selje grendalag"))
    assert [a.name for a in services.actors.list()] == ["Selje grendalag"]
    with first.reading() as session:
        assert session.get(Setting, "halvvegs") is None


def test_two_programs_saving_one_meeting_the_second_gets_the_conflict(
    two: tuple[Database, Database],
) -> None:
    import datetime as dt

    from stad_desktop.services.errors import ConflictError
    from stad_desktop.services.meetings import MeetingInput

    first, second = two
    meeting = Services(first).meetings.create(MeetingInput("Folkemøte", dt.date(2024, 5, 2)))
    opened = Services(second).meetings.get(meeting.value.id)  # both have it open
    Services(first).meetings.update(
        opened.id, MeetingInput("Folkemøte i Selje", opened.meeting_date, version=opened.version)
    )
    with pytest.raises(ConflictError) as refused:
        Services(second).meetings.update(
            opened.id, MeetingInput("Mitt møte", opened.meeting_date, version=opened.version)
        )
    assert (refused.value.theirs, refused.value.yours) == (2, 1)
    assert Services(second).meetings.get(opened.id).title == "Folkemøte i Selje"
