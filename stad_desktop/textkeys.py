"""Unicode-aware search folding and Norwegian sort keys, stored in indexed columns.

SQLite's ``lower()`` and ``LIKE`` fold only ASCII, and its default collation puts
Æ Ø Å wherever their code points fall. Keeping a folded search text and a sort
key beside each name makes search and sort correct on any SQL database and fast
(plain indexed comparisons).
"""

from __future__ import annotations

import unicodedata

# Letters that Norwegian alphabetises after z, in this order. Look-alikes from
# Swedish/German/Danish/Sámi spelling sort with them.
_AFTER_Z = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "œ": "|", "å": "}"}
_SPECIAL = {"ß": "ss", "đ": "d", "ŧ": "t", "ŋ": "n", "ð": "d", "þ": "th", "ł": "l"}


def fold(text: str) -> str:
    """Fold case the Unicode way: "ØRSTA", "Ørsta" and "ørsta" become equal."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).casefold())


def sort_key(text: str) -> str:
    """A key whose plain (binary) order is Norwegian alphabetical order.

    Case and accents are ignored (é sorts as e, č as c), except that æ, ø and å
    are letters of their own that come after z. "aa" is not treated as å.
    """
    out: list[str] = []
    for char in fold(text.strip()):
        if char in _AFTER_Z:
            out.append(_AFTER_Z[char])
            continue
        if char in _SPECIAL:
            out.append(_SPECIAL[char])
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if base.isalnum() or base == " ":
            out.append(base)
    return "".join(out)


def like_pattern(query: str) -> str:
    """A LIKE pattern (escape character ``\\``) matching ``query`` anywhere, folded."""
    escaped = fold(query.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
