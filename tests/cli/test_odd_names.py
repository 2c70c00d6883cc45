"""A project name that cannot be stored (bytes in the wrong encoding on the command
line) is refused with one clear line and status 2, never "Unexpected error"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_project_name_in_the_wrong_encoding_is_not_found(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "stad_desktop", "report", "project", b"Kultur\xf8skule",
         "--db", str(demo_path), "--lang", "en", "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("stad-desktop: No project matches"), lines[0]
    assert not target.exists()
