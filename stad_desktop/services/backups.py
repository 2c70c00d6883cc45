"""The backups of a database file: make a copy, list them, and restore one.

Restoring replaces the whole file, so it is not a transaction: the database is
closed, the backup put in its place (the current file is first kept as a backup
of its own), and the same :class:`~stad_desktop.storage.Database` object is
opened again, so every service holding it goes on working on the restored data.
There is nothing to undo with it on the undo stack: restoring the ``before-restore``
copy is the way back.

:meth:`BackupService.of_closed_file` serves a database file that is not open (one
found damaged when it was to be opened): a restore then just replaces the file,
and the caller opens it afterwards.
"""

from __future__ import annotations

import builtins
from contextlib import suppress
from pathlib import Path

from stad_desktop.services.erasure_register import RegisterEntry, read_register_of_file
from stad_desktop.storage import Database, StorageError
from stad_desktop.storage.backups import BackupInfo

__all__ = ["BackupInfo", "BackupService"]


class BackupService:
    def __init__(self, db: Database | None, path: Path | None = None) -> None:
        self._db = db
        self._path = db.path if db is not None else path

    @classmethod
    def of_closed_file(cls, path: Path) -> BackupService:
        """The backups of the database file ``path``, which nothing has open."""
        return cls(None, path)

    @property
    def available(self) -> bool:
        """Backups are kept for database files (not for a database server)."""
        return self._path is not None

    @property
    def database_path(self) -> Path:
        if self._path is None:
            raise ValueError("backups are kept for database files only")
        return self._path

    def folder(self) -> Path:
        from stad_desktop.storage.sqlite_file import backups_dir

        return backups_dir(self.database_path)

    def make(self, reason: str) -> Path | None:
        """A copy of the database now, in its backups folder (None for a database
        server, whose backups are kept by the server). Raises StorageError."""
        if self._path is None:
            return None
        import sqlite3

        from stad_desktop.storage import backups
        from stad_desktop.storage.errors import os_storage_error, sqlite_storage_error
        from stad_desktop.storage.sqlite_file import backup_file, backups_dir

        try:
            made = backup_file(self._path, reason=reason)
        except sqlite3.Error as exc:
            raise sqlite_storage_error(exc, backups_dir(self._path)) from exc
        except OSError as exc:
            raise os_storage_error(exc, backups_dir(self._path)) from exc
        backups.rotate(self._path)
        return made

    def make_copy(self, output: Path | None = None, *, overwrite: bool = False) -> Path:
        """A backup copy of the database: ``output``, or a new copy in the backups
        folder (for a database on a server: a snapshot file, by default in the current
        folder, named after the database and the time). ``output`` is refused
        (OutputRefused) where it would replace the database, its own files or anything
        but an earlier copy (unless
        ``overwrite``); a damaged database is refused (a copy of it is no backup).
        Problems with the database raise StorageError, with writing the copy OSError
        or sqlite3.Error; the database is never changed."""
        from stad_desktop.services.outputs import OutputKind, check_output
        from stad_desktop.storage.integrity import check_undamaged
        from stad_desktop.storage.sqlite_file import backup_file, require_database_file

        if self.on_server:
            return self._snapshot(output, overwrite=overwrite)
        path = self.database_path
        if output is not None:
            check_output(output, path, OutputKind.DATABASE_COPY, overwrite=overwrite)
        require_database_file(path)
        check_undamaged(path)
        return backup_file(path, output)

    @property
    def on_server(self) -> bool:
        """The database is on a server: a copy is a snapshot file (see ``storage.snapshot``)."""
        return self._db is not None and self._db.server is not None

    def _snapshot(self, output: Path | None, *, overwrite: bool) -> Path:
        from stad_desktop.services.outputs import OutputKind, check_output
        from stad_desktop.storage.snapshot import write_snapshot

        assert self._db is not None and self._db.server is not None
        if output is None:
            import datetime as dt

            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            name = self._db.server.name.rpartition("/")[2] or "stad"
            output = Path(f"{name}-{stamp}.sqlite3")
        check_output(output, None, OutputKind.DATABASE_COPY, overwrite=overwrite)
        return write_snapshot(self._db, output)

    def list(self) -> tuple[BackupInfo, ...]:
        """The backups, newest first; a damaged copy is listed with its problem."""
        from stad_desktop.storage.backups import list_backups

        return tuple(list_backups(self.database_path))

    def restore(self, backup: Path) -> Path | None:
        """Put ``backup`` in place of the open database; returns the copy kept of the
        file it replaced (None if there was none). A database on a server gets the
        snapshot file's rows instead of its own, in one transaction.

        A damaged or too new backup is refused with a StorageError, and the database
        is left as it was. The database is opened again in every case, also when the
        restore fails; a problem opening it is raised unless the restore itself
        failed first (then that problem is raised).

        Every person erased from the database before (its erasure register, and the
        copy of it beside the backups) is erased again from the restored data before
        this returns, so nobody sees them (services.erasure)."""
        from stad_desktop.storage.backups import restore

        kept = self._erasures()
        if self.on_server:
            from stad_desktop.storage.snapshot import load_snapshot

            assert self._db is not None
            load_snapshot(self._db, backup)
            self._erase_again(kept)
            return None
        path = self.database_path
        if self._db is None:  # nothing has it open: open it to erase again, then close
            saved = restore(path, backup)
            from stad_desktop.storage import open_database

            db = open_database(path, startup_backup=False)
            try:
                BackupService(db)._erase_again(kept)
            finally:
                db.close()
            return saved
        self._db.close()
        try:
            saved = restore(path, backup)
        except BaseException:
            with suppress(StorageError):  # the restore's own problem is the one to tell
                self._db.reopen()
            raise
        self._db.reopen()
        self._erase_again(kept)
        return saved

    def _erasures(self) -> builtins.list[RegisterEntry]:
        """The erasure register of the database as it is now (before a restore), from
        the open database or the file itself (none from a file that cannot be read)."""
        from stad_desktop.services.erasure import register_entries

        if self._db is not None:
            with suppress(StorageError), self._db.reading() as session:
                return register_entries(session)
            return []
        return read_register_of_file(self.database_path)

    def _erase_again(self, kept: builtins.list[RegisterEntry]) -> None:
        """After a restore: every person erased before is erased again (services.erasure)."""
        from stad_desktop.services.erasure import ErasureService

        assert self._db is not None
        ErasureService(self._db).reapply(kept)
