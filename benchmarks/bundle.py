"""Bundle figures: size of dist/stad-desktop/ and the time from start to ``selftest ok``
for the bundle and for the checkout (median of 3 runs each, offscreen Qt).

    python benchmarks/bundle.py [--runs 3] [--bundle dist/stad-desktop]

Prints one line per figure and stores them in benchmarks/results.json under
"bundle" (other keys in the file are kept). Build the bundle first: ``make bundle``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.json"
OK_LINE = "selftest ok"


def folder_size(folder: Path) -> int:
    """Bytes in the folder, counted like ``du -sb`` (apparent sizes, links not followed)."""
    total = folder.lstat().st_size
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            total += (Path(dirpath) / name).lstat().st_size
    return total


def bundle_executable(folder: Path) -> Path:
    return folder / ("stad-desktop.exe" if sys.platform == "win32" else "stad-desktop")


def time_to_ok(command: list[str]) -> float:
    """Seconds from starting ``command`` to the ``selftest ok`` line on its stdout."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == OK_LINE:
                seconds = time.perf_counter() - started
                process.communicate(timeout=120)
                return seconds
        _, errors = process.communicate(timeout=120)
    raise RuntimeError(f"{command[0]} selftest failed:\n{errors}")


def median_time(command: list[str], runs: int) -> float:
    return statistics.median(time_to_ok(command) for _ in range(runs))


def save(figures: dict[str, Any], path: Path = RESULTS) -> None:
    """Merge ``figures`` into the results file under "bundle"."""
    data: dict[str, Any] = {}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            data = loaded
    data["bundle"] = figures
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "stad-desktop")
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {"runs": args.runs}
    executable = bundle_executable(args.bundle)
    if executable.is_file():
        size = folder_size(args.bundle)
        figures["bundle_size_bytes"] = size
        print(f"bundle_size: {size / 1e6:.1f} MB ({size} bytes)")
        seconds = median_time([str(executable), "selftest"], args.runs)
        figures["bundle_selftest_s"] = round(seconds, 3)
        print(f"bundle_selftest: {seconds:.2f} s (median of {args.runs})")
    else:
        print(f"bundle: not built ({executable} missing; run `make bundle`)", file=sys.stderr)
    seconds = median_time([sys.executable, "-m", "stad_desktop", "selftest"], args.runs)
    figures["checkout_selftest_s"] = round(seconds, 3)
    print(f"checkout_selftest: {seconds:.2f} s (median of {args.runs})")
    save(figures)
    return 0 if executable.is_file() else 1


if __name__ == "__main__":
    sys.exit(main())
