"""The crash hook logs unexpected errors to the user log folder and shows a short
dialog with the details folded away (or logs only, for --no-crash-dialog)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from stad_desktop import paths
from stad_desktop.ui import crash


@pytest.fixture
def hooks() -> Iterator[None]:
    yield
    crash.uninstall()


def _raise_and_hook(message: str) -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]


def test_logged_without_dialog(qtbot, hooks, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[object] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self))
    crash.install(dialog=False)
    _raise_and_hook("kaputt in Hoddevik")
    log = paths.user_log_dir() / "stad-desktop-errors.log"
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "Traceback" in text
    assert 'File "tests/ui/test_crash.py", line ' in text and ", in _raise_and_hook" in text
    assert "Hoddevik" not in text  # the message may hold what the user typed
    assert log.stat().st_mode & 0o777 == 0o600
    err = capsys.readouterr().err
    assert "RuntimeError" in err and "Traceback" not in err
    qtbot.wait(10)
    assert shown == []


def test_dialog_has_details_folded_away(qtbot, hooks, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    crash.install(dialog=True)
    _raise_and_hook("feil i Selje")
    qtbot.waitUntil(lambda: len(shown) == 1)
    box = shown[0]
    assert "RuntimeError" in box.text()
    # The details are what the log holds (to be sent in): where, not the message.
    assert "RuntimeError" in box.detailedText() and "_raise_and_hook" in box.detailedText()
    assert "feil i Selje" not in box.text() + box.detailedText()


def test_thread_errors_reach_the_gui_thread(qtbot, hooks, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    crash.install(dialog=True)

    def work() -> None:
        raise ValueError("tråden feila")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "ValueError" in shown[0].detailedText() and ", in work" in shown[0].detailedText()
    log = paths.user_log_dir() / "stad-desktop-errors.log"
    text = log.read_text(encoding="utf-8")
    assert "ValueError" in text and ", in work" in text
    assert "tråden feila" not in text + shown[0].detailedText()
