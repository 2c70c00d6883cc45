"""A PostgreSQL server of the tests' own: ``initdb`` and ``pg_ctl`` in a temporary
folder, on a free port, as a user who is not root (PostgreSQL refuses to run as
root: then as ``nobody``, or a user made for it).

The programs are looked for on PATH and under ``/usr/lib/postgresql/*/bin`` (where
Debian's ``postgresql`` package puts them). :func:`start` returns the running
server, or the reason why none could be started.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ENGINES = ("sqlite", "postgresql")  # the engines the suites run on
ADMIN = "stad"  # the tests' own superuser: trusted from 127.0.0.1, no password
TEST_USER_ENV = "STAD_TEST_PG_USER"


def find_program(name: str) -> Path | None:
    found = shutil.which(name)
    if found:
        return Path(found)

    def version(path: str) -> tuple[int, ...]:
        part = Path(path).parts[-3]
        return tuple(int(n) for n in part.split(".") if n.isdigit())

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    return Path(candidates[-1]) if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_user() -> str | None:
    """The user to run the server as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    name = os.environ.get(TEST_USER_ENV, "nobody")
    try:
        pwd.getpwnam(name)
    except KeyError:
        name = "stad-pgtest"
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            check=True,
            capture_output=True,
        )
    return name


class PostgresServer:
    """A running server; :meth:`stop` ends it and removes its folder."""

    def __init__(
        self,
        initdb: Path,
        pg_ctl: Path,
        folder: Path | None = None,
        settings: tuple[str, ...] = (),
    ) -> None:
        # ``folder``: a cluster kept between runs (the benchmark's); None: a new
        # temporary one, removed by :meth:`stop`. ``settings``: more ``name=value``
        # server settings.
        self.settings = settings
        self.kept = folder is not None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder or Path(tempfile.mkdtemp(prefix="stad-pg-"))
        self.data = self.folder / "data"
        self.port = 0
        self.user = _server_user()
        self._initdb = initdb
        self._pg_ctl = pg_ctl
        self._names = itertools.count(1)
        if self.user is not None:
            info = pwd.getpwnam(self.user)
            os.chown(self.folder, info.pw_uid, info.pw_gid)
        self.folder.chmod(0o700)

    def _run(self, *command: object) -> subprocess.CompletedProcess[str]:
        args = [str(part) for part in command]
        if self.user is not None:
            args = ["runuser", "-u", self.user, "--", *args]
        return subprocess.run(args, capture_output=True, text=True, timeout=120)

    def start(self) -> str | None:
        """Make the cluster (unless it is kept and made already) and start it; None,
        or why it could not be started."""
        if self.kept and (self.data / "PG_VERSION").exists():
            return self._launch()
        made = self._run(
            self._initdb, "-D", self.data, "-U", ADMIN, "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        if made.returncode != 0:
            return f"initdb failed: {made.stderr.strip() or made.stdout.strip()}"
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            f"host all {ADMIN} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
        )
        return self._launch()

    def _launch(self) -> str | None:
        reason = "pg_ctl did not start"
        for _attempt in range(3):
            self.port = _free_port()
            options = (
                f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=200"
            ) + "".join(f" -c {setting}" for setting in self.settings)
            started = self._run(
                self._pg_ctl, "-D", self.data, "-o", options, "-l", self.folder / "log", "-w",
                "-t", "60", "start",
            )  # fmt: skip
            if started.returncode == 0:
                return None
            reason = f"pg_ctl start failed: {started.stderr.strip() or started.stdout.strip()}"
        return reason

    def stop(self) -> None:
        mode = "fast" if self.kept else "immediate"
        self._run(self._pg_ctl, "-D", self.data, "-m", mode, "-w", "stop")
        if not self.kept:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, user: str = ADMIN) -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> list[tuple[object, ...]]:
        """Run one statement as the tests' superuser (outside a transaction)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=ADMIN, dbname=database, autocommit=True
        ) as conn:
            cursor = conn.execute(statement)  # type: ignore[call-overload]
            return list(cursor.fetchall()) if cursor.description else []

    def new_database(self, template: str | None = None) -> str:
        name = f"t{os.getpid()}_{next(self._names)}"
        self.sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # --- one database for many tests: put back as it was after each ------------------
    # Making a database from a template takes ~0.2 s; deleting the rows a test left
    # and copying the template's back takes a few milliseconds.

    def reusable_database(self, template: str, tables: list[str]) -> str:
        """A copy of ``template`` that keeps its rows in a schema ``seed`` (``tables``:
        every table, parents first) so that :meth:`reset` can put them back."""
        name = self.new_database(template=template)
        self.sql(
            "CREATE SCHEMA seed; "
            + " ".join(f'CREATE TABLE seed."{t}" AS TABLE public."{t}";' for t in tables),
            database=name,
        )
        return name

    def reset(self, name: str, tables: list[str]) -> bool:
        """Put the rows of the reusable database ``name`` back as they were made;
        False when that could not be done quickly (a lock held by a connection left
        open): make another one then."""
        import psycopg

        statement = (
            "SET lock_timeout = '2s'; BEGIN; "
            + " ".join(f'DELETE FROM public."{t}";' for t in reversed(tables))
            + " ".join(f'INSERT INTO public."{t}" SELECT * FROM seed."{t}";' for t in tables)
            + " COMMIT;"
        )
        try:
            self.sql(statement, database=name)
        except psycopg.Error:
            return False
        return True


def start(folder: Path | None = None, settings: tuple[str, ...] = ()) -> PostgresServer | str:
    """A running server, or why there is none (no PostgreSQL on this machine, or it
    would not start); ``folder``: keep its cluster there between runs; ``settings``:
    more server settings (``name=value``)."""
    initdb, pg_ctl = find_program("initdb"), find_program("pg_ctl")
    if initdb is None or pg_ctl is None:
        return (
            "PostgreSQL is not installed (no initdb/pg_ctl on PATH or under "
            "/usr/lib/postgresql/*/bin); install the postgresql package to run these tests"
        )
    server = PostgresServer(initdb, pg_ctl, folder, settings)
    reason = server.start()
    if reason is not None:
        server.stop()
        return reason
    return server
