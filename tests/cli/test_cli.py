"""The command line: demo, errors as one clear line, exit statuses."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from stad_desktop import __version__
from stad_desktop.cli import main


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


def test_plugin_commands_are_known_without_loading_them() -> None:
    from stad_desktop import cli

    cli._load_plugins()
    assert set(cli._HANDLERS) == cli.PLUGIN_COMMANDS


def test_the_collector_is_on_again_after_a_command(tmp_path: Path) -> None:
    import gc

    assert main(["demo", "--db", str(tmp_path / "x.sqlite3")]) == 0
    assert gc.isenabled()
    assert main(["demo"]) == 2
    assert gc.isenabled()
