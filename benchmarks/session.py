"""One benchmark session in its own process (started by ``benchmarks/run.py``).

    python benchmarks/session.py ui --db PATH       # view, search and sort timings (JSON)
    python benchmarks/session.py views --db PATH    # open every view, then exit (memory)
    python benchmarks/session.py reports --db PATH  # the two PDFs (JSON)
    python benchmarks/session.py integrity --db PATH  # the whole-file checks (JSON)

``--db`` takes a file's path or a server's address (``postgresql+psycopg://…``;
not for ``integrity``).

The main window is built the way ``stad-desktop`` builds it (frame, then the
services attached); times are taken until the table or view *has painted* with its
data: after the action, events are processed until a paint event reached the
watched widget, and the clock stops once that paint pass is done.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Search typed into the actors view, one key at a time.
SEARCH_TEXT = "ørsta"
_WAIT_S = 10.0


def _url(target: str) -> str:
    """A SQLAlchemy address for ``target``: a server's address, or a file's path."""
    return target if "://" in target else f"sqlite:///{Path(target).resolve()}"


def pick_projects(target: str) -> tuple[str, str]:
    """(largest project by actors and role assignments, project with most measurements)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(_url(target))
    try:
        with engine.connect() as conn:
            largest = conn.execute(
                text(
                    "SELECT p.id FROM projects p"
                    " LEFT JOIN (SELECT project_id, count(*) n FROM project_actors"
                    " GROUP BY project_id) a ON a.project_id = p.id"
                    " LEFT JOIN (SELECT project_id, count(*) n FROM role_assignments"
                    " GROUP BY project_id) r ON r.project_id = p.id"
                    " WHERE NOT p.archived"
                    " ORDER BY coalesce(a.n, 0) DESC, coalesce(r.n, 0) DESC, p.id LIMIT 1"
                )
            ).fetchone()
            measured = conn.execute(
                text(
                    "SELECT e.project_id FROM effect_entries e"
                    " JOIN projects p ON p.id = e.project_id"
                    " WHERE e.indicator_id IS NOT NULL AND NOT p.archived"
                    " GROUP BY e.project_id ORDER BY count(*) DESC, e.project_id LIMIT 1"
                )
            ).fetchone()
    finally:
        engine.dispose()
    if largest is None:
        raise SystemExit(f"{target}: no projects")
    return str(largest[0]), str(measured[0] if measured else largest[0])


