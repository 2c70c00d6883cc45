"""Command line: the GUI by default, and subcommands for automation.

Errors print one clear line on stderr in the chosen language (never a traceback):
exit status 2 for bad input, 1 for other failures.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from stad_desktop import __version__
from stad_desktop.cli_messages import translate_argparse
from stad_desktop.language import DEFAULT_LANGUAGE, LANGUAGES, N_, Message, Translator, set_language

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A failure to report as one line; ``status`` is the exit status."""

    def __init__(self, message: Message | str, status: int = EXIT_BAD_INPUT) -> None:
        self.message = message if isinstance(message, Message) else Message(message)
        self.status = status
        super().__init__(self.message.msgid)


def _lang_from_argv(argv: Sequence[str]) -> str:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    return DEFAULT_LANGUAGE


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as one translated line with status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(Message(N_("Invalid command line: {detail}"), {"detail": message}))


def build_parser(tr: Translator) -> argparse.ArgumentParser:
    _ = tr._
    parser = _Parser(
        prog="stad-desktop",
        description=_("Co-creation register, role matrices and effect logs."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"stad-desktop {__version__}",
        help=_("show the version number and exit"),
    )
    parser.add_argument(
        "--db", metavar="PATH", help=_("database file (default: in the user data folder)")
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language: nn, nb or en"))
    parser.add_argument(
        "--no-crash-dialog",
        action="store_true",
        help=_("report errors in the log only, never in dialogs"),
    )
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help=_("print start-up timings and exit once the first view has painted"),
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    demo = sub.add_parser("demo", help=_("fill a new or empty database with the Stad example data"))
    demo.add_argument("--db", metavar="PATH", dest="sub_db", required=True)

    backup = sub.add_parser("backup", help=_("make a backup copy of a database"))
    backup.add_argument("--db", metavar="PATH", dest="sub_db")
    backup.add_argument("-o", "--output", metavar="FILE")
    backup.add_argument(
        "--overwrite", action="store_true", help=_("replace an earlier copy of the same name")
    )

    check = sub.add_parser("check", help=_("check a database: integrity, revision and counts"))
    check.add_argument("--db", metavar="PATH", dest="sub_db")

    for register in _EXTRA_COMMANDS:
        register(sub, tr)
    # --lang may also follow the subcommand: stad-desktop check --db F --lang en.
    for command in sub.choices.values():
        if "--lang" not in command._option_string_actions:
            command.add_argument(
                "--lang", dest="sub_lang", choices=LANGUAGES, help=_("language: nn, nb or en")
            )
    return parser


# Subcommands that live with their own area (reports, selftest) register here.
_EXTRA_COMMANDS: list[Callable[[Any, Translator], None]] = []
_HANDLERS: dict[str, Callable[[argparse.Namespace, Translator], int]] = {}


def register_command(
    name: str,
    add_parser: Callable[[Any, Translator], None],
    handler: Callable[[argparse.Namespace, Translator], int],
) -> None:
    _EXTRA_COMMANDS.append(add_parser)
    _HANDLERS[name] = handler


def db_path(args: argparse.Namespace, *, create: bool = False) -> Path:
    """The database the command works on; ``create``: the default one's folder is
    made when missing (for a command that may create the database)."""
    from stad_desktop import paths

    explicit = getattr(args, "sub_db", None) or args.db
    if explicit:
        return Path(explicit)
    path = paths.default_db_path()
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    return path


def open_services(path: Path, *, create: bool = True, read_only: bool = False):  # type: ignore[no-untyped-def]
    """Open a database for a command, turning storage problems into a CliError.
    ``read_only``: for commands that only read (no lock, no backup, nothing written
    beside the file; a missing or empty file is refused)."""
    from stad_desktop.services import Services
    from stad_desktop.storage import StorageError, StorageProblem, open_database
    from stad_desktop.storage.reading import open_read_only

    try:
        if read_only:
            return Services(open_read_only(path))
        return Services(open_database(path, create=create))
    except StorageError as exc:
        damaged = exc.problem is StorageProblem.CORRUPT
        raise CliError(exc.message, EXIT_FAILURE if damaged else EXIT_BAD_INPUT) from exc


def _bad_input(problem: object) -> bool:
    """Storage problems that mean the command was given the wrong file (exit 2)."""
    from stad_desktop.storage.errors import StorageProblem

    return problem in (
        StorageProblem.NOT_DATABASE,
        StorageProblem.FOREIGN,
        StorageProblem.MISSING_FOLDER,
        StorageProblem.MISSING,
        StorageProblem.EMPTY,
        StorageProblem.OTHER,
    )


def _cmd_demo(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.demo import DemoRefused, load_demo

    path = db_path(args, create=True)
    services = open_services(path)
    try:
        load_demo(services)
    except DemoRefused as exc:
        raise CliError(exc.message, EXIT_BAD_INPUT) from exc
    finally:
        services.db.close()
    counts = services.counts()
    print(
        tr._("Example data written to {path}: {actors} actors, {projects} projects.").format(
            path=path, actors=counts.actors, projects=counts.projects
        )
    )
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.os_errors import os_error_message
    from stad_desktop.services.outputs import OutputKind, OutputRefused, check_output
    from stad_desktop.storage.errors import StorageError
    from stad_desktop.storage.integrity import check_undamaged
    from stad_desktop.storage.sqlite_file import backup_file, require_database_file

    path = db_path(args)
    output = Path(args.output) if args.output else None
    if output is not None and output.is_dir():
        output = output / f"{path.stem}-backup.sqlite3"
    try:
        if output is not None:
            check_output(output, path, OutputKind.DATABASE_COPY, overwrite=args.overwrite)
        require_database_file(path)
        check_undamaged(path)  # a copy of a damaged file is no backup
        output = backup_file(path, output)
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


def _cmd_check(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.storage.errors import StorageError, StorageProblem
    from stad_desktop.storage.sqlite_file import integrity_check, require_database_file

    path = db_path(args)
    try:
        state = require_database_file(path)
    except StorageError as exc:
        if exc.problem in (
            StorageProblem.MISSING,
            StorageProblem.EMPTY,
            StorageProblem.MISSING_FOLDER,
        ):
            raise CliError(exc.message) from exc
        print(tr.render(exc.message), file=sys.stderr)
        return EXIT_FAILURE
    from stad_desktop.services import Services
    from stad_desktop.storage.backups import list_backups
    from stad_desktop.storage.reading import open_read_only

    try:
        db = open_read_only(path, check_pages=False)  # the fuller check follows
    except StorageError as exc:
        print(tr.render(exc.message), file=sys.stderr)
        return EXIT_FAILURE
    try:
        try:
            problems = integrity_check(path)
        except sqlite3.Error as exc:
            problems = [str(exc)]
        if problems:
            print(
                tr._("The database {path} is damaged: {detail}").format(
                    path=path, detail="; ".join(problems[:5])
                ),
                file=sys.stderr,
            )
            return EXIT_FAILURE
        counts = Services(db).counts()
    except StorageError as exc:
        print(tr.render(exc.message), file=sys.stderr)
        return EXIT_FAILURE
    finally:
        db.close()
    print(tr._("Database: {path}").format(path=path))
    print(tr._("Integrity: ok"))
    print(tr._("Schema revision: {revision}").format(revision=state.revision or "-"))
    print(
        tr._(
            "Actors: {actors}, projects: {projects}, entries: {entries}, meetings: {meetings}"
        ).format(
            actors=counts.actors,
            projects=counts.projects,
            entries=counts.entries,
            meetings=counts.meetings,
        )
    )
    copies = list_backups(path)
    if copies:
        from stad_desktop.format import format_date

        print(
            tr._("Backups: {count}, the newest from {date} {time}").format(
                count=len(copies),
                date=format_date(copies[0].created.date(), tr, "long"),
                time=f"{copies[0].created:%H:%M}",
            )
        )
    else:
        print(tr._("Backups: none yet"))
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.ui.app import run_gui

    return run_gui(
        db_path=Path(args.db) if args.db else None,
        lang=args.lang,
        crash_dialog=not args.no_crash_dialog,
        exit_after_startup=args.exit_after_startup,
    )


_BUILTIN: dict[str, Callable[[argparse.Namespace, Translator], int]] = {
    "demo": _cmd_demo,
    "backup": _cmd_backup,
    "check": _cmd_check,
}


# The subcommands registered from stad_desktop.commands (a test keeps this in step).
PLUGIN_COMMANDS = frozenset({"selftest", "report"})


def _load_plugins(argv: Sequence[str] = ("--help",)) -> None:
    """Import the modules that register their own subcommands (cheap: no heavy imports),
    when the command line may name one or asks for help; starting the window skips
    them. Always imported then (Python imports a module once): one of them may already
    have been imported on its own, so a non-empty registry does not mean all are in."""
    if any(arg in PLUGIN_COMMANDS or arg in ("-h", "--help") for arg in argv):
        from stad_desktop import commands  # noqa: F401


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Start-up allocates much and frees little: the collector's passes during it only
    # cost time. It is switched on again once the window has its data (ui/app.py), at
    # once for the other commands, and in any case on the way out.
    gc.disable()
    tr = Translator(_lang_from_argv(argv))
    set_language(tr.lang)
    translate_argparse(tr)
    try:
        _load_plugins(argv)
        args = build_parser(tr).parse_args(argv)
        lang = getattr(args, "sub_lang", None) or args.lang
        if lang:
            tr = set_language(lang)
            translate_argparse(tr)
        command = args.command
        if command is None:
            return _cmd_gui(args, tr)
        gc.enable()
        handler = _BUILTIN.get(command) or _HANDLERS[command]
        status = handler(args, tr)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader went away (``stad-desktop check | head -1``): stop quietly.
        _silence_stdout()
        return EXIT_FAILURE
    except CliError as exc:
        print(f"stad-desktop: {tr.render(exc.message)}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as exc:
        from stad_desktop.storage.errors import StorageError

        if isinstance(exc, StorageError):
            print(f"stad-desktop: {tr.render(exc.message)}", file=sys.stderr)
            return EXIT_FAILURE
        log = log_exception(exc)
        print(
            "stad-desktop: "
            + tr._("Unexpected error: {error}. Details are in {log}.").format(
                error=type(exc).__name__, log=log
            ),
            file=sys.stderr,
        )
        return EXIT_FAILURE
    finally:
        gc.enable()


def _silence_stdout() -> None:
    """Send what is still buffered for a closed pipe nowhere, so that Python does not
    complain about it on the way out."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def log_exception(exc: BaseException) -> Path:
    """Write what is known of a bug, without personal data, to the log (see crashlog)."""
    from stad_desktop.crashlog import log_exception as write

    return write(exc)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
