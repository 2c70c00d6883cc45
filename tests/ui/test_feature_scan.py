"""Start-up spares PySide6's scan of each imported module's source (ui.feature_scan)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from stad_desktop.ui.feature_scan import skip_feature_scan

PACKAGE = Path(__file__).resolve().parents[2] / "stad_desktop"


def test_a_module_imported_after_qt_is_not_read_for_features(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import PySide6.QtCore  # noqa: F401  (the hook comes with PySide6)

    assert skip_feature_scan()
    module_file = tmp_path / "imported_after_qt.py"
    module_file.write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    try:
        # An import statement (``builtins.__import__``, which PySide6 replaces).
        assert __import__("imported_after_qt").VALUE == 1
        # PySide6's scan reads the source through linecache; skipped, nothing is read.
        assert str(module_file) not in linecache.cache
    finally:
        sys.modules.pop("imported_after_qt", None)


def test_no_module_selects_a_pyside_feature() -> None:
    """What makes skipping the scan safe: no module selects a ``__feature__``."""
    users = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "__feature__" in path.read_text(encoding="utf-8") and path.name != "feature_scan.py"
    ]
    assert users == []
