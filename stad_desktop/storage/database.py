"""Engine, session factory and opening a database safely."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from stad_desktop.paths import ServerDatabase, database_target
from stad_desktop.storage import lock as db_lock
from stad_desktop.storage.engine import make_engine
from stad_desktop.storage.errors import (
    StorageError,
    StorageProblem,
    sqlite_problem,
    sqlite_storage_error,
)
from stad_desktop.storage.migrating import migrate, seed_builtin_roles, upgrade
from stad_desktop.storage.revisions import HEAD, KNOWN_REVISIONS
from stad_desktop.storage.sqlite_file import (
    FileState,
    backup_file,
    backups_dir,
    check_writable,
    inspect_file,
)

if TYPE_CHECKING:
    from stad_desktop.storage.integrity import BackgroundCheck
    from stad_desktop.storage.notify import ChangeListener
    from stad_desktop.storage.start_checks import StartChecks

# How long closing waits for the connections made ahead (prepare_connections).
CONNECT_WAIT_S = 1


def translate_db_error(exc: BaseException, path: object) -> StorageError | None:
    """Map a driver error to a known storage problem, or None for a bug."""
    if sqlite_problem(exc, path) is not None:
        return sqlite_storage_error(exc, path)
    if "psycopg" in type(getattr(exc, "orig", None) or exc).__module__:
        from stad_desktop.storage.server import server_storage_error

        return server_storage_error(exc, path)
    return None


class Database:
    """An open database: engine plus sessions. Services take one of these."""

    # Closing notes a file unchanged since its last start-up backup (backups.py);
    # not a database opened only to be read, which writes nothing beside the file.
    records_backups = True

    def __init__(
        self,
        engine: Engine,
        path: Path | None = None,
        *,
        lock: db_lock.DatabaseLock | None = None,
        server: ServerDatabase | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        # The database on a server (PostgreSQL): no file, no lock, no backups folder.
        self.server = server
        self._lock = lock
        # Set by open_database: the start-up backup made, or why none could be made.
        self.startup_backup: Path | None = None
        self.backup_error: StorageError | None = None
        # The check and the start-up backup still under way (see storage.start_checks).
        self.start_checks: StartChecks | None = None
        self._sessions = sessionmaker(engine, expire_on_commit=False, autoflush=False)
        self._writers = sessionmaker(
            engine.execution_options(stad_write=True), expire_on_commit=False, autoflush=False
        )
        from stad_desktop.storage.history import record_changes

        event.listen(self._writers, "before_flush", record_changes)
        self._batches = threading.local()  # a batch is its own thread's (see batch)
        self._closed = False
        self._password: str | None = None  # one asked for (a server's database)
        self._connecting: threading.Thread | None = None  # see prepare_connections
        # Who this program is in the notifications it sends (see storage.notify).
        self.token = uuid.uuid4().hex[:12]
        if server is not None:
            from stad_desktop.storage.notify import send_changes

            send_changes(engine, self.token)

    def listen_for_changes(self) -> ChangeListener | None:
        """A listener for the changes other programs commit (a server's database
        only; a file has one program at a time). Stop it with ``.stop()``."""
        if self.server is None:
            return None
        from stad_desktop.storage.notify import ChangeListener
        from stad_desktop.storage.server import listening_connection

        return ChangeListener(listening_connection(self.engine, self._password), self.token)

    def wait_for_start_checks(self) -> None:
        """Wait for the check of every page and the start-up backup when they run
        on a worker thread; raise the damage the check found (every write does)."""
        checks = self.start_checks
        if checks is None:
            return
        problem = checks.wait()
        if checks.backup is not None or checks.backup_error is not None:
            self.startup_backup, self.backup_error = checks.backup, checks.backup_error
        if problem is not None:
            raise problem

    @property
    def name(self) -> str:
        if self.path is not None:
            return self.path.name
        if self.server is not None:
            return self.server.name
        return str(self.engine.url)

    @property
    def address(self) -> str:
        """What ``--db`` takes to open this database again: the file's path, or the
        server's address (which never holds a password)."""
        if self.server is not None:
            return self.server.url
        return str(self.path) if self.path is not None else str(self.engine.url)

    @property
    def where(self) -> object:
        """The file or the server's database, as told in messages."""
        return self.path or self.server or self.engine.url

    @property
    def _batch(self) -> Session | None:
        return getattr(self._batches, "session", None)

    @_batch.setter
    def _batch(self, session: Session | None) -> None:
        self._batches.session = session

    def prepare_connections(self, count: int) -> threading.Thread | None:
        """Connect ``count`` times to the server on a worker thread and keep the
        connections for the readings to come (none for a file, which opens at once);
        a connection that fails is left to the reading that needs it to report."""
        if self.server is None:
            return None

        def connect() -> None:
            held = []
            try:
                with contextlib.suppress(Exception):  # told by the reading that connects
                    for _ in range(count):
                        if self._closed:
                            break
                        held.append(self.engine.connect())
            finally:
                for connection in held:
                    if self._closed:  # closed meanwhile: not kept
                        connection.invalidate()
                    connection.close()  # back to the pool, still connected

        thread = threading.Thread(target=connect, name="stad-connect", daemon=True)
        thread.start()
        self._connecting = thread
        return thread

    @property
    def in_batch(self) -> bool:
        """A batch is open in this thread: its writes, not committed yet, are seen by
        this thread's reading only."""
        return self._batch is not None

    @contextmanager
    def batch(self) -> Iterator[Session]:
        """Group many service calls into one transaction (example data, bulk loads):
        all are committed together or none is. Inside, each service call runs in a
        savepoint of the batch; a batch inside a batch is a savepoint too. Another
        thread's reading (the home page's) does not join it."""
        if self._batch is not None:
            with self._known_errors(), self._batch.begin_nested():
                yield self._batch
            return
        self._refuse_if_closed()
        self.wait_for_start_checks()
        session = self._writers()
        try:
            with self._known_errors(), session.begin():
                self._batch = session
                yield session
        finally:
            self._batch = None
            session.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole on success, rolled back whole on error."""
        if self._batch is not None:
            with self._known_errors(), self._batch.begin_nested():
                yield self._batch
            return
        self._refuse_if_closed()
        self.wait_for_start_checks()
        session = self._writers()
        try:
            with self._known_errors(), session.begin():
                yield session
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only (its transaction is rolled back at the end)."""
        if self._batch is not None:
            yield self._batch
            return
        session = self._sessions()
        try:
            with self._known_errors():
                yield session
        finally:
            session.close()

    @contextmanager
    def _known_errors(self) -> Iterator[None]:
        """Turn a driver error with a known cause (locked, full disk, read-only,
        damaged) into a StorageError; anything else is a bug and passes through."""
        try:
            yield
        except StaleDataError as exc:  # a record saved meanwhile by someone else
            raise StorageError(StorageProblem.CONFLICT, self.where) from exc
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            known = translate_db_error(exc, self.where)
            if known is not None:
                raise known from exc
            raise

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except DBAPIError:
                return None

    def _refuse_if_closed(self) -> None:
        """No write after :meth:`close` (until :meth:`reopen` succeeds): the file
        is no longer locked for this program, so another one may be writing it."""
        if self._closed:
            raise StorageError(StorageProblem.CLOSED, self.where)

    def close(self) -> None:
        self._closed = True
        checks = self.start_checks
        if checks is not None:
            checks.cancel()
        connecting, self._connecting = self._connecting, None
        if connecting is not None:  # its connections go back before they are closed
            connecting.join(CONNECT_WAIT_S)  # (any made later are closed at once)
        self.engine.dispose()
        if self.path is not None and self._lock is not None and self.records_backups:
            from stad_desktop.storage.backups import record_if_untouched

            with contextlib.suppress(OSError):  # costs only a copy more next time
                record_if_untouched(self.path)
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def reopen(self) -> None:
        """Open the file again after :meth:`close` (a restore replaced it): checked,
        locked and upgraded like :func:`open_database`, with fresh connections, so
        services holding this object go on working on the new file."""
        if self.path is None:
            self._closed = False
            return
        state = inspect_file(self.path)
        check_writable(self.path, state)
        self.engine.dispose()
        self._lock = db_lock.acquire(self.path)
        self._closed = False  # close() below, on any failure, closes it again
        try:
            _check_undamaged(self.path, state)
            if state.revision != HEAD:
                upgrade(self.engine)
                seed_builtin_roles(self)
        except OperationalError as exc:
            self.close()
            known = translate_db_error(exc, self.path)
            if known is not None:
                raise known from exc
            raise
        except BaseException:
            self.close()
            raise


