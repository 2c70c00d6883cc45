"""Writing one export sheet as a CSV file that Norwegian Excel opens correctly with a
double-click: UTF-8 with a byte order mark, semicolons between the fields, CRLF at
the ends of the lines.

Dates are written as Excel in the language reads them (31.12.2026 in Norwegian,
2026-12-31 in English) and numbers with the language's decimal mark and no
thousands separator. A text that Excel would take for a formula (one that begins
with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe,
so that it stays text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import IO

from stad_desktop.services.export_tables import Sheet, Value

DELIMITER = ";"
ENCODING = "utf-8-sig"  # with the byte order mark Excel needs to read UTF-8
LINE_END = "\r\n"
# What makes a spreadsheet program read a field as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` as a CSV field that is never taken for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """A CSV field as :func:`neutralise` found it (the import reads back the export)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def field(value: Value, lang: str) -> str:
    """``value`` as the text of a CSV field in the language ``lang``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, dt.date):
        return value.isoformat() if lang == "en" else f"{value:%d.%m.%Y}"
    if isinstance(value, bool):  # never written, but an int to Python
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
    else:
        text = repr(float(value))
        text = text.removesuffix(".0")
    return text if lang == "en" else text.replace(".", ",")


def write_csv(sheet: Sheet, handle: IO[bytes], lang: str) -> None:
    """Write ``sheet`` into the binary ``handle``."""
    text = io.TextIOWrapper(handle, encoding=ENCODING, newline="")
    try:
        writer = csv.writer(text, delimiter=DELIMITER, lineterminator=LINE_END)
        writer.writerow([neutralise(header) for header in sheet.headers])
        for row in sheet.rows:
            writer.writerow([field(value, lang) for value in row])
        text.flush()
    finally:
        text.detach()  # the handle stays open: its owner closes it
