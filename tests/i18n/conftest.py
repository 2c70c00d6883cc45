"""Catalogs are compiled before the language tests run (as ``make test`` does)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"


def _compile() -> None:
    sys.path.insert(0, str(ROOT / "build_scripts"))
    try:
        import catalogs

        catalogs.compile_catalogs()
    finally:
        sys.path.pop(0)
    from stad_desktop import language

    language._catalog.cache_clear()


_compile()


@pytest.fixture
def english_qt_afterwards() -> Iterator[None]:
    """Tests that install Qt translators leave Qt in English, and the default
    QLocale as it was, for the next test."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    yield
    from stad_desktop.ui.qt_i18n import install_qt_translators

    install_qt_translators("en")
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """The remembered language and window state go to the test's own folder."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "qsettings"
    folder.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield
