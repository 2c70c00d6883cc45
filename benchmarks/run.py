"""The performance benchmark: start-up, views, search, sort, printouts and memory.

    QT_QPA_PLATFORM=offscreen python benchmarks/run.py [--scale 1] [--runs 5]
    python benchmarks/run.py --scale 10 --only integrity   # just the whole-file check
    python benchmarks/run.py --scale 10 --engine postgresql  # the same on PostgreSQL
    python benchmarks/run.py --table   # each figure at every scale measured, per engine

Start-up is measured against a bare PySide6 program (``bare_window.py``) run side
by side (reference and program alternate), so the figures are ratios and hold on
a busy machine. The one that counts is the time to input: the whole process, from
its start until its window takes input (``input_ms`` of ``stad-desktop
--exit-after-startup``: the frame is painted and the event loop free; input given
before the first view is there is kept for it, see ``ui/type_ahead.py``), over the
bare window's first paint. Beside it: the time until the first view, shown over
the services, acts on input at once (``ready_ms``), and until its data is painted.
View, search and sort timings, the printouts, the peak memory and (with
``--integrity``) the cost of the check of every page made before a database is
opened for writing each come from fresh child processes (``session.py``) on the
scale-N database, which is generated once into ``--data-dir`` and reused.
``--only PART`` measures just that part (repeatable). Prints one line per figure
and merges the figures into ``--output`` (other top-level keys are kept): the last
run under ``performance``, and every run's figures under ``performance_by_scale``
(engine, then scale), each figure with its scale and engine.

``--engine postgresql`` measures the same on a PostgreSQL server the benchmark
starts itself (``benchmarks/bench_server.py``): the example and scale-N data are copied onto
it from the SQLite files once, and the program is started with the server's
address. The whole-file check, travel copies and the import are SQLite's only.

The targets of issue 20 (a county's register) apply from scale 5 on: the views,
search and sort as at scale 1, the portfolio PDF under 5 s, the peak memory under
400 MB, and the time to input at scale N at most 10 % over the example data's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULT_KEY = "performance"
BY_SCALE_KEY = "performance_by_scale"

# Targets (this machine kind, 2 cores).
FRAME_RATIO = 1.5
INPUT_RATIO_EXAMPLE = 4.0  # time to input on the example data (goal beyond: 3.0)
VIEW_MS = 150.0
KEYSTROKE_MS = 50.0
SORT_MS = 100.0
SUMMARY_PDF_S = 0.5
PORTFOLIO_PDF_S = 3.0
PEAK_MB = 300.0
# From scale 5 on (a county's register).
LARGE_SCALE = 5.0
PORTFOLIO_PDF_LARGE_S = 5.0
PEAK_LARGE_MB = 400.0
READY_GROWTH = 1.10  # time to input at scale N over the example data's
ENGINES = ("sqlite", "postgresql")
SQLITE_ONLY = ("integrity", "travel", "import")

PARTS = ("startup", "ui", "reports", "memory", "integrity", "travel", "import")
TRAVEL_TAKE_S = 5.0
TRAVEL_BRING_HOME_S = 10.0
IMPORT_ROWS = 50000  # at scale 1 (fewer, at least 200, below it)
IMPORT_S = 30.0


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: float | None  # None: shown for information
    detail: str = ""

    @property
    def ok(self) -> bool | None:
        """Ratios are "at most" the target, times and sizes "under" it."""
        if self.target is None:
            return None
        return self.value <= self.target if self.unit == "x" else self.value < self.target

    def line(self) -> str:
        target = "-" if self.target is None else f"< {self.target:g}"
        if self.unit == "x" and self.target is not None:
            target = f"<= {self.target:g}"
        verdict = {True: "ok", False: "MISSED", None: "info"}[self.ok]
        text = f"{self.name:<34} {self.value:>10.3f} {self.unit:<3} {target:<9} {verdict}"
        return text + (f"  ({self.detail})" if self.detail else "")


def child_env(config_dir: Path, pycache: Path) -> dict[str, str]:
    """Offscreen Qt and a settings folder of our own (the first view is the default).

    Bytecode is cached (in ``pycache``, outside the source tree) as in an installed
    program: with PYTHONDONTWRITEBYTECODE every start would compile our modules again.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["XDG_CONFIG_HOME"] = str(config_dir / "config")
    env["XDG_DATA_HOME"] = str(config_dir / "data")
    env["XDG_STATE_HOME"] = str(config_dir / "state")
    env["XDG_CACHE_HOME"] = str(config_dir / "cache")
    env.pop("STAD_DESKTOP_DB", None)
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 600) -> str:
    done = subprocess.run(
        cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def keyed(output: str) -> dict[str, int]:
    values = {}
    for line in output.splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and value.lstrip("-").isdigit():
            values[key] = int(value)
    return values


# --- databases -------------------------------------------------------------------------
def example_db(data_dir: Path, env: dict[str, str]) -> Path:
    path = data_dir / "example.sqlite3"
    if not path.exists():
        partial = data_dir / "example.partial.sqlite3"
        partial.unlink(missing_ok=True)
        run([sys.executable, "-m", "stad_desktop", "demo", "--db", str(partial)], env)
        partial.rename(path)
    return path


def scale_db(data_dir: Path, scale: float, env: dict[str, str]) -> Path:
    path = data_dir / f"scale-{scale:g}.sqlite3"
    if not path.exists():
        partial = path.with_name(path.name + ".partial")
        for stale in (partial, partial.with_name(partial.name + "-wal")):
            stale.unlink(missing_ok=True)
        script = str(HERE / "generate.py")
        run([sys.executable, script, "--db", str(partial), "--scale", f"{scale:g}"], env)
        for suffix in ("-wal", "-shm"):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


# --- start-up --------------------------------------------------------------------------
def startup(
    label: str, db: str, runs: int, env: dict[str, str], target: float | None
) -> list[Figure]:
    """Frame, first view and time to input (``target``: the most for its ratio)."""
    bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
    program_cmd = [
        sys.executable,
        "-m",
        "stad_desktop",
        "--db",
        db,
        "--no-crash-dialog",
        "--exit-after-startup",
    ]
    # One untimed round first: file caches, and the start-up backup of a changed file.
    run(bare_cmd, env)
    run(program_cmd, env)
    bare, frame, taken, first, ready = [], [], [], [], []
    for _ in range(runs):
        bare.append(keyed(run(bare_cmd, env))["frame_ms"])
        times = keyed(run(program_cmd, env))
        if min(times.get(key, -1) for key in ("input_ms", "startup_ms", "ready_ms")) < 0:
            raise RuntimeError(f"no first view painted on {db}")
        frame.append(times["frame_ms"])
        taken.append(times["input_ms"])
        first.append(times["startup_ms"])
        ready.append(times["ready_ms"])

    def ratio(values: list[int]) -> float:
        return round(statistics.median(v / b for v, b in zip(values, bare, strict=True)), 2)

    detail = f"median of {runs} pairs"
    return [
        Figure(f"startup_{label}_bare_frame", statistics.median(bare), "ms", None),
        Figure(f"startup_{label}_frame", statistics.median(frame), "ms", None),
        Figure(f"startup_{label}_frame_ratio", ratio(frame), "x", FRAME_RATIO, detail),
        Figure(f"startup_{label}_input", statistics.median(taken), "ms", None),
        Figure(
            f"startup_{label}_input_ratio",
            ratio(taken),
            "x",
            target,
            f"time to input (kept for the first view), whole process / bare window, {detail}",
        ),
        Figure(f"startup_{label}_ready", statistics.median(ready), "ms", None),
        Figure(
            f"startup_{label}_ready_ratio",
            ratio(ready),
            "x",
            None,
            f"time until the first view acts on input at once, {detail}",
        ),
        Figure(f"startup_{label}_first_view", statistics.median(first), "ms", None),
        Figure(f"startup_{label}_first_view_ratio", ratio(first), "x", None, detail),
    ]


# --- sessions in child processes ----------------------------------------------------------
def session(mode: str, db: str, env: dict[str, str], runs: int = 1) -> tuple[dict[str, Any], int]:
    """Run ``session.py`` and return its JSON and the child's peak RSS in kB."""
    cmd = [sys.executable, str(HERE / "session.py"), mode, "--db", db, "--runs", str(runs)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=err, text=True)
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        raise RuntimeError(f"session {mode} failed ({child.returncode}):\n{stdout}\n{stderr}")
    return json.loads(stdout.strip().splitlines()[-1]), int(usage.ru_maxrss)


def ui_figures(db: str, runs: int, env: dict[str, str]) -> tuple[list[Figure], dict[str, Any]]:
    results = [session("ui", db, env)[0] for _ in range(runs)]
    names = list(results[0]["figures"])
    median = {name: statistics.median(r["figures"][name] for r in results) for name in names}
    figures = []
    for name in names:
        if name.startswith("search_"):
            target = KEYSTROKE_MS
        elif name.startswith("sort_"):
            target = SORT_MS
        else:
            target = VIEW_MS
        figures.append(Figure(f"ui_{name}", round(median[name], 1), "ms", target))
    extra = {k: v for k, v in results[-1].items() if k != "figures"}
    return figures, extra


def report_figures(db: str, runs: int, env: dict[str, str], scale: float) -> list[Figure]:
    result, _rss = session("reports", db, env, runs)
    values = result["figures"]
    out = []
    for name, target in (
        ("project_summary_pdf", SUMMARY_PDF_S),
        ("portfolio_pdf", PORTFOLIO_PDF_LARGE_S if scale >= LARGE_SCALE else PORTFOLIO_PDF_S),
    ):
        detail = f"median of {runs}, {values[name + '_bytes']} bytes"
        out.append(Figure(f"report_{name}", values[name], "s", target, detail))
        out.append(
            Figure(f"report_{name}_first", values[name + "_first"], "s", None, "includes ReportLab")
        )
    return out


def integrity_figures(db: Path, label: str, runs: int, env: dict[str, str]) -> list[Figure]:
    """What the check of every page costs before a database is opened for writing
    (the window does it on a worker thread while it is built; the commands wait)."""
    values = session("integrity", str(db), env, runs)[0]["figures"]
    size = f"{values['megabytes']:g} MB file"
    return [
        Figure(f"integrity_{label}_quick_check", values["quick_check"], "ms", None, size),
        Figure(
            f"integrity_{label}_quick_check_first",
            values["quick_check_first"],
            "ms",
            None,
            "first run: file possibly not yet in the OS cache",
        ),
        Figure(
            f"integrity_{label}_full_check",
            values["integrity_check"],
            "ms",
            None,
            "integrity_check, as run by stad-desktop check",
        ),
    ]


def memory_figure(db: str, runs: int, env: dict[str, str], scale: float) -> Figure:
    peaks = [session("views", db, env)[1] / 1024 for _ in range(max(1, min(runs, 3)))]
    target = PEAK_LARGE_MB if scale >= LARGE_SCALE else PEAK_MB
    return Figure("memory_peak_every_view", round(max(peaks), 1), "MB", target, "ru_maxrss")


def growth_figure(label: str, figures: list[Figure]) -> Figure:
    """The time until the first view acts on input at scale N over the example
    data's (both as ratios to the bare window measured beside them)."""
    by_name = {f.name: f.value for f in figures}
    growth = by_name[f"startup_{label}_ready_ratio"] / by_name["startup_example_ready_ratio"]
    return Figure(
        f"startup_{label}_ready_growth",
        round(growth, 2),
        "x",
        READY_GROWTH,
        "first view acting on input at this scale over the example data's",
    )


def travel_figures(db: Path, env: dict[str, str], changes: int = 500) -> list[Figure]:
    """Taking a travel copy and bringing it home with ``changes`` changes on each side."""
    cmd = [sys.executable, str(HERE / "travel.py"), "--db", str(db), "--changes", str(changes)]
    values = json.loads(run(cmd, env).strip().splitlines()[-1])
    detail = (
        f"{changes} changes on each side: {values['added']} added, {values['changed']} changed, "
        f"{values['merged']} merged, {values['conflicts']} conflicts"
    )
    return [
        Figure("travel_take", values["take"], "s", TRAVEL_TAKE_S, f"{values['copy_megabytes']} MB"),
        Figure("travel_dry_run", values["dry_run"], "s", None, detail),
        Figure("travel_bring_home", values["bring_home"], "s", TRAVEL_BRING_HOME_S, detail),
    ]


def import_figures(scale: float, env: dict[str, str]) -> list[Figure]:
    """Importing an actors sheet of IMPORT_ROWS rows (XLSX, one contact each) into
    a new database: read, checked, matched and stored."""
    rows = max(200, round(IMPORT_ROWS * min(scale, 1.0)))
    cmd = [sys.executable, str(HERE / "import_actors.py"), "--rows", str(rows)]
    values = json.loads(run(cmd, env).strip().splitlines()[-1])
    detail = (
        f"{values['rows']} rows, {values['megabytes']} MB XLSX: read and checked "
        f"{values['read']} s, stored {values['store']} s"
    )
    target = IMPORT_S if rows >= IMPORT_ROWS else None
    return [Figure("import_actors", values["total"], "s", target, detail)]


# --- results ------------------------------------------------------------------------------
def read_results(path: Path) -> dict[str, Any]:
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            return loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            return {}
    return {}


def write_results(path: Path, figures: list[Figure], meta: dict[str, Any]) -> None:
    """The run under RESULT_KEY, and its figures merged into BY_SCALE_KEY (engine,
    scale, figure: a figure measured again replaces the one before)."""
    data = read_results(path)
    scale, engine = meta["scale"], meta["engine"]
    measured = {
        f.name: {
            **{k: v for k, v in asdict(f).items() if k != "name"},
            "ok": f.ok,
            "scale": scale,
            "engine": engine,
        }
        for f in figures
    }
    data[RESULT_KEY] = {**meta, "figures": measured}
    by_scale = data.setdefault(BY_SCALE_KEY, {})
    kept = by_scale.setdefault(engine, {}).setdefault(f"{scale:g}", {})
    kept.setdefault("figures", {}).update(measured)
    kept["date"] = meta["date"]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    temporary.replace(path)


def print_table(path: Path) -> None:
    """Each figure at every scale measured, one table per engine (from ``path``)."""
    by_scale = read_results(path).get(BY_SCALE_KEY, {})
    for engine, scales in by_scale.items():
        order = sorted(scales, key=float)
        names: list[str] = []
        for scale in order:
            for name in scales[scale]["figures"]:
                generic = name.replace(f"scale{scale}", "scaleN")
                if generic not in names:
                    names.append(generic)
        print(f"\n{engine}")
        print(f"{'figure':<38}" + "".join(f"{'scale ' + scale:>14}" for scale in order))
        for name in names:
            cells = []
            for scale in order:
                figure = scales[scale]["figures"].get(name.replace("scaleN", f"scale{scale}"))
                if figure is None:
                    cells.append(f"{'-':>14}")
                    continue
                mark = "" if figure["ok"] is not False else "!"
                cells.append(f"{figure['value']:>10g} {figure['unit']:<2}{mark:1}")
            print(f"{name:<38}" + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5, help="pairs / repetitions (median)")
    parser.add_argument("--data-dir", type=Path, default=HERE / "data")
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    parser.add_argument(
        "--integrity", action="store_true", help="also time the whole-file check (quick_check)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        help="measure only this part (repeatable); the default is all but integrity",
    )
    parser.add_argument("--engine", choices=ENGINES, default="sqlite")
    parser.add_argument(
        "--table", action="store_true", help="print the figures of every scale measured and stop"
    )
    args = parser.parse_args(argv)
    if args.table:
        print_table(args.output)
        return 0
    parts = set(args.only or [p for p in PARTS if p != "integrity" or args.integrity])
    if args.engine != "sqlite":
        parts -= set(SQLITE_ONLY)
    runs = max(1, args.runs)
    started = time.perf_counter()
    args.data_dir.mkdir(parents=True, exist_ok=True)
    figures: list[Figure] = []

    def show(new: list[Figure]) -> None:
        for figure in new:
            print(figure.line(), flush=True)
        figures.extend(new)

    server = None
    with tempfile.TemporaryDirectory(prefix="stad-bench-") as folder:
        env = child_env(Path(folder), args.data_dir / "pycache")
        scaled_file = scale_db(args.data_dir, args.scale, env)
        scaled, example = str(scaled_file), ""
        label = f"scale{args.scale:g}"
        extra: dict[str, Any] = {}
        try:
            if args.engine == "postgresql":
                from bench_server import server_copy, start_server

                server = start_server(args.data_dir)
                scaled = server_copy(server, scaled_file, label.replace(".", "_"))
                if "startup" in parts:
                    example = server_copy(server, example_db(args.data_dir, env), "example")
            elif "startup" in parts:
                example = str(example_db(args.data_dir, env))
            if "startup" in parts:
                show(startup("example", example, runs, env, INPUT_RATIO_EXAMPLE))
                show(startup(label, scaled, runs, env, None))
                show([growth_figure(label, figures)])
            if "ui" in parts:
                ui, extra = ui_figures(scaled, min(runs, 3), env)
                show(ui)
            if "reports" in parts:
                show(report_figures(scaled, min(runs, 3), env, args.scale))
            if "memory" in parts:
                show([memory_figure(scaled, runs, env, args.scale)])
        finally:
            if server is not None:
                server.stop()
        if "integrity" in parts:
            show(integrity_figures(scaled_file, label, runs, env))
        if "travel" in parts:
            show(travel_figures(scaled_file, env))
        if "import" in parts:
            show(import_figures(args.scale, env))

    missed = [f.name for f in figures if f.ok is False]
    meta = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "scale": args.scale,
        "engine": args.engine,
        "runs": runs,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average": list(os.getloadavg()),
        "seconds": round(time.perf_counter() - started, 1),
        "search": extra,
        "missed": missed,
    }
    write_results(args.output, figures, meta)
    print(f"{len(figures)} figures, {len(missed)} missed; written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
