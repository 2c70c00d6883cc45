"""Qt's own strings (standard buttons, context menus, file and print dialogs) in the
program's language.

Nynorsk uses the ``qtbase_nn.qm`` that PySide6 ships, with our small override
catalog ``i18n/qt/qtbase_nn_overrides.qm`` on top (the e-infinitive the rest of the
program writes: "Angre", "Lagre", "Opne"). PySide6 ships no Bokmål, so Bokmål
uses our own ``i18n/qt/qtbase_nb.qm``. English needs no translator.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from stad_desktop import paths

# The translators installed now; kept referenced so Python does not free them.
_installed: list[QTranslator] = []


def qt_catalogs(lang: str) -> list[Path]:
    """The .qm files for ``lang`` in install order (later ones take precedence)."""
    ours = paths.i18n_dir() / "qt"
    if lang == "nn":
        shipped = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        return [shipped / "qtbase_nn.qm", ours / "qtbase_nn_overrides.qm"]
    if lang == "nb":
        return [ours / "qtbase_nb.qm"]
    return []


def install_qt_translators(lang: str) -> list[Path]:
    """Replace the installed Qt translators with those for ``lang``; return the
    files that loaded. A missing file is skipped (Qt then shows English)."""
    app = QCoreApplication.instance()
    if app is None:
        return []
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    loaded: list[Path] = []
    for path in qt_catalogs(lang):
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path)
    return loaded
