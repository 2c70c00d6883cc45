"""Stop early, with the fix spelled out, when Python is too old or lacks venv."""

import sys

if sys.version_info < (3, 11):  # noqa: UP036 - runs on the system Python
    sys.exit(
        "Stad Desktop needs Python 3.11 or newer (found {}.{}). "
        "Install it, e.g.: sudo apt-get install python3.11 python3.11-venv".format(
            *sys.version_info
        )
    )
try:
    import ensurepip  # noqa: F401
    import venv  # noqa: F401
except ImportError:
    sys.exit("Python's venv module is missing. Install it: sudo apt-get install python3-venv")
