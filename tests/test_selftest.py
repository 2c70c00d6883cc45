"""`stad-desktop selftest`: passes in a checkout, and names each failed step."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stad_desktop import selftest
from stad_desktop.language import Translator

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the selftest chooses offscreen itself
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "stad_desktop"]
    return subprocess.run(
        [*command, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_selftest_passes_in_the_checkout() -> None:
    result = _run("selftest")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "selftest ok"
    assert "FAILED" not in result.stderr


def test_verbose_names_every_check_in_the_chosen_language() -> None:
    result = _run("--lang", "en", "selftest", "--verbose")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "selftest ok"
    names = [check.title(Translator("en")) for check in selftest.CHECKS]
    assert len(lines) == len(names) + 1
    for line, name in zip(lines, names, strict=False):
        assert line.startswith(f"ok {name} (")
    assert "project summary report (nb)" in names
    assert "main window and every view" in names


def test_a_failing_step_prints_one_line_and_exits_1() -> None:
    # Break the portfolio report only; the other steps still run and pass.
    code = (
        "import sys, stad_desktop.reports as r\n"
        "def broken(*a, **k): raise RuntimeError('printer on fire')\n"
        "r.make_portfolio = broken\n"
        "from stad_desktop.cli import main\n"
        "sys.exit(main(['--lang', 'en', 'selftest']))\n"
    )
    result = _run(code=code)
    assert result.returncode == 1
    assert "selftest ok" not in result.stdout
    failed = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert failed == [
        "FAILED portfolio report (nn): RuntimeError: printer on fire",
        "FAILED portfolio report (nb): RuntimeError: printer on fire",
    ]
    assert "selftest failed: 2 of" in result.stderr


def test_steps_after_a_failed_database_are_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_database(state: selftest.State) -> None:
        raise selftest.CheckFailed("disk says no")

    checks = (
        selftest.Check("program files", selftest.check_files),
        selftest.Check("new database with migrations", no_database),
        selftest.Check("example data", selftest.check_example_data, needs_database=True),
    )
    failures = selftest.run_checks(Translator("en"), checks=checks)
    assert failures == [
        "FAILED new database with migrations: disk says no",
        "FAILED example data: not run, the database step failed",
    ]


def test_an_error_inside_a_view_fails_the_window_step() -> None:
    # Qt hands exceptions in overridden methods (showEvent -> refresh) to
    # sys.excepthook instead of raising them; the self-test must still notice.
    code = (
        "import sys\n"
        "from stad_desktop.ui.views import base\n"
        "def broken(self): raise ValueError('view broke')\n"
        "base.View.refresh = broken\n"
        "from stad_desktop.cli import main\n"
        "sys.exit(main(['--lang', 'en', 'selftest']))\n"
    )
    result = _run(code=code)
    assert result.returncode == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1
    assert failed[0].startswith("FAILED main window and every view: ")
    assert "view broke" in failed[0]
