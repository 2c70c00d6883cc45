"""Unicode-aware search folding and Norwegian sort keys, stored in indexed columns.

SQLite's ``lower()`` and ``LIKE`` fold only ASCII, and its default collation puts
Æ Ø Å wherever their code points fall. Keeping a folded search text and a sort
key beside each name makes search and sort correct on any SQL database and fast
(plain indexed comparisons).
"""

from __future__ import annotations

import re
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


# Line breaks of every kind (Windows, old Mac, Word's vertical tab, form feed, the
# Unicode line and paragraph separators), and the control characters that are left.
_LINE_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str, *, multiline: bool = True) -> str:
    """``text`` as it is stored and searched for: control characters (NUL, escape,
    bell, ...) removed; line breaks written as ``\\n``, or, in a one-line text (a
    name, a place), line breaks and tabs as spaces. Surrounding white space is
    stripped. Lone surrogates are left in place: see :func:`has_broken_character`."""
    text = _LINE_BREAKS.sub("\n", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROLS.sub("", text).strip()


def has_broken_character(text: str) -> bool:
    """True if ``text`` holds a lone surrogate: half a character, left by text read in
    the wrong encoding. It cannot be stored (it is not valid UTF-8)."""
    return _SURROGATE.search(text) is not None


def like_pattern(query: str) -> str | None:
    """A LIKE pattern (escape character ``\\``) matching ``query`` anywhere, cleaned
    and folded the way stored texts are. None if nothing can match: the query held
    only control characters, or a broken character (which no stored text holds)."""
    cleaned = clean_text(query, multiline=False)
    if (not cleaned and _CONTROLS.search(query)) or has_broken_character(cleaned):
        return None
    escaped = fold(cleaned).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
