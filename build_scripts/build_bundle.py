"""Build the offline bundle ``dist/stad-desktop/`` (PyInstaller, one folder).

Usage: python build_scripts/build_bundle.py [--clean] [--max-mb N]

Steps: compile the translation catalogs, render the application icon from
``resources/icons/stad-desktop.svg`` to PNG and ICO (Qt's SVG renderer, Pillow
for the ICO), run PyInstaller with ``build_scripts/stad-desktop.spec``, and print
the size of the folder. Try the result with ``dist/stad-desktop/stad-desktop selftest``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_scripts" / "stad-desktop.spec"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
BUNDLE = DIST / "stad-desktop"
ICON_SVG = ROOT / "resources" / "icons" / "stad-desktop.svg"
ICON_DIR = BUILD / "icon"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def compile_catalogs() -> None:
    sys.path.insert(0, str(ROOT / "build_scripts"))
    try:
        import catalogs

        catalogs.compile_catalogs()
    finally:
        sys.path.pop(0)


def render_icon(svg: Path = ICON_SVG, folder: Path = ICON_DIR) -> tuple[Path, Path]:
    """Render the SVG icon to ``stad-desktop.png`` (256 px) and a multi-size ``.ico``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build_bundle: cannot read the icon {svg}")
    folder.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, Path] = {}
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        pngs[size] = folder / f"stad-desktop-{size}.png"
        if not image.save(str(pngs[size])):
            raise SystemExit(f"build_bundle: cannot write {pngs[size]}")
    png = folder / "stad-desktop.png"
    png.write_bytes(pngs[256].read_bytes())
    ico = folder / "stad-desktop.ico"
    largest = Image.open(pngs[256])
    others = [Image.open(pngs[size]) for size in ICON_SIZES[:-1]]
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICON_SIZES], append_images=others)
    return png, ico


def folder_size(folder: Path) -> int:
    """Bytes in the folder, counted like ``du -sb`` (apparent sizes, links not followed)."""
    total = folder.lstat().st_size
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            total += (Path(dirpath) / name).lstat().st_size
    return total


def run_pyinstaller(clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
    ]
    if clean:
        command.append("--clean")
    subprocess.run([*command, str(SPEC)], check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline bundle dist/stad-desktop/.")
    parser.add_argument("--clean", action="store_true", help="rebuild without PyInstaller's cache")
    parser.add_argument("--max-mb", type=float, help="fail if the folder is larger (MB = 10^6 B)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    compile_catalogs()
    render_icon()
    run_pyinstaller(args.clean)
    size = folder_size(BUNDLE)
    print(
        f"build_bundle: {BUNDLE.relative_to(ROOT)} is {size / 1e6:.1f} MB "
        f"({size} bytes), built in {time.perf_counter() - started:.0f} s"
    )
    if args.max_mb is not None and size > args.max_mb * 1e6:
        print(f"build_bundle: larger than {args.max_mb:g} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
