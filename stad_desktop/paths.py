"""The one place that finds resources, catalogs, migrations and the user's folders.

Works the same in a source checkout, an installed wheel (files under
``stad_desktop/_resources`` and ``stad_desktop/_i18n``) and a PyInstaller bundle
(``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "StadDesktop"
APP_AUTHOR = "Stad"
DB_ENV = "STAD_DESKTOP_DB"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundle_root() -> Path | None:
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if meipass else None


def _find(dirname: str, packaged: str) -> Path:
    bundle = _bundle_root()
    candidates = []
    if bundle is not None:
        candidates += [bundle / dirname, bundle / "stad_desktop" / packaged]
    candidates += [_PACKAGE_DIR / packaged, _PACKAGE_DIR.parent / dirname]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resources_dir() -> Path:
    return _find("resources", "_resources")


def i18n_dir() -> Path:
    """Folder with ``<lang>/LC_MESSAGES/stad_desktop.mo`` and ``qt/``."""
    return _find("i18n", "_i18n")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def migrations_dir() -> Path:
    """Alembic's folder (env.py, versions/*.py), shipped as source files in a bundle."""
    bundle = _bundle_root()
    if bundle is not None:
        bundled = bundle / "stad_desktop" / "storage" / "migrations"
        if bundled.is_dir():
            return bundled
    return _PACKAGE_DIR / "storage" / "migrations"


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def user_log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, APP_AUTHOR)


def user_lock_dir() -> Path:
    """Where this user's running copies note which database files they hold, by the
    files' identity (see ``storage.lock``): the session's runtime folder, or a
    folder of this user's own in the temporary folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime) / APP_NAME / "locks"
    if sys.platform == "win32":
        return user_data_dir() / "locks"
    import tempfile

    user = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    return Path(tempfile.gettempdir()) / f"{APP_NAME}-locks-{user}"


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``STAD_DESKTOP_DB`` is given."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return user_data_dir() / "stad.sqlite3"