def open_database(
    target: str | Path | ServerDatabase,
    *,
    create: bool = True,
    backup_before_migration: bool = True,
    startup_backup: bool = True,
    lock: bool = True,
    checked: BackgroundCheck | None = None,
    password: str | None = None,
    migrate: bool = True,
    background_checks: bool = False,
) -> Database:
    """Open (and create or upgrade) a database file, or a database on a server.

    A server's database (a :class:`ServerDatabase`, or an address given as text; see
    ``paths.database_target``) is opened by :func:`_open_server`: none of what
    follows, which is about files, applies to it; ``password``: one asked for (else
    libpq reads PGPASSFILE or ``~/.pgpass``); ``migrate``: False to leave an older
    one as it is (for looking at it only).

    A file that is not a Stad database, is damaged, too new, read-only or open in
    another running copy of the program is refused with a :class:`StorageError`
    and left byte-for-byte untouched. A file is locked for this process until
    :meth:`Database.close` (``lock``); then every page of it is checked (see
    ``storage.integrity``; ``checked``, a check started earlier, saves doing it
    again), and only then is it copied to ``backups/`` if it changed since the
    last backup (``startup_backup``, see ``storage.backups``) or upgraded.
    ``background_checks``: a file that needs no upgrade is opened at once, and the
    check and the start-up backup run on a worker thread while it is read; writes
    wait for them (see ``storage.start_checks``).
    """
    if isinstance(target, str):
        target = database_target(target)
    if isinstance(target, ServerDatabase):
        return _open_server(target, password, migrate=migrate)
    path = Path(target).expanduser()
    state = inspect_file(path)
    if not state.exists and not create:
        raise StorageError(StorageProblem.MISSING, path)
    check_writable(path, state)
    held = db_lock.acquire(path) if lock else None
    if background_checks and state.exists and state.has_tables and state.revision == HEAD:
        from stad_desktop.storage.start_checks import StartChecks, in_wal_mode

        background_checks = in_wal_mode(path)
    if background_checks and state.exists and state.has_tables and state.revision == HEAD:
        db = Database(make_engine(f"sqlite:///{path}"), path, lock=held)
        db.start_checks = StartChecks(path, checked, backup=startup_backup)
        return db
    try:
        _check_undamaged(path, state, checked)
        made, backup_error = _backup_at_start(path, state, backup_before_migration, startup_backup)
    except BaseException:
        if held is not None:
            held.release()
        raise
    db = Database(make_engine(f"sqlite:///{path}"), path, lock=held)
    db.startup_backup, db.backup_error = made, backup_error
    try:
        if state.revision != HEAD:
            upgrade(db.engine)
            seed_builtin_roles(db)
    except OperationalError as exc:
        db.close()
        known = translate_db_error(exc, path)
        if known is not None:
            raise known from exc
        raise
    except BaseException:
        db.close()
        raise
    return db


