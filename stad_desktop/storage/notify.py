"""Telling the other programs on a server what changed: ``LISTEN/NOTIFY``.

Every transaction that writes to a database on a PostgreSQL server sends, as part
of its commit, one notification on :data:`CHANNEL`: ``SENDER:table,table``, the
tables it wrote to and who sent it (a token of the :class:`Database`, so that a
program can pass over its own changes). PostgreSQL delivers it only if the
transaction commits, and after it did: a rolled-back write tells nobody.

A :class:`ChangeListener` receives them on a connection of its own, on a worker
thread, and keeps the tables named for whoever asks (:meth:`ChangeListener.take`):
the window asks every second and refreshes the views concerned. A lost connection
is tried again, waiting longer each time (up to :data:`MAX_WAIT_S`); while it is
away :attr:`ChangeListener.lost` is True.

On SQLite nothing of this is used: one program has the file.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

CHANNEL = "stad_changes"
MAX_PAYLOAD = 7000  # PostgreSQL takes up to 8000 bytes
FIRST_WAIT_S = 0.5
MAX_WAIT_S = 10.0
_WRITTEN = "stad_written_tables"

log = logging.getLogger(__name__)


def send_changes(engine: Engine, sender: str) -> None:
    """Make every committed write through ``engine`` notify :data:`CHANNEL`."""

    def note(
        conn: Connection, _cursor: Any, _sql: str, _params: Any, context: Any, _many: bool
    ) -> None:
        compiled = getattr(context, "compiled", None)
        if compiled is None or not (context.isinsert or context.isupdate or context.isdelete):
            return
        table = getattr(getattr(compiled, "statement", None), "table", None)
        name = getattr(table, "name", None)
        if isinstance(name, str):
            conn.info.setdefault(_WRITTEN, set()).add(name)

    def notify(conn: Connection) -> None:
        tables = conn.info.pop(_WRITTEN, None)
        if not tables:
            return
        payload = f"{sender}:{','.join(sorted(tables))}"[:MAX_PAYLOAD]
        # Through SQLAlchemy, so that a connection lost just now is told as any other.
        conn.exec_driver_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

    def forget(conn: Connection) -> None:
        conn.info.pop(_WRITTEN, None)

    event.listen(engine, "after_cursor_execute", note)
    event.listen(engine, "commit", notify)
    event.listen(engine, "rollback", forget)


def parse(payload: str, own: str) -> set[str]:
    """The tables a notification names, none when ``own`` sent it."""
    sender, _, tables = payload.partition(":")
    if sender == own:
        return set()
    return {name for name in tables.split(",") if name}


class ChangeListener:
    """Listens on :data:`CHANNEL` on a worker thread; ``connect`` opens a new
    psycopg connection (autocommit). Never blocks its caller."""

    def __init__(self, connect: Callable[[], Any], own: str, poll_s: float = 0.5) -> None:
        self._connect = connect
        self._own = own
        self._poll_s = poll_s
        self._pending: set[str] = set()
        self._guard = threading.Lock()
        self._stop = threading.Event()
        self.connected = False
        self.lost = False  # was connected, is not now (trying again)
        self.reconnects = 0  # how often a lost connection was made again
        self._thread = threading.Thread(target=self._run, name="stad-listen", daemon=True)
        self._thread.start()

    def take(self) -> set[str]:
        """The tables others changed since the last call (and forget them)."""
        with self._guard:
            pending, self._pending = self._pending, set()
        return pending

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        wait = FIRST_WAIT_S
        ever = False
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except Exception as exc:  # server away: try again, waiting longer
                log.info("listening for changes: %s", exc)
                self._stop.wait(wait)
                wait = min(wait * 2, MAX_WAIT_S)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                if ever:
                    self.reconnects += 1
                    self._add({"*"})  # what changed while away is not known
                ever, self.connected, self.lost, wait = True, True, False, FIRST_WAIT_S
                while not self._stop.is_set():
                    for note in conn.notifies(timeout=self._poll_s):
                        self._add(parse(note.payload, self._own))
            except Exception as exc:  # connection lost: reconnect
                log.info("listening for changes stopped: %s", exc)
            finally:
                self.connected = False
                self.lost = ever
                with contextlib.suppress(Exception):  # already broken
                    conn.close()

    def _add(self, tables: set[str]) -> None:
        if tables:
            with self._guard:
                self._pending |= tables
