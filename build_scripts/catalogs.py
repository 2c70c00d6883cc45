"""Translation catalogs: extract -> update -> compile (``make i18n``), or compile only.

Usage: python build_scripts/catalogs.py extract|update|compile|all
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
POT = I18N / "stad_desktop.pot"
LANGUAGES = ("nn", "nb", "en")
KEYWORDS = ["_", "N_", "ngettext:1,2", "plural_message:1,2", "gettext"]


def _babel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def extract() -> None:
    keywords = [arg for kw in KEYWORDS for arg in ("-k", kw)]
    _babel(
        "extract",
        "--no-default-keywords",
        *keywords,
        "--project=stad-desktop",
        "--copyright-holder=Stad Desktop",
        "--sort-by-file",
        "--no-wrap",
        "--add-comments=Translators:",
        "-o",
        str(POT),
        "stad_desktop",
    )


def update() -> None:
    for lang in LANGUAGES:
        po = I18N / lang / "LC_MESSAGES" / "stad_desktop.po"
        if po.exists():
            _babel(
                "update",
                "--no-fuzzy-matching",
                "--ignore-obsolete",
                "--no-wrap",
                "-i",
                str(POT),
                "-o",
                str(po),
                "-l",
                lang,
            )
        else:
            _babel("init", "--no-wrap", "-i", str(POT), "-o", str(po), "-l", lang)


def compile_catalogs() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for lang in LANGUAGES:
        po = I18N / lang / "LC_MESSAGES" / "stad_desktop.po"
        if not po.exists():
            continue
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
    compile_qt()


def _lrelease() -> Path | None:
    """Qt's lrelease as shipped inside the PySide6 package, if PySide6 is installed."""
    try:
        import PySide6
    except ImportError:
        return None
    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        if (folder / name).is_file():
            return folder / name
    script = Path(sys.executable).with_name("pyside6-lrelease")
    return script if script.is_file() else None


def compile_qt() -> None:
    """Compile our Qt string catalogs (``i18n/qt/*.ts``) to ``.qm`` with lrelease.

    Where PySide6 is not installed yet (the isolated environment of an editable
    install), they are left for ``make catalogs``, which runs after the install."""
    ts_files = sorted((I18N / "qt").glob("*.ts"))
    if not ts_files:
        return
    lrelease = _lrelease()
    if lrelease is None:
        print("catalogs: PySide6 not installed here; Qt catalogs not compiled", file=sys.stderr)
        return
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    action = argv[1] if len(argv) > 1 else "compile"
    if action in ("extract", "all"):
        extract()
    if action in ("update", "all"):
        update()
    if action in ("compile", "all"):
        compile_catalogs()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