def _open_server(server: ServerDatabase, password: str | None, *, migrate: bool) -> Database:
    """The database on a PostgreSQL server, created (its tables) or upgraded as needed
    under the migration lock. A database of another program, or from a newer version,
    is refused and left untouched."""
    from stad_desktop.storage.server import make_server_engine

    db = Database(make_server_engine(server, password), server=server)
    db._password = password
    try:
        with db._known_errors():
            _refuse_foreign_or_newer(db)
            if migrate and db.revision() != HEAD:
                _upgrade_server(db)
    except BaseException:
        db.close()
        raise
    return db


def _refuse_foreign_or_newer(db: Database) -> None:
    from sqlalchemy import inspect

    revision = db.revision()
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise StorageError(StorageProblem.TOO_NEW, db.where, revision)
    if revision is None:
        with db.engine.connect() as conn:
            if inspect(conn).get_table_names():
                raise StorageError(StorageProblem.FOREIGN, db.where)


def _upgrade_server(db: Database) -> None:
    """Migrate under the advisory lock; a program that waited for it finds the work
    done (the revision is looked at again once the lock is held)."""
    from stad_desktop.storage import server

    with db.engine.connect() as conn:
        server.take_migration_lock(conn)
        try:
            made = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
            current = (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if made is not None
                else None
            )
            conn.commit()
            if current == HEAD:
                return
            with conn.begin():
                migrate(conn)
                server.text_compares_as_bytes(conn)
            seed_builtin_roles(db)
        finally:
            server.release_migration_lock(conn)


def _check_undamaged(path: Path, state: FileState, checked: BackgroundCheck | None = None) -> None:
    """The whole-file check, before any backup, migration or write (see storage.integrity)."""
    from stad_desktop.storage.integrity import ensure_undamaged

    if state.exists and state.has_tables:
        ensure_undamaged(path, checked)


def _backup_at_start(
    path: Path, state: FileState, before_migration: bool, at_startup: bool
) -> tuple[Path | None, StorageError | None]:
    """The copy made before opening: always before a migration (failing to make it
    stops the opening), else when the file changed since the last backup (failing
    only notes the error: the program stays usable)."""
    from stad_desktop.storage import backups

    if state.revision != HEAD and state.has_tables and before_migration:
        try:
            made = backup_file(path, reason=backups.BEFORE_UPGRADE)
        except sqlite3.Error as exc:
            raise sqlite_storage_error(exc, backups_dir(path)) from exc
        except OSError as exc:
            raise backups.os_storage_error(exc, backups_dir(path)) from exc
        backups.record_unchanged(path)
        backups.rotate(path)
        return made, None
    if at_startup and state.exists:
        try:
            return backups.make_startup_backup(path), None
        except StorageError as exc:
            return None, exc
    return None, None
