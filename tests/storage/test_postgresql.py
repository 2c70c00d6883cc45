"""A shared database on a PostgreSQL server: opening it, its problems told in one
line, migrating under a lock, the same order as SQLite, and snapshots as backups."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import ADMIN, PostgresServer

from stad_desktop.cli import main
from stad_desktop.model.catalogue import DEFAULT_ROLES
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.services.errors import ConflictError
from stad_desktop.storage import StorageError, StorageProblem, open_database
from stad_desktop.storage.revisions import HEAD
from stad_desktop.storage.server import MIGRATION_LOCK

CLERK_PASSWORD = "hemmeleg-1"


@pytest.fixture
def fresh(postgres_server: PostgresServer) -> Iterator[str]:
    """The address of a new, empty database on the tests' server."""
    name = postgres_server.new_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture(scope="module")
def clerk(postgres_server: PostgresServer) -> str:
    """A user who must give a password, and a database of theirs."""
    postgres_server.sql(f"CREATE ROLE clerk LOGIN PASSWORD '{CLERK_PASSWORD}'")
    postgres_server.sql("CREATE DATABASE clerkdb OWNER clerk")
    return postgres_server.url("clerkdb", user="clerk")


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_every_command_works_on_a_server_database(
    fresh: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["demo", "--db", fresh], capsys)[0] == 0
    status, out, _ = run_cli(["check", "--db", fresh, "--lang", "en"], capsys)
    assert status == 0
    assert f"Schema revision: {HEAD}" in out and "Actors: 27, projects: 6" in out
    pdf = tmp_path / "portfolio.pdf"
    assert run_cli(["report", "portfolio", "--db", fresh, "-o", str(pdf)], capsys)[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    # No lock file, no backups folder: nothing is written beside a file on this machine.
    assert not list(Path.home().rglob("*.lock")) and not list(tmp_path.rglob("backups"))


def test_two_programs_have_the_server_database_open_at_once(fresh: str) -> None:
    first, second = open_database(fresh), open_database(fresh)
    try:
        Services(first).actors.create(ActorInput(name="Selje grendalag"))
        assert [a.name for a in Services(second).actors.list()] == ["Selje grendalag"]
    finally:
        first.close()
        second.close()


def test_the_environment_variable_names_the_server(
    fresh: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STAD_DESKTOP_DB", fresh)
    assert run_cli(["demo", "--db", fresh], capsys)[0] == 0
    status, out, _ = run_cli(["check", "--lang", "en"], capsys)
    assert status == 0 and "Actors: 27" in out


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "holds a password. Leave it out"), ("nn", "held eit passord. Ta det bort")],
)
def test_a_password_on_the_command_line_is_refused(
    postgres_server: PostgresServer, lang: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    address = f"postgresql+psycopg://{ADMIN}:secret@127.0.0.1:{postgres_server.port}/postgres"
    for args in (["check", "--db", address], ["--db", address]):
        status, _, err = run_cli([*args, "--lang", lang], capsys)
        assert status == 2
        assert words in err and "secret" not in err and len(err.strip().splitlines()) == 1


def test_an_address_of_another_kind_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(["check", "--db", "mysql://u@h/db", "--lang", "en"], capsys)
    assert status == 2 and "not one the program can use" in err


def test_server_problems_are_one_clear_line(
    postgres_server: PostgresServer, clerk: str, capsys: pytest.CaptureFixture[str]
) -> None:
    down = "postgresql+psycopg://stad@127.0.0.1:1/stad"
    status, _, err = run_cli(["check", "--db", down, "--lang", "en"], capsys)
    assert status == 1 and "cannot be reached" in err and "Traceback" not in err
    missing = postgres_server.url("no_such_db")
    status, _, err = run_cli(["demo", "--db", missing, "--lang", "en"], capsys)
    assert status == 2 and "does not exist on the server" in err
    status, _, err = run_cli(["check", "--db", clerk, "--lang", "nn"], capsys)
    assert status == 2 and "spør etter eit passord" in err
    for args in (["check"], ["report", "portfolio", "-o", "x.pdf"], ["travel", "take", "-o", "x"]):
        status, _, err = run_cli([*args, "--db", down, "--lang", "en"], capsys)
        assert status == 1 and len(err.strip().splitlines()) == 1, args


def test_the_password_comes_from_pgpass(
    clerk: str,
    postgres_server: PostgresServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres_server.port}:clerkdb:clerk:{CLERK_PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    status, out, _ = run_cli(["check", "--db", clerk, "--lang", "en"], capsys)
    assert status == 0 and "Database: clerk@127.0.0.1" in out
    passfile.write_text(f"127.0.0.1:{postgres_server.port}:clerkdb:clerk:wrong\n")
    status, _, err = run_cli(["check", "--db", clerk, "--lang", "en"], capsys)
    assert status == 2 and "refused the user name or password" in err


def test_a_password_typed_at_the_prompt_is_used(
    clerk: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import getpass

    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or CLERK_PASSWORD)
    status, out, _ = run_cli(["check", "--db", clerk, "--lang", "en"], capsys)
    assert status == 0, out
    assert asked == ["Password for clerk@127.0.0.1:" + clerk.rsplit(":", 1)[1] + ": "]


def test_migrating_waits_for_the_lock_another_program_holds(
    fresh: str, postgres_server: PostgresServer
) -> None:
    import psycopg

    name = fresh.rsplit("/", 1)[1]
    holder = psycopg.connect(
        host="127.0.0.1", port=postgres_server.port, user=ADMIN, dbname=name, autocommit=True
    )
    holder.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
    opened: list[object] = []
    worker = threading.Thread(target=lambda: opened.append(open_database(fresh)))
    worker.start()
    time.sleep(1.5)
    assert opened == []  # still waiting: nothing migrated under the other's feet
    holder.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
    holder.close()
    worker.join(30)
    db = opened[0]
    assert db.revision() == HEAD  # type: ignore[attr-defined]
    db.close()  # type: ignore[attr-defined]


def test_two_programs_starting_at_once_migrate_once(fresh: str) -> None:
    code = (
        "import sys; from stad_desktop.storage import open_database; "
        "open_database(sys.argv[1]).close()"
    )
    children = [
        subprocess.Popen([sys.executable, "-c", code, fresh], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode()
    db = open_database(fresh)
    try:
        assert len(Services(db).roles.roles()) == len(DEFAULT_ROLES)
    finally:
        db.close()


NAMES = ["Åse", "ærlig", "Zorro", "Øystein", "aage", "Émile", "Andersen", "øks", "Bø", "bo"]


def _org_number(index: int) -> str:
    """A valid organisation number (mod 11), or "" where the number has none."""
    stem = f"9{index:07d}"
    rest = 11 - sum(int(d) * w for d, w in zip(stem, (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    return "" if rest == 10 else stem + str(rest % 11)


def _fill(services: Services) -> None:
    numbers = [_org_number(i) for i in range(40)]
    numbers = [n for n in numbers if len(n) == 9][: len(NAMES)]
    for index, name in enumerate(NAMES):
        services.actors.create(
            ActorInput(
                name=f"{name} lag",
                village=NAMES[-index - 1],
                org_number="" if index % 3 else numbers[index],
            )
        )
        services.projects.create(ProjectInput(name=f"{name} prosjekt", area=NAMES[index - 3]))


def test_sort_and_search_give_the_same_rows_in_the_same_order_on_both_engines(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    """Also where the server's own collation is Norwegian (ICU), which would put
    "æ" among the a's and the sort keys' "{" before the letters."""
    name = "nordic"
    postgres_server.sql(
        f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu '
        "ICU_LOCALE 'nn-NO' LOCALE 'C.UTF-8'"
    )
    server_db = open_database(postgres_server.url(name))
    file_db = open_database(tmp_path / "same.sqlite3")
    try:
        on_server, on_file = Services(server_db), Services(file_db)
        _fill(on_server)
        _fill(on_file)
        for key in ("name", "sector", "village", "org_number", "contact", "project_count"):
            for descending in (False, True):
                server_rows = on_server.actors.list(order_by=key, descending=descending)
                assert [a.name for a in server_rows] == [
                    a.name for a in on_file.actors.list(order_by=key, descending=descending)
                ], (key, descending)
        for key in ("name", "phase", "area", "owner", "start_date", "actor_count"):
            for descending in (False, True):
                server_rows = on_server.projects.list(order_by=key, descending=descending)
                assert [p.name for p in server_rows] == [
                    p.name for p in on_file.projects.list(order_by=key, descending=descending)
                ], (key, descending)
        names = [a.name for a in on_server.actors.list()]
        assert names.index("Zorro lag") < names.index("ærlig lag") < names.index("øks lag")
        for query in ("ØYSTEIN", "æ", "e", "lag", "ø", "_", "%"):
            assert [a.name for a in on_server.actors.search(query)] == [
                a.name for a in on_file.actors.search(query)
            ], query
    finally:
        server_db.close()
        file_db.close()
        postgres_server.drop_database(name)


def test_backup_writes_a_snapshot_file_and_restore_loads_it_back(
    fresh: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(["demo", "--db", fresh], capsys)[0] == 0
    snapshot = tmp_path / "snapshot.sqlite3"
    status, out, _ = run_cli(["backup", "--db", fresh, "-o", str(snapshot), "--lang", "en"], capsys)
    assert status == 0 and str(snapshot) in out
    # The snapshot is a database file the program opens, with every row.
    copy = open_database(snapshot)
    server = open_database(fresh)
    try:
        assert Services(copy).counts() == Services(server).counts()
        actor = Services(server).actors.list()[0]
        Services(server).actors.archive(actor.id)
        Services(server).actors.create(ActorInput(name="Lagt til etterpå"))
    finally:
        copy.close()
    assert run_cli(["restore", str(snapshot), "--db", fresh], capsys)[0] == 0
    try:
        names = [a.name for a in Services(server).actors.list()]
        assert actor.name in names and "Lagt til etterpå" not in names
        # A file that is no database is refused, and nothing is changed.
        junk = tmp_path / "junk.sqlite3"
        junk.write_bytes(b"not a database at all" * 100)
        status, _, err = run_cli(["restore", str(junk), "--db", fresh, "--lang", "en"], capsys)
        assert status == 2 and "not a Stad Desktop database" in err
        assert [a.name for a in Services(server).actors.list()] == names
    finally:
        server.close()


def test_a_server_database_is_never_damaged_or_locked(fresh: str) -> None:
    db = open_database(fresh)
    try:
        assert db.path is None and db.server is not None
        assert not Services(db).backups.available  # no backups folder: snapshots instead
        with pytest.raises(StorageError) as refused:
            open_database(fresh.replace("stad@", "stad:pw@"))
        assert refused.value.problem is StorageProblem.PASSWORD_IN_ADDRESS
    finally:
        db.close()


def test_two_programs_editing_one_record_one_gets_the_conflict_and_nothing_is_lost(
    fresh: str,
) -> None:
    db = open_database(fresh)
    try:
        services = Services(db)
        actor = services.actors.create(ActorInput(name="Selje grendalag")).value
        mine = ActorInput(name="Selje grendalag", notes="Mitt notat", version=actor.version)
        # Another program, on another machine, saves the same actor meanwhile.
        code = (
            "import sys; from stad_desktop.storage import open_database; "
            "from stad_desktop.services import ActorInput, Services; "
            "db = open_database(sys.argv[1]); "
            "Services(db).actors.update(sys.argv[2], ActorInput("
            "name='Selje grendalag', village='Leikanger', version=1)); db.close()"
        )
        subprocess.run([sys.executable, "-c", code, fresh, actor.id], check=True, timeout=120)
        with pytest.raises(ConflictError) as refused:
            services.actors.update(actor.id, mine)
        assert (refused.value.theirs, refused.value.yours) == (2, 1)
        stored = services.actors.get(actor.id)
        assert (stored.village, stored.notes) == ("Leikanger", "")
        # Opened again (version 2), my note is saved over theirs without losing it.
        again = ActorInput(name="Selje grendalag", village="Leikanger", notes="Mitt notat",
                           version=stored.version)  # fmt: skip
        assert services.actors.update(actor.id, again).value.version == 3
    finally:
        db.close()


def test_two_saves_at_the_same_moment_one_is_refused(fresh: str) -> None:
    """The database itself refuses the second of two saves that both read version 1
    (SQLAlchemy's version check), told as the same conflict."""
    from sqlalchemy import update

    from stad_desktop.model import Actor

    db = open_database(fresh)
    other = open_database(fresh)
    try:
        actor = Services(db).actors.create(ActorInput(name="Selje grendalag")).value
        with pytest.raises(ConflictError) as refused, db.transaction() as session:
            loaded = session.get(Actor, actor.id)
            assert loaded is not None and loaded.version == 1
            with other.transaction() as their:
                their.execute(
                    update(Actor).where(Actor.id == actor.id).values(village="Ervik", version=2)
                )
            loaded.village = "Hoddevik"
            from stad_desktop.services.versions import saving

            with saving(db, Actor, actor.id, loaded.name, 1), db._known_errors():
                session.flush()
        assert (refused.value.theirs, refused.value.yours) == (2, 1)
        assert Services(other).actors.get(actor.id).village == "Ervik"
    finally:
        db.close()
        other.close()


def test_the_window_finds_its_connections_to_the_server_made(fresh: str, tmp_path: Path) -> None:
    """The home page reads in three parts at once: opened for the window, the
    database connects that many times beforehand, and keeps the connections (a file
    needs none)."""
    from sqlalchemy import event

    from stad_desktop.paths import database_target
    from stad_desktop.services.opening import open_services
    from stad_desktop.storage.server import CONNECTIONS_KEPT

    services = open_services(database_target(fresh))
    try:
        pool = services.db.engine.pool
        deadline = time.monotonic() + 10
        while pool.checkedin() < CONNECTIONS_KEPT and time.monotonic() < deadline:
            time.sleep(0.01)
        assert pool.checkedin() == CONNECTIONS_KEPT
        connects: list[object] = []
        event.listen(services.db.engine, "connect", lambda *a: connects.append(a))
        for _ in range(2):
            services.overview.overview()
        assert connects == []  # none made while the home page was read
    finally:
        services.db.close()
    on_file = open_services(tmp_path / "stad.sqlite3")
    try:
        assert on_file.db.prepare_connections(CONNECTIONS_KEPT) is None
    finally:
        on_file.db.close()
