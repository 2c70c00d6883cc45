"""``stad-desktop restore``: put a backup copy back in place of a database.

For a database file, the copy replaces the file (the file is kept as a
``before-restore`` backup first; see ``storage.backups``). For a database on a
server, the copy (a snapshot file ``backup`` wrote) replaces every row, in one
transaction (see ``storage.snapshot``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from stad_desktop.cli.database import db_path, open_server, storage_cli_error
from stad_desktop.cli.errors import EXIT_OK, CliError
from stad_desktop.language import N_, Message, Translator
from stad_desktop.paths import ServerDatabase


def add_arguments(restore: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr._
    restore.add_argument("backup", metavar="FILE", help=_("the backup copy to put back"))
    restore.add_argument("--db", metavar="PATH", dest="sub_db")


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.services.backups import BackupService
    from stad_desktop.storage import StorageError

    target = db_path(args)
    backup = Path(args.backup)
    if not backup.is_file():
        raise CliError(Message(N_("The backup {path} does not exist."), {"path": backup}))
    try:
        if isinstance(target, ServerDatabase):
            _restore_on_server(target, backup)
        else:
            BackupService.of_closed_file(target).restore(backup)
    except StorageError as exc:
        raise storage_cli_error(exc) from exc
    shown = target.name if isinstance(target, ServerDatabase) else target
    print(tr._("Restored {backup} into {path}.").format(backup=backup, path=shown))
    return EXIT_OK


def _restore_on_server(server: ServerDatabase, backup: Path) -> None:
    from stad_desktop.services import Services

    db = open_server(server)
    try:
        Services(db).backups.restore(backup)
    finally:
        db.close()
