"""The command line: demo, errors as one clear line, exit statuses."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from stad_desktop import __version__
from stad_desktop.cli import COMMANDS, main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "stad_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_twice(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    first = run("demo", "--db", str(path))
    assert first.returncode == 0, first.stderr
    assert "27" in first.stdout
    before = digest(path)
    second = run("demo", "--db", str(path))
    assert second.returncode == 2
    assert second.stderr.count("\n") == 1
    assert "Traceback" not in second.stderr
    assert digest(path) == before


def test_gui_refuses_a_text_file(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    notes = folder / "notes.txt"
    notes.write_text("Ikkje ein database\n", encoding="utf-8")
    before = digest(notes)
    result = run("--db", str(notes), "--no-crash-dialog")
    assert result.returncode != 0
    assert "notes.txt" in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.stderr
    assert digest(notes) == before
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out


def test_bad_command_line_is_one_line_with_status_2(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("stad-desktop: ")
    assert err.count("\n") == 1


def test_check_and_backup(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    assert main(["--lang", "en", "check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Integrity: ok" in out
    assert "Actors: 27" in out
    target = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(path), "-o", str(target)]) == 0
    assert main(["--lang", "en", "check", "--db", str(target)]) == 0
    assert "Actors: 27" in capsys.readouterr().out


def test_check_reports_a_damaged_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.txt"
    notes.write_text("hei", encoding="utf-8")
    assert main(["check", "--db", str(notes)]) == 1
    assert "notes.txt" in capsys.readouterr().err


def test_help_and_argument_errors_in_the_users_language(capsys) -> None:  # type: ignore[no-untyped-def]
    try:
        main(["--lang", "nn", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert out.startswith("bruk: stad-desktop")
    assert "vis denne hjelpeteksten og avslutt" in out
    assert "show this help" not in out
    assert main(["--lang", "nb", "demo"]) == 2
    err = capsys.readouterr().err
    assert "disse argumentene må være med: --db" in err
    assert "required" not in err


def test_every_command_in_the_table_loads_and_is_in_the_help(capsys) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop import cli

    for name in cli.COMMANDS:
        module = cli.load_command(name)
        assert callable(module.add_arguments) and callable(module.run)
    try:
        main(["--lang", "en", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert "{demo,backup,restore,check,selftest,report,export,import,person,travel}" in out


def test_starting_the_window_imports_no_command_module() -> None:
    code = (
        "import sys\n"
        "import stad_desktop.cli as cli\n"
        "cli._cmd_gui = lambda args, tr: 0\n"
        "cli.main(['--lang', 'en'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('stad_desktop.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded = result.stdout
    for info in COMMANDS.values():
        assert f"'{info.module}'" not in loaded
    assert "'stad_desktop.cli.errors'" in loaded
    assert "'stad_desktop.crashlog'" not in loaded  # written only when something fails


def test_the_collector_is_on_again_after_a_command(tmp_path: Path) -> None:
    import gc

    assert main(["demo", "--db", str(tmp_path / "x.sqlite3")]) == 0
    assert gc.isenabled()
    assert main(["demo"]) == 2
    assert gc.isenabled()


def test_lang_may_follow_the_subcommand(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.sqlite3"
    assert main(["demo", "--db", str(path), "--lang", "en"]) == 0
    assert "Example data written to" in capsys.readouterr().out
    assert main(["check", "--db", str(path), "--lang", "en"]) == 0
    assert "Integrity: ok" in capsys.readouterr().out
    assert main(["check", "--db", str(path), "--lang", "nb"]) == 0
    assert "Integritet: i orden" in capsys.readouterr().out
    copy = tmp_path / "kopi.sqlite3"
    assert main(["backup", "--db", str(path), "-o", str(copy), "--lang", "en"]) == 0
    assert "Backup written to" in capsys.readouterr().out
    assert main(["backup", "--db", str(path), "-o", str(copy), "--lang", "en"]) == 2
    assert "exists already" in capsys.readouterr().err


def test_check_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """``stad-desktop check | head -1``: the reader is gone before the output comes."""
    path = tmp_path / "x.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "stad_desktop", "check", "--db", str(path)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 1


def test_operating_system_errors_in_the_users_language(tmp_path: Path) -> None:
    """A printout that cannot be written (here: the file-size limit) says why in
    Nynorsk, not in the system's English."""
    import resource
    import signal

    path = tmp_path / "x.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    target = tmp_path / "portefolje.pdf"
    command = ["report", "portfolio", "--db", str(path), "-o", str(target)]
    result = subprocess.run(
        [sys.executable, "-m", "stad_desktop", *command],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )
    assert result.returncode == 2
    assert "fila er for stor" in result.stderr
    assert "File too large" not in result.stderr and "Errno" not in result.stderr
    assert not target.exists()
    missing = run(
        "--lang", "nb", "report", "portfolio", "--db", str(tmp_path / "borte.sqlite3"),
        "-o", str(target),
    )  # fmt: skip
    assert missing.returncode == 2
    assert "finnes ikke" in missing.stderr and "missing" not in missing.stderr


def test_error_texts_by_error_number() -> None:
    import errno

    from stad_desktop.language import Translator
    from stad_desktop.os_errors import os_error_message

    cases = {
        errno.EPERM: ("operasjonen er ikkje tillaten", "operasjonen er ikke tillatt"),
        errno.ENOENT: ("fila eller mappa finst ikkje", "filen eller mappen finnes ikke"),
        errno.ENOSPC: ("disken er full", "disken er full"),
        errno.EACCES: ("du har ikkje løyve til det", "du har ikke tillatelse til det"),
    }
    for number, (nn, nb) in cases.items():
        message = os_error_message(OSError(number, os.strerror(number), "/x"))
        assert Translator("nn").render(message) == nn
        assert Translator("nb").render(message) == nb
    unknown = os_error_message(OSError(errno.ELIBBAD, "Accessing a corrupted shared library"))
    assert Translator("nn").render(unknown) == "systemfeil ELIBBAD"
