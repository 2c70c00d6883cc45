"""Qt's own strings (standard buttons, context menus, file and print dialogs) and
Qt's locale (a date picker's month and day names) in the program's language.

Nynorsk uses the ``qtbase_nn.qm`` that PySide6 ships, with our small override
catalog ``i18n/qt/qtbase_nn_overrides.qm`` on top (the e-infinitive the rest of the
program writes: "Angre", "Lagre", "Opne"). PySide6 ships no Bokmål, so Bokmål
uses our own ``i18n/qt/qtbase_nb.qm``. English needs no translator.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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


def qt_locale(lang: str) -> QLocale:
    """The QLocale for ``lang``: Norwegian Nynorsk or Bokmål in Norway; English as
    written in the United Kingdom (Monday first, day before month)."""
    if lang == "nn":
        return QLocale(QLocale.Language.NorwegianNynorsk, QLocale.Country.Norway)
    if lang == "nb":
        return QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install_qt_translators(lang: str) -> list[Path]:
    """Replace the installed Qt translators with those for ``lang``; return the
    files that loaded. A missing file is skipped (Qt then shows English).

    Also makes ``lang``'s QLocale the default, so that what Qt formats itself
    (the month and day names of a date picker's calendar) follows the program's
    language rather than the computer's. Widgets made before keep theirs; the
    date pickers are in dialogs, made anew each time. Our own numbers and dates are
    formatted and read by :mod:`stad_desktop.language`, never through QLocale."""
    QLocale.setDefault(qt_locale(lang))
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
