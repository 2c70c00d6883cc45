"""The one place that finds resources, catalogs, migrations and the user's folders.

Works the same in a source checkout, an installed wheel (files under
``stad_desktop/_resources`` and ``stad_desktop/_i18n``) and a PyInstaller bundle
(``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

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
    """The database file used when neither ``--db`` nor ``STAD_DESKTOP_DB`` is given
    (``STAD_DESKTOP_DB`` naming a file counts; see :func:`default_database`)."""
    env = os.environ.get(DB_ENV)
    if env and not is_server_address(env):
        return Path(env)
    return user_data_dir() / "stad.sqlite3"


# --- a file or a database server ------------------------------------------------------

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_server_address(text: str | os.PathLike[str]) -> bool:
    """Whether ``text`` is a database server's address (``scheme://...``), not a file."""
    return isinstance(text, str) and _URL.match(text) is not None


@dataclass(frozen=True)
class ServerDatabase:
    """A database on a server, by its address (``postgresql+psycopg://user@host:port/db``).

    The address is kept as given; :attr:`name` is what the program shows of it. No
    password is ever shown (one in the address is refused when it is opened)."""

    url: str

    @property
    def _parts(self) -> SplitResult:
        return urlsplit(self.url)

    @property
    def scheme(self) -> str:
        return self._parts.scheme.lower()

    @property
    def has_password(self) -> bool:
        try:
            return self._parts.password is not None
        except ValueError:
            return False

    @property
    def name(self) -> str:
        """``user@host:port/db`` (without any password)."""
        parts = self._parts
        try:
            user, host, port = parts.username, parts.hostname, parts.port
        except ValueError:
            return parts.netloc.rpartition("@")[2] + parts.path
        where = host or "localhost"
        if port:
            where += f":{port}"
        return f"{user + '@' if user else ''}{where}{parts.path}"

    def __str__(self) -> str:
        return self.name


DatabaseTarget = Path | ServerDatabase


def database_target(text: str | os.PathLike[str]) -> DatabaseTarget:
    """The one place that decides: an address (``scheme://...``) is a database on a
    server, anything else the path of a database file."""
    if is_server_address(text):
        return ServerDatabase(str(text))
    return Path(text)


def default_database() -> DatabaseTarget:
    """The database used when ``--db`` is not given: ``STAD_DESKTOP_DB`` (a file or a
    server's address), else the file in the user's data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return database_target(env)
    return user_data_dir() / "stad.sqlite3"
