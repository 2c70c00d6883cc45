"""``stad-desktop backup``: make a backup copy of a database."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from stad_desktop.cli.database import db_path
from stad_desktop.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, CliError
from stad_desktop.language import N_, Message, Translator
from stad_desktop.paths import ServerDatabase


def add_arguments(backup: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr._
    backup.add_argument("--db", metavar="PATH", dest="sub_db")
    backup.add_argument("-o", "--output", metavar="FILE")
    backup.add_argument(
        "--overwrite", action="store_true", help=_("replace an earlier copy of the same name")
    )


def _bad_input(problem: object) -> bool:
    """Storage problems that mean the command was given the wrong file (exit 2)."""
    from stad_desktop.services.errors import StorageProblem

    return problem in (
        StorageProblem.NOT_DATABASE,
        StorageProblem.FOREIGN,
        StorageProblem.MISSING_FOLDER,
        StorageProblem.MISSING,
        StorageProblem.EMPTY,
        StorageProblem.OTHER,
        StorageProblem.NO_SUCH_DATABASE,
        StorageProblem.PASSWORD_NEEDED,
        StorageProblem.AUTH_FAILED,
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.os_errors import os_error_message
    from stad_desktop.services.backups import BackupService
    from stad_desktop.services.errors import StorageError
    from stad_desktop.services.outputs import OutputRefused

    path = db_path(args)
    output = Path(args.output) if args.output else None
    if output is not None and output.is_dir():
        stem = path.stem if isinstance(path, Path) else path.name.rpartition("/")[2]
        output = output / f"{stem}-backup.sqlite3"
    try:
        if isinstance(path, ServerDatabase):
            output = _server_snapshot(path, output, overwrite=args.overwrite)
        else:
            service = BackupService.of_closed_file(path)
            output = service.make_copy(output, overwrite=args.overwrite)
    except OutputRefused as exc:
        raise CliError(exc.message) from exc
    except StorageError as exc:
        status = EXIT_BAD_INPUT if _bad_input(exc.problem) else EXIT_FAILURE
        raise CliError(exc.message, status) from exc
    except (OSError, sqlite3.Error) as exc:
        raise CliError(
            Message(
                N_("Could not write the backup {path}: {detail}"),
                {"path": output or path, "detail": os_error_message(exc)},
            ),
            EXIT_FAILURE,
        ) from exc
    print(tr._("Backup written to {path}").format(path=output))
    return EXIT_OK


def _server_snapshot(server: ServerDatabase, output: Path | None, *, overwrite: bool) -> Path:
    """A snapshot file of the database on ``server`` (see ``storage.snapshot``)."""
    from stad_desktop.cli.database import open_server
    from stad_desktop.services import Services

    db = open_server(server)
    try:
        return Services(db).backups.make_copy(output, overwrite=overwrite)
    finally:
        db.close()
