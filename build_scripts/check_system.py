"""Check the system libraries Qt needs and say exactly how to install missing ones."""

from __future__ import annotations

import ctypes.util
import platform
import sys

# library soname stem -> Debian package
LINUX_LIBRARIES = {
    "EGL": "libegl1",
    "GL": "libgl1",
    "X11": "libx11-6",
    "dbus-1": "libdbus-1-3",
    "fontconfig": "libfontconfig1",
    "freetype": "libfreetype6",
    "glib-2.0": "libglib2.0-0",
    "xkbcommon": "libxkbcommon0",
}


def missing_packages() -> list[str]:
    if platform.system() != "Linux":
        return []
    return [pkg for lib, pkg in LINUX_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def main() -> int:
    missing = missing_packages()
    if not missing:
        return 0
    print(
        "Qt needs system libraries that are not installed: "
        + ", ".join(missing)
        + "\nInstall them with:\n  sudo apt-get install "
        + " ".join([*missing, "fonts-dejavu-core"]),
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
