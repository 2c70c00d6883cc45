"""The pieces of the offline bundle that can be checked without building it
(`make bundle` and CI build it and run its selftest)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stad_desktop import paths

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))
sys.path.insert(0, str(ROOT))

import build_bundle  # noqa: E402

from benchmarks import bundle as bundle_benchmark  # noqa: E402


def test_migrations_are_found_in_a_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "stad_desktop" / "storage" / "migrations"
    (bundled / "versions").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.migrations_dir() == bundled


def test_migrations_in_a_checkout_are_sources() -> None:
    folder = paths.migrations_dir()
    assert (folder / "env.py").is_file()
    assert (folder / "script.py.mako").is_file()
    assert list(folder.glob("versions/*.py"))


def test_the_spec_ships_what_the_program_loads_by_path() -> None:
    spec = (ROOT / "build_scripts" / "stad-desktop.spec").read_text(encoding="utf-8")
    for needle in ('"resources"', "LC_MESSAGES", "i18n/qt", "storage/migrations", "versions"):
        assert needle in spec


def test_the_icon_renders_to_png_and_ico(tmp_path: Path) -> None:
    # In a child process: the build script makes its own QGuiApplication.
    code = (
        "import sys; sys.path.insert(0, 'build_scripts')\n"
        "from pathlib import Path\n"
        "import build_bundle\n"
        f"png, ico = build_bundle.render_icon(folder=Path({str(tmp_path)!r}))\n"
        "print(png, ico)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    from PIL import Image

    with Image.open(tmp_path / "stad-desktop.png") as png:
        assert png.size == (256, 256)
        assert png.getpixel((128, 40))[3] == 255  # opaque inside the rounded square
        assert png.getpixel((1, 1))[3] == 0  # transparent corner
    with Image.open(tmp_path / "stad-desktop.ico") as ico:
        assert {(16, 16), (32, 32), (256, 256)} <= set(ico.info["sizes"])


def test_folder_size_counts_like_du(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 500)
    size = build_bundle.folder_size(tmp_path)
    assert size >= 1500
    assert size == bundle_benchmark.folder_size(tmp_path)


def test_benchmark_results_are_merged(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"startup": {"ms": 900}, "bundle": {"old": 1}}))
    bundle_benchmark.save({"bundle_size_bytes": 123}, results)
    assert json.loads(results.read_text()) == {
        "startup": {"ms": 900},
        "bundle": {"bundle_size_bytes": 123},
    }
