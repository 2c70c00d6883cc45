"""Command line: the GUI by default, and subcommands for automation.

Errors print one clear line on stderr in the chosen language (never a traceback):
exit status 2 for bad input, 1 for other failures.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from stad_desktop import __version__
from stad_desktop.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, CliError
from stad_desktop.cli.messages import translate_argparse
from stad_desktop.language import DEFAULT_LANGUAGE, LANGUAGES, N_, Message, Translator, set_language

__all__ = [
    "COMMANDS",
    "EXIT_BAD_INPUT",
    "EXIT_FAILURE",
    "EXIT_OK",
    "CliError",
    "build_parser",
    "main",
]


class CommandInfo(NamedTuple):
    """A subcommand: the module that holds it and its one-line help (an N_() msgid)."""

    module: str
    summary: str


class CommandModule(Protocol):
    """What a command module holds: its arguments and what it does."""

    def add_arguments(self, parser: argparse.ArgumentParser, tr: Translator) -> None: ...

    def run(self, args: argparse.Namespace, tr: Translator) -> int: ...


# Every subcommand, in the order the help lists them. A module is imported only when
# the command line names its command or asks for help: starting the window imports none.
COMMANDS: dict[str, CommandInfo] = {
    "demo": CommandInfo(
        "stad_desktop.cli.demo", N_("fill a new or empty database with the Stad example data")
    ),
    "backup": CommandInfo("stad_desktop.cli.backup", N_("make a backup copy of a database")),
    "restore": CommandInfo(
        "stad_desktop.cli.restore",
        N_("put a backup copy (or a snapshot of a server's database) back in place"),
    ),
    "check": CommandInfo(
        "stad_desktop.cli.check", N_("check a database: integrity, revision and counts")
    ),
    "selftest": CommandInfo(
        "stad_desktop.cli.selftest",
        N_("check that the program works: database, example data, reports, window"),
    ),
    "report": CommandInfo(
        "stad_desktop.cli.report", N_("make a printout (PDF) for the council papers")
    ),
    "export": CommandInfo(
        "stad_desktop.cli.export", N_("export a table, or all of them, to Excel (XLSX) or CSV")
    ),
    "import": CommandInfo(
        "stad_desktop.cli.importing",
        N_("import actors and contact persons from a spreadsheet (XLSX or CSV)"),
    ),
    "person": CommandInfo(
        "stad_desktop.cli.person",
        N_("personal data: list persons, export all about one (innsyn), or erase one"),
    ),
    "travel": CommandInfo(
        "stad_desktop.cli.travel", N_("take a travel copy on the road, or bring one home")
    ),
}


def load_command(name: str) -> CommandModule:
    """The module of the subcommand ``name`` (imported on first use)."""
    module: CommandModule = importlib.import_module(COMMANDS[name].module)  # type: ignore[assignment]
    return module


def _named_commands(argv: Sequence[str]) -> list[str]:
    """The commands whose arguments the parser needs: those ``argv`` names, or all of
    them when it asks for help."""
    if any(arg in ("-h", "--help") for arg in argv):
        return list(COMMANDS)
    return [name for name in COMMANDS if name in argv]


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


def build_parser(tr: Translator, argv: Sequence[str] = ("--help",)) -> argparse.ArgumentParser:
    """The parser, with the arguments of the commands ``argv`` names (of all of them
    by default)."""
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
        "--db",
        metavar="PATH",
        help=_(
            "database file, or a PostgreSQL address postgresql+psycopg://USER@HOST:PORT/DB "
            "(default: in the user data folder)"
        ),
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
    needed = _named_commands(argv)
    for name, info in COMMANDS.items():
        command = sub.add_parser(name, help=_(info.summary))
        if name in needed:
            load_command(name).add_arguments(command, tr)
    # --lang may also follow the subcommand: stad-desktop check --db F --lang en.
    for command in sub.choices.values():
        if "--lang" not in command._option_string_actions:
            command.add_argument(
                "--lang", dest="sub_lang", choices=LANGUAGES, help=_("language: nn, nb or en")
            )
    return parser


def _cmd_gui(args: argparse.Namespace, tr: Translator) -> int:
    from stad_desktop.cli.database import check_address
    from stad_desktop.paths import ServerDatabase, database_target
    from stad_desktop.ui.app import run_gui

    target = database_target(args.db) if args.db else None
    if isinstance(target, ServerDatabase):
        check_address(target)
    return run_gui(
        db_path=target,
        lang=args.lang,
        crash_dialog=not args.no_crash_dialog,
        exit_after_startup=args.exit_after_startup,
    )


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
        args = build_parser(tr, argv).parse_args(argv)
        lang = getattr(args, "sub_lang", None) or args.lang
        if lang:
            tr = set_language(lang)
            translate_argparse(tr)
        command = args.command
        if command is None:
            return _cmd_gui(args, tr)
        gc.enable()
        status = load_command(command).run(args, tr)
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
        from stad_desktop.crashlog import log_exception
        from stad_desktop.storage.errors import StorageError

        if isinstance(exc, StorageError):
            print(f"stad-desktop: {tr.render(exc.message)}", file=sys.stderr)
            return EXIT_FAILURE
        try:
            log: object = log_exception(exc)
        except OSError:  # no folder to write the log in: still one line, no traceback
            log = "-"
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


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
