"""The crash log: an unexpected exception with its traceback, written to the user log
folder. A leaf module, used by the command line and by the window's crash hook."""

from __future__ import annotations

from pathlib import Path


def log_exception(exc: BaseException) -> Path:
    """Write the exception with its traceback to the user log folder; return the file."""
    import datetime as dt
    import traceback

    from stad_desktop import paths

    folder = paths.user_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        import tempfile

        folder = Path(tempfile.gettempdir())
    log = folder / "stad-desktop-errors.log"
    with log.open("a", encoding="utf-8") as handle:
        handle.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} ---\n")
        handle.write("".join(traceback.format_exception(exc)))
    return log