class Painter:
    """Run an action and wait until a widget (or one of its children) has painted."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.seen = False
        painter = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    painter.seen = True
                return False

        self.filter = Filter()
        self._wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        self._tick = QTimer()
        self._tick.start(100)

    def time_ms(
        self, action: Callable[[], object], widget: Any, ready: Callable[[], bool] | None = None
    ) -> float:
        """Milliseconds from calling ``action`` until ``widget`` painted after
        ``ready()`` became true (e.g. the model was reset)."""
        from PySide6.QtWidgets import QWidget

        watched = [widget, *widget.findChildren(QWidget)]
        for item in watched:
            item.installEventFilter(self.filter)
        self.seen = False
        started = time.perf_counter()
        try:
            action()
            deadline = started + _WAIT_S
            while True:
                is_ready = ready is None or ready()
                if is_ready and self.seen:
                    break
                if not is_ready:
                    self.seen = False  # a paint before the data arrived does not count
                if time.perf_counter() > deadline:
                    raise RuntimeError("no paint within the time limit")
                if is_ready:
                    self.app.processEvents()
                else:
                    # Waiting for a worker thread: idle in the event loop as the program
                    # does (it blocks there and leaves the worker the interpreter),
                    # woken by the result, or by the timer to look at the deadline.
                    self.app.processEvents(self._wait)
            return (time.perf_counter() - started) * 1000
        finally:
            for item in watched:
                item.removeEventFilter(self.filter)


def Resets(model: Any) -> Any:
    """Counts the model's resets."""
    from PySide6.QtCore import QObject, Slot

    class _Resets(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            model.modelReset.connect(self.reset)

        @Slot()
        def reset(self) -> None:
            self.count += 1

    return _Resets()


def _window(db_path: str) -> tuple[Any, Any, Painter]:
    from PySide6.QtWidgets import QApplication

    from stad_desktop.services import Services
    from stad_desktop.storage import open_database
    from stad_desktop.storage.server import CONNECTIONS_KEPT
    from stad_desktop.ui.main_window import MainWindow
    from stad_desktop.ui.settings import APPLICATION, ORGANISATION

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    window = MainWindow(Path(db_path).name if "://" not in db_path else db_path)
    window.resize(1180, 740)
    window.show()
    app.processEvents()
    db = open_database(db_path)
    # As services.opening opens a server's database for the window (a file: nothing).
    db.prepare_connections(CONNECTIONS_KEPT)
    services = Services(db)
    window.attach(services)
    gc.freeze()  # as stad_desktop.ui.app.run_gui does after attaching
    painter = Painter()
    # Until the first view is painted with its data: a view timed while the first
    # view still reads on its worker thread would share the machine with it.
    first = window.stack.currentWidget()
    painter.time_ms(lambda: None, window, partial(_read, first))
    return window, services, painter


def _read(view: Any) -> bool:
    """The view's data is in (not still read on a worker thread)."""
    return not view.is_loading()


def _rounded(values: dict[str, float]) -> dict[str, float]:
    return {key: round(value, 1) for key, value in values.items()}


def ui_session(db_path: str, open_only: bool = False) -> dict[str, Any]:
    window, services, painter = _window(db_path)
    out: dict[str, float] = {}
    try:
        keys = [spec.key for spec in window.specs]
        for index, key in enumerate(keys):
            # Switch from another view; the view re-reads its data as on first opening
            # (a view already shown once would otherwise only repaint).
            window.show_view(keys[index - 1] if index else keys[-1])
            painter.time_ms(lambda: None, window.stack)
            view = window.views[key]
            view.mark_stale()
            # Until painted with its data (the home page reads it on a worker thread).
            out[f"view_{key}"] = painter.time_ms(
                partial(window.show_view, key), window.stack, partial(_read, view)
            )
        # Picked after the views are timed: its queries read whole tables, which
        # would push what the views read out of a server's cache first.
        largest, most_measured = pick_projects(db_path)
        window.show_view("actors")
        painter.time_ms(lambda: None, window.stack)
        out["role_matrix_largest"] = painter.time_ms(
            lambda: window.open_project("role_matrix", largest), window.stack
        )
        matrix_view = window.views["role_matrix"]
        out["portfolio_matrix"] = painter.time_ms(
            lambda: matrix_view.tabs.setCurrentIndex(1), matrix_view.portfolio
        )
        matrix_view.tabs.setCurrentIndex(0)
        window.show_view("actors")
        painter.time_ms(lambda: None, window.stack)
        out["effect_log_most_measured"] = painter.time_ms(
            lambda: window.open_project("effect_log", most_measured), window.stack
        )
        if open_only:
            return {"figures": _rounded(out)}

        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        window.show_view("actors")
        painter.time_ms(lambda: None, window.stack)
        view = window.views["actors"]
        table, model = view.table, view.model
        resets = Resets(model)

        def after_reset(action: Callable[[], object]) -> float:
            before = resets.count
            return painter.time_ms(action, table.viewport(), lambda: resets.count > before)

        view.search.setFocus()
        keystrokes = [after_reset(partial(QTest.keyClicks, view.search, ch)) for ch in SEARCH_TEXT]
        out["search_keystroke_max"] = max(keystrokes)
        out["search_keystroke_median"] = statistics.median(keystrokes)
        rows_found = model.rowCount()
        after_reset(view.search.clear)

        header = table.horizontalHeader()
        for column, spec in enumerate(model.columns):
            if not spec.key:
                continue
            x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
            point = QPoint(x, header.height() // 2)
            out[f"sort_actors_{spec.key}"] = after_reset(
                partial(QTest.mouseClick, header.viewport(), Qt.MouseButton.LeftButton, pos=point)
            )
        return {
            "figures": _rounded(out),
            "keystrokes_ms": [round(k, 1) for k in keystrokes],
            "search_text": SEARCH_TEXT,
            "search_rows": rows_found,
            "actor_rows": services.counts().actors,
        }
    finally:
        window.close()
        services.db.close()


def reports_session(db_path: str, runs: int) -> dict[str, Any]:
    largest, _measured = pick_projects(db_path)
    from stad_desktop.reports import make_portfolio, make_project_summary
    from stad_desktop.services import Services
    from stad_desktop.storage import open_database

    db = open_database(db_path)
    services = Services(db)
    out: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="stad-bench-") as folder:
            jobs: dict[str, Callable[[Path], object]] = {
                "project_summary_pdf": lambda p: make_project_summary(
                    services, largest, p, lang="nn"
                ),
                "portfolio_pdf": lambda p: make_portfolio(services, p, lang="nn"),
            }
            for name, job in jobs.items():
                times = []
                for run in range(runs + 1):  # the first includes importing ReportLab
                    target = Path(folder) / f"{name}-{run}.pdf"
                    started = time.perf_counter()
                    job(target)
                    times.append(time.perf_counter() - started)
                out[f"{name}_first"] = round(times[0], 3)
                out[name] = round(statistics.median(times[1:]), 3)
                out[f"{name}_bytes"] = target.stat().st_size
    finally:
        db.close()
    return {"figures": out}


def integrity_session(db_path: Path, runs: int) -> dict[str, Any]:
    """The check made before a database is opened for writing (``quick_check``, see
    stad_desktop/storage/integrity.py) and, for comparison, SQLite's full
    ``integrity_check`` (what ``stad-desktop check`` runs). The first check reads
    the file from disk if it is not in the operating system's cache; the median is
    of the runs after it."""
    from stad_desktop.storage.integrity import find_damage
    from stad_desktop.storage.sqlite_file import integrity_check

    times = []
    for _run in range(runs + 1):
        started = time.perf_counter()
        problem = find_damage(db_path)
        times.append(time.perf_counter() - started)
        if problem is not None:
            raise SystemExit(f"{db_path}: {problem}")
    started = time.perf_counter()
    if integrity_check(db_path):
        raise SystemExit(f"{db_path}: integrity_check failed")
    full = time.perf_counter() - started
    return {
        "figures": {
            "quick_check_first": round(times[0] * 1000, 1),
            "quick_check": round(statistics.median(times[1:]) * 1000, 1),
            "integrity_check": round(full * 1000, 1),
            "megabytes": round(db_path.stat().st_size / 2**20, 1),
        }
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("mode", choices=["ui", "views", "reports", "integrity"])
    parser.add_argument("--db", required=True, help="a file's path or a server's address")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.mode == "reports":
        result = reports_session(args.db, max(1, args.runs))
    elif args.mode == "integrity":
        result = integrity_session(Path(args.db), max(1, args.runs))
    else:
        result = ui_session(args.db, open_only=args.mode == "views")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
