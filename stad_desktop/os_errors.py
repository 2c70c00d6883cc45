"""Errors from the operating system and SQLite, told in the user's language.

``str(OSError)`` reads "[Errno 1] Operation not permitted: '/x'" in English whatever
the user's language; :func:`os_error_message` gives a translatable text chosen by
the error number instead (or by SQLite's error name). The text is a fragment that
fits after a colon: "Could not save {path}: {detail}".
"""

from __future__ import annotations

import errno

from stad_desktop.language import N_, Message

_BY_ERRNO: dict[int, str] = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EFBIG: N_("the file is too large"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("it exists already"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
    errno.EBUSY: N_("it is in use by another program"),
    errno.ETXTBSY: N_("it is in use by another program"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ELOOP: N_("too many symbolic links"),
    errno.EIO: N_("the disk could not be read or written (input/output error)"),
    errno.EINVAL: N_("the name or the operation is not valid here"),
    errno.EXDEV: N_("it cannot be moved to another disk"),
    errno.EMFILE: N_("too many files are open"),
    errno.ENFILE: N_("too many files are open"),
    errno.ENXIO: N_("no such device"),
    errno.ENODEV: N_("no such device"),
    errno.EAGAIN: N_("it is locked by another program"),
    errno.EPIPE: N_("the receiving program has stopped"),
}
for _name, _text in (
    ("EDQUOT", N_("the disk quota is used up")),
    ("ESTALE", N_("the network file is no longer available")),
    ("EHOSTDOWN", N_("the network connection failed")),
    ("ENETUNREACH", N_("the network connection failed")),
    ("ETIMEDOUT", N_("the network connection failed")),
):
    if hasattr(errno, _name):
        _BY_ERRNO[getattr(errno, _name)] = _text

# SQLite's own error names (``sqlite3.Error.sqlite_errorname``), by prefix.
_BY_SQLITE_NAME = (
    ("SQLITE_FULL", N_("the disk is full")),
    ("SQLITE_READONLY", N_("the file or its folder is read-only")),
    ("SQLITE_CANTOPEN", N_("the file could not be opened")),
    ("SQLITE_PERM", N_("permission denied")),
    ("SQLITE_IOERR", N_("the disk could not be read or written (input/output error)")),
    ("SQLITE_BUSY", N_("it is in use by another program")),
    ("SQLITE_LOCKED", N_("it is in use by another program")),
)


def os_error_message(exc: BaseException) -> Message | str:
    """The reason for ``exc`` in words the catalogs translate; anything that is not
    an operating-system or SQLite error is given back as its own text."""
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        for prefix, text in _BY_SQLITE_NAME:
            if name.startswith(prefix):
                return Message(text)
    if isinstance(exc, OSError) and exc.errno is not None:
        known = _BY_ERRNO.get(exc.errno)
        if known is not None:
            return Message(known)
        return Message(
            N_("system error {code}"), {"code": errno.errorcode.get(exc.errno, str(exc.errno))}
        )
    return str(exc)
