"""PyInstaller hook (overrides PyInstaller's own): Babel's data for nn, nb and en only.

PyInstaller's hook collects every locale (~35 MB). Babel resolves nn_NO, nb_NO and
en_GB through their parents (nn -> no -> root, en_GB -> en_001 -> en -> root), and
needs global.dat for everything.
"""

from pathlib import Path

import babel

LOCALES = (
    "root", "no", "no_NO", "nn", "nn_NO", "nb", "nb_NO",
    "en", "en_001", "en_150", "en_GB", "en_US", "en_US_POSIX",
)  # fmt: skip

_folder = Path(babel.__file__).parent
datas = [(str(_folder / "global.dat"), "babel")]
datas += [
    (str(_folder / "locale-data" / f"{locale}.dat"), "babel/locale-data")
    for locale in LOCALES
    if (_folder / "locale-data" / f"{locale}.dat").is_file()
]
hiddenimports = ["babel.dates", "babel.localedata", "babel.numbers", "babel.plural"]
