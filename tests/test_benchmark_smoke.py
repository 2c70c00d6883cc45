"""The benchmark runs end to end at a tiny scale (no timing asserted), so the
benchmark scripts never rot: every figure is produced and results.json is merged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = {
    "startup_example_frame_ratio",
    "startup_example_first_view_ratio",
    "startup_example_input_ratio",
    "startup_example_ready_ratio",
    "startup_scale0.02_frame_ratio",
    "startup_scale0.02_first_view_ratio",
    "startup_scale0.02_input_ratio",
    "startup_scale0.02_ready_ratio",
    "ui_view_actors",
    "ui_view_projects",
    "ui_view_role_matrix",
    "ui_view_effect_log",
    "ui_role_matrix_largest",
    "ui_portfolio_matrix",
    "ui_effect_log_most_measured",
    "ui_search_keystroke_max",
    "ui_sort_actors_name",
    "ui_sort_actors_project_count",
    "report_project_summary_pdf",
    "report_portfolio_pdf",
    "memory_peak_every_view",
    "integrity_scale0.02_quick_check",
    "integrity_scale0.02_full_check",
    "travel_take",
    "travel_bring_home",
    "import_actors",
}


def test_benchmark_smoke(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    output.write_text(json.dumps({"bundle": {"kept": True}}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--scale",
            "0.02",
            "--runs",
            "1",
            "--data-dir",
            str(tmp_path / "data"),
            "--output",
            str(output),
            "--integrity",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["bundle"] == {"kept": True}
    figures = data["performance"]["figures"]
    assert set(figures) >= EXPECTED
    for name, figure in figures.items():
        assert isinstance(figure["value"], int | float) and figure["value"] > 0, name
        assert figure["unit"] in {"ms", "s", "x", "MB"}
        assert name in done.stdout
    assert (tmp_path / "data" / "scale-0.02.sqlite3").exists()
