"""Two running copies on one database: the second refuses and names the first."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from stad_desktop.cli import main
from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import StorageError, StorageProblem, open_database
from stad_desktop.storage.lock import held_here, lock_path

CHILD = Path(__file__).with_name("db_child.py")


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


@contextmanager
def other_copy(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process of the program with ``path`` open."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "hold", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    try:
        assert child.stdout.readline() == "ready\n"
        yield child
    finally:
        if child.poll() is None:
            child.stdin.close()
            child.wait(timeout=10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


def test_second_copy_refuses_and_names_the_first(db_path: Path) -> None:
    db = open_database(db_path)
    Services(db).actors.create(ActorInput(name="Selje grendalag"))
    db.close()
    with other_copy(db_path) as child:
        before = snapshot(db_path.parent)
        with pytest.raises(StorageError) as info:
            open_database(db_path)
        assert info.value.problem is StorageProblem.IN_USE
        assert str(child.pid) in info.value.detail
        assert socket.gethostname() in info.value.detail
        for lang in ("nn", "nb", "en"):
            text = Translator(lang).render(info.value.message)
            assert str(child.pid) in text and str(db_path) in text
        assert snapshot(db_path.parent) == before
        assert not held_here(db_path)
    # Once the other copy has closed, the file opens and its lock file is gone.
    assert not lock_path(db_path).exists()
    db = open_database(db_path)
    assert Services(db).counts().actors == 1
    db.close()


def test_command_line_refuses_while_the_program_runs(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    open_database(db_path).close()
    with other_copy(db_path) as child:
        assert main(["--lang", "en", "demo", "--db", str(db_path)]) == 2
        err = capsys.readouterr().err
        assert "already open in another copy" in err
        assert str(child.pid) in err


def test_lock_of_a_killed_copy_is_taken_over(db_path: Path) -> None:
    open_database(db_path).close()
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "hold", str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == "ready\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()
    child.stdin.close()
    assert lock_path(db_path).exists()  # left behind, but no process holds it
    db = open_database(db_path)
    assert str(os.getpid()) in lock_path(db_path).read_text()
    db.close()
    assert not lock_path(db_path).exists()


def test_same_process_shares_the_lock(db_path: Path) -> None:
    first = open_database(db_path)
    second = open_database(db_path)
    assert held_here(db_path)
    first.close()
    assert held_here(db_path) and lock_path(db_path).exists()
    second.close()
    second.close()  # closing twice is harmless
    assert not held_here(db_path) and not lock_path(db_path).exists()


def test_unlocked_open_for_special_uses(db_path: Path) -> None:
    db = open_database(db_path, lock=False)
    assert not lock_path(db_path).exists()
    db.close()


def test_another_name_for_the_same_file_is_refused(db_path: Path, tmp_path: Path) -> None:
    """A symbolic link or a hard link (in another folder too) leads to the same lock."""
    db = open_database(db_path)
    Services(db).actors.create(ActorInput(name="Selje grendalag"))
    db.close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    symlink = elsewhere / "lenke.sqlite3"
    symlink.symlink_to(db_path)
    hardlinks = [db_path.with_name("kopi.sqlite3"), elsewhere / "hard.sqlite3"]
    for link in hardlinks:
        os.link(db_path, link)
    names = [db_path, symlink, *hardlinks]
    for first in (db_path, hardlinks[1]):
        with other_copy(first) as child:
            before = snapshot(db_path.parent), snapshot(elsewhere)
            for second in names:
                with pytest.raises(StorageError) as info:
                    open_database(second)
                assert info.value.problem is StorageProblem.IN_USE, second
                assert str(child.pid) in info.value.detail
                assert socket.gethostname() in info.value.detail
                assert not held_here(second)
            assert (snapshot(db_path.parent), snapshot(elsewhere)) == before
    # Closed again: every name opens, one at a time, and no lock file stays behind.
    for name in names:
        db = open_database(name, startup_backup=False)
        assert Services(db).counts().actors == 1
        db.close()
    assert not list(tmp_path.rglob("*.lock"))


def test_the_same_process_may_open_the_file_by_two_names(db_path: Path, tmp_path: Path) -> None:
    """Held by one name is held by every name (a restore through another name must
    see that the file is open), and one process may still open it twice."""
    open_database(db_path).close()
    link = tmp_path / "lenke.sqlite3"
    os.link(db_path, link)
    first = open_database(db_path)
    assert held_here(link)
    second = open_database(link)
    first.close()
    assert held_here(link)
    second.close()
    assert not held_here(db_path) and not held_here(link)
    assert not list(tmp_path.glob("*.lock"))
