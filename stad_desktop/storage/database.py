"""Engine, session factory and opening a database safely."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from stad_desktop.storage import lock as db_lock
from stad_desktop.storage.errors import (
    StorageError,
    StorageProblem,
    sqlite_problem,
    sqlite_storage_error,
)
from stad_desktop.storage.revisions import HEAD
from stad_desktop.storage.sqlite_file import FileState, backup_file, backups_dir, inspect_file

if TYPE_CHECKING:
    from stad_desktop.storage.integrity import BackgroundCheck

BUSY_TIMEOUT_MS = 5000


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy issue BEGIN itself so transactions are whole (see SQLAlchemy's
    # "Serializable isolation / Savepoints / Transactional DDL" notes for pysqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _begin(conn: Any) -> None:
    # Writers take the write lock up front, so two writers wait for each other
    # (busy_timeout) instead of failing half-way; readers begin deferred.
    immediate = conn.get_execution_options().get("stad_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets the program's pragmas."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def translate_db_error(exc: BaseException, path: object) -> StorageError | None:
    """Map a driver error to a known storage problem, or None for a bug."""
    if sqlite_problem(exc, path) is None:
        return None
    return sqlite_storage_error(exc, path)


class Database:
    """An open database: engine plus sessions. Services take one of these."""

    def __init__(
        self, engine: Engine, path: Path | None = None, *, lock: db_lock.DatabaseLock | None = None
    ) -> None:
        self.engine = engine
        self.path = path
        self._lock = lock
        # Set by open_database: the start-up backup made, or why none could be made.
        self.startup_backup: Path | None = None
        self.backup_error: StorageError | None = None
        self._sessions = sessionmaker(engine, expire_on_commit=False, autoflush=False)
        self._writers = sessionmaker(
            engine.execution_options(stad_write=True), expire_on_commit=False, autoflush=False
        )
        self._batch: Session | None = None
        self._closed = False

    @property
    def name(self) -> str:
        return self.path.name if self.path else str(self.engine.url)

    @contextmanager
    def batch(self) -> Iterator[Session]:
        """Group many service calls into one transaction (example data, bulk loads):
        all are committed together or none is. Inside, each service call runs in a
        savepoint of the batch; a batch inside a batch is a savepoint too."""
        if self._batch is not None:
            with self._known_errors(), self._batch.begin_nested():
                yield self._batch
            return
        self._refuse_if_closed()
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
        except (DBAPIError, sqlite3.DatabaseError) as exc:
            known = translate_db_error(exc, self.path or self.engine.url)
            if known is not None:
                raise known from exc
            raise

    def revision(self) -> str | None:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except DBAPIError:
                return None

    def _refuse_if_closed(self) -> None:
        """No write after :meth:`close` (until :meth:`reopen` succeeds): the file
        is no longer locked for this program, so another one may be writing it."""
        if self._closed:
            raise StorageError(StorageProblem.CLOSED, self.path or self.engine.url)

    def close(self) -> None:
        self._closed = True
        self.engine.dispose()
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
        _check_writable(self.path, state)
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


def _check_writable(path: Path, state: FileState) -> None:
    folder = path.parent
    if state.exists and not os.access(path, os.W_OK):
        raise StorageError(StorageProblem.READ_ONLY, path)
    if not os.access(folder, os.W_OK):
        raise StorageError(StorageProblem.READ_ONLY, path)
    if state.exists:
        # os.access can say yes where a write still fails (an immutable file, a
        # read-only mount, Windows ACLs): opening for writing, without writing,
        # asks the file system itself and changes nothing.
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError as exc:
            raise StorageError(StorageProblem.READ_ONLY, path, exc) from exc
        os.close(fd)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations (imports Alembic, so only when one is pending)."""
    from alembic import command
    from alembic.config import Config

    from stad_desktop import paths

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def seed_builtin_roles(db: Database) -> None:
    """Insert any missing default role (idempotent)."""
    from stad_desktop.model import Role
    from stad_desktop.model.catalogue import DEFAULT_ROLES

    with db.transaction() as session:
        have = set(session.scalars(select(Role.code)))
        for position, role in enumerate(DEFAULT_ROLES):
            if role.code not in have:
                session.add(
                    Role(
                        code=role.code,
                        short=role.short,
                        name_nn=role.name.nn,
                        name_nb=role.name.nb,
                        name_en=role.name.en,
                        builtin=True,
                        position=position,
                    )
                )


def open_database(
    target: str | Path,
    *,
    create: bool = True,
    backup_before_migration: bool = True,
    startup_backup: bool = True,
    lock: bool = True,
    checked: BackgroundCheck | None = None,
) -> Database:
    """Open (and create or upgrade) a database file or SQLAlchemy URL.

    A file that is not a Stad database, is damaged, too new, read-only or open in
    another running copy of the program is refused with a :class:`StorageError`
    and left byte-for-byte untouched. A file is locked for this process until
    :meth:`Database.close` (``lock``); then every page of it is checked (see
    ``storage.integrity``; ``checked``, a check started earlier, saves doing it
    again), and only then is it copied to ``backups/`` if it changed since the
    last backup (``startup_backup``, see ``storage.backups``) or upgraded.
    """
    if isinstance(target, str) and "://" in target:
        db = Database(make_engine(target))
        if db.revision() != HEAD:
            upgrade(db.engine)
            seed_builtin_roles(db)
        return db
    path = Path(target).expanduser()
    state = inspect_file(path)
    if not state.exists and not create:
        raise StorageError(StorageProblem.MISSING, path)
    _check_writable(path, state)
    held = db_lock.acquire(path) if lock else None
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
