"""One mapping from SQLite's errors to what the user is told, the same everywhere."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import OperationalError

from stad_desktop.language import Translator
from stad_desktop.storage import StorageProblem
from stad_desktop.storage.database import translate_db_error
from stad_desktop.storage.errors import sqlite_problem, sqlite_storage_error


def error_of(call: object) -> sqlite3.Error:
    try:
        call()  # type: ignore[operator]
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("SQLite raised nothing")


def problems(exc: sqlite3.Error, path: Path) -> set[StorageProblem | None]:
    """What every mapper in the program makes of ``exc``: they must agree."""
    wrapped = OperationalError("SELECT 1", {}, exc)
    through_engine = translate_db_error(wrapped, path)
    return {
        sqlite_problem(exc, path),
        sqlite_problem(wrapped, path),
        sqlite_storage_error(exc, path).problem,
        sqlite_storage_error(wrapped, path, unknown=StorageProblem.CORRUPT).problem,
        through_engine.problem if through_engine else None,
    }


def plain_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('Selje grendalag')")
    conn.commit()
    conn.close()
    return path


def test_a_database_locked_by_another_program_is_busy(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "stad.sqlite3")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        reader = sqlite3.connect(path, timeout=0)
        exc = error_of(lambda: reader.execute("SELECT * FROM t").fetchall())
        reader.close()
    finally:
        other.close()
    assert exc.sqlite_errorname == "SQLITE_BUSY"
    assert problems(exc, path) == {StorageProblem.LOCKED}


def test_writing_a_read_only_database_is_read_only(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "stad.sqlite3")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    exc = error_of(lambda: conn.execute("INSERT INTO t VALUES ('Stryn')"))
    conn.close()
    assert exc.sqlite_errorname.startswith("SQLITE_READONLY")
    assert problems(exc, path) == {StorageProblem.READ_ONLY}


def test_a_file_that_is_no_database_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "brev.sqlite3"
    path.write_bytes(b"Kjaere kommune, " * 100)
    conn = sqlite3.connect(path)
    exc = error_of(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    conn.close()
    assert exc.sqlite_errorname == "SQLITE_NOTADB"
    assert problems(exc, path) == {StorageProblem.NOT_DATABASE}


def test_a_damaged_database_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "stad.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("z" * 500,)] * 200)
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xff" * 4096  # one page of the table overwritten
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    exc = error_of(lambda: conn.execute("SELECT x FROM t").fetchall())
    conn.close()
    assert exc.sqlite_errorname.startswith("SQLITE_CORRUPT")
    assert problems(exc, path) == {StorageProblem.CORRUPT}


def test_a_full_database_is_a_full_disk(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "stad.sqlite3")
    conn = sqlite3.connect(path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages + 1}")
    exc = error_of(lambda: conn.executemany("INSERT INTO t VALUES (?)", [("z" * 4000,)] * 10))
    conn.close()
    assert exc.sqlite_errorname == "SQLITE_FULL"
    assert problems(exc, path) == {StorageProblem.DISK_FULL}


def test_a_missing_folder_is_told_as_missing(tmp_path: Path) -> None:
    path = tmp_path / "finst ikkje" / "stad.sqlite3"
    exc = error_of(lambda: sqlite3.connect(path))
    assert exc.sqlite_errorname == "SQLITE_CANTOPEN"
    assert problems(exc, path) == {StorageProblem.MISSING_FOLDER}


def test_a_file_that_cannot_be_opened_tells_why_in_the_users_language(tmp_path: Path) -> None:
    path = tmp_path / "ei mappe"
    path.mkdir()
    exc = error_of(lambda: sqlite3.connect(path))
    assert exc.sqlite_errorname == "SQLITE_CANTOPEN"
    assert problems(exc, path) == {StorageProblem.OTHER}
    message = sqlite_storage_error(exc, path).message
    assert Translator("en").render(message) == (
        f"The database {path} could not be used: the file could not be opened"
    )
    assert Translator("nn").render(message) != Translator("en").render(message)


def test_an_input_output_error_is_told_as_one(tmp_path: Path) -> None:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorname = "SQLITE_IOERR_WRITE"
    exc.sqlite_errorcode = 778
    assert problems(exc, tmp_path / "stad.sqlite3") == {StorageProblem.OTHER}
    assert "input/output" in Translator("en").render(
        sqlite_storage_error(exc, tmp_path / "stad.sqlite3").message
    )


def test_a_programming_error_is_no_storage_problem(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "stad.sqlite3")
    conn = sqlite3.connect(path)
    exc = error_of(lambda: conn.execute("SELECT nothing FROM nowhere"))
    conn.close()
    assert sqlite_problem(exc, path) is None
    assert translate_db_error(OperationalError("x", {}, exc), path) is None  # a bug: shown as one
