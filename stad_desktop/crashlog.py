"""The crash log: what is needed to find a bug, and no personal data.

The user is asked to send this file in, so it holds only what the program itself
wrote: the exception types, where in the code they happened (file, line and
function of each frame), and for a database error the SQL statement without its
parameters. It never holds an exception's message (``str(exc)``): messages carry
values the user typed (a name in a ``KeyError``, the parameters of a failed SQL
statement, a file name), and so do notes and local variables, which are left out
too. File names of the code are shortened to the part below the installation
folder (which may contain the user's name).

The file is created readable by its owner only (mode 600), and an existing one is
made so before anything is added to it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import platform
import re
import sys
import sysconfig
import tempfile
import traceback
from pathlib import Path

LOG_NAME = "stad-desktop-errors.log"
_MAX_STATEMENT = 4000
_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"


def _code_roots() -> list[Path]:
    """Folders the program's and Python's code live in, the deepest first."""
    import stad_desktop

    roots = {Path(stad_desktop.__file__).resolve().parent.parent}
    for key in ("purelib", "platlib", "stdlib", "platstdlib"):
        folder = sysconfig.get_paths().get(key)
        if folder:
            roots.add(Path(folder).resolve())
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.add(Path(bundle).resolve())
    return sorted(roots, key=lambda root: len(root.parts), reverse=True)


def _where(filename: str, roots: list[Path]) -> str:
    """The code file's path below its installation folder, or just its name."""
    if filename.startswith("<"):
        return filename  # <frozen importlib._bootstrap>, <string>
    path = Path(filename)
    for root in roots:
        try:
            return path.resolve().relative_to(root).as_posix()
        except (ValueError, OSError):
            continue
    return path.name


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _statement(exc: BaseException) -> str | None:
    """The SQL of a SQLAlchemy statement error: placeholders only, never the values
    (quoted literals are blanked too, in case a statement was written with them)."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None or not isinstance(exc, sa_exc.StatementError):
        return None
    statement = exc.statement
    if not isinstance(statement, str):
        return None
    statement = re.sub(r"'(?:[^']|'')*'", "'…'", statement)
    statement = " ".join(statement.split())
    return statement[:_MAX_STATEMENT]


def _facts(exc: BaseException) -> list[str]:
    """What is safe to tell about an exception besides its type: codes and kinds,
    never text that may have come from the user."""
    facts = []
    if isinstance(exc, OSError) and isinstance(exc.errno, int):
        facts.append(f"errno: {errno.errorcode.get(exc.errno, exc.errno)}")
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        facts.append(f"SQLite: {name}")
    problem = getattr(exc, "problem", None)  # StorageError: the kind of problem
    if problem is not None and type(exc).__name__ == "StorageError":
        facts.append(f"problem: {problem}")
    field = getattr(exc, "field", None)  # ValidationError: the field's name
    if isinstance(field, str) and type(exc).__name__ == "ValidationError":
        facts.append(f"field: {field}")
    statement = _statement(exc)
    if statement is not None:
        facts.append(f"SQL: {statement}")
    return facts


def _chain(exc: BaseException) -> list[tuple[BaseException, str | None]]:
    """The exception and those it came from, oldest first, each with the line that
    Python prints between it and the next one (None after the last)."""
    chain: list[tuple[BaseException, str | None]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link: str | None = None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, _CONTEXT
        else:
            current = None
    chain.reverse()
    return chain


def describe(exc: BaseException) -> str:
    """The report of ``exc`` as written to the log (see the module doc)."""
    from stad_desktop import __version__

    roots = _code_roots()
    lines = [
        f"stad-desktop {__version__}, Python {platform.python_version()}, {sys.platform}",
    ]
    for item, link in _chain(exc):
        if item.__traceback__ is not None:
            lines.append("Traceback (most recent call last):")
            for frame in traceback.extract_tb(item.__traceback__):
                where = _where(frame.filename, roots)
                lines.append(f'  File "{where}", line {frame.lineno}, in {frame.name}')
        lines.append(_type_name(item))
        lines.extend(f"  {fact}" for fact in _facts(item))
        if link is not None:
            lines += ["", link, ""]
    return "\n".join(lines) + "\n"


def _open_private(log: Path) -> int:
    """Open ``log`` for appending, readable by its owner only (an existing file is
    made so first; one that cannot be is not written to)."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(log, flags, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
    except OSError:
        os.close(fd)
        raise
    return fd


def write(text: str) -> Path:
    """Append ``text`` with a time stamp to the log in the user's log folder (or the
    temporary folder when that cannot be made); returns the file."""
    from stad_desktop import paths

    stamp = f"--- {dt.datetime.now().isoformat(timespec='seconds')} ---\n"
    data = (stamp + text).encode("utf-8", errors="replace")
    folders = [paths.user_log_dir(), Path(tempfile.gettempdir())]
    problem: OSError | None = None
    for folder in folders:
        log = folder / LOG_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = _open_private(log)
        except OSError as exc:
            problem = problem or exc
            continue
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        return log
    assert problem is not None
    raise problem


def log_exception(exc: BaseException) -> Path:
    """Write the report of ``exc`` to the log; returns the file."""
    return write(describe(exc))
