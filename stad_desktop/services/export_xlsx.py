"""Writing export sheets into one Excel workbook (XLSX), with openpyxl in write-only
mode (rows go to the file as they come, so a large table needs little memory).

Dates are real dates (shown dd.mm.yyyy), numbers real numbers, and every text is a
text cell: a name such as ``=HYPERLINK(…)`` stays text and never becomes a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from stad_desktop.services.export_tables import Sheet, Value

DATE_FORMAT = "dd.mm.yyyy"
# Excel holds at most this many characters in a cell.
MAX_CELL_TEXT = 32767
# Excel's limit on a sheet's name, and the characters it does not allow in one.
MAX_TITLE = 31
TITLE_FORBIDDEN = "[]:*?/\\"
# Column widths (in characters), from the header and the first rows.
MIN_WIDTH, MAX_WIDTH, WIDTH_SAMPLE = 8, 50, 200


def write_xlsx(sheets: Sequence[Sheet], handle: IO[bytes]) -> None:
    """Write ``sheets`` as one workbook, a sheet each, into the binary ``handle``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    used: set[str] = set()
    for sheet in sheets:
        worksheet: Any = workbook.create_sheet(_title(sheet.title, used))
        worksheet.freeze_panes = "A2"
        for index, width in enumerate(_widths(sheet), start=1):
            worksheet.column_dimensions[_column_letter(index)].width = width
        header = [_text_cell(worksheet, text) for text in sheet.headers]
        for cell in header:
            cell.font = bold
        worksheet.append(header)
        for row in sheet.rows:
            worksheet.append([_cell(worksheet, value) for value in row])
    workbook.save(handle)


def _cell(worksheet: Any, value: Value) -> Any:
    if isinstance(value, str):
        if not value:
            return None
        text = _clean(value)
        # openpyxl makes a formula only of a text that starts with "=": any other
        # text is a text cell as it is (and costs less than a cell object).
        return _text_cell(worksheet, text) if text.startswith("=") else text
    if isinstance(value, dt.date):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(worksheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, Decimal | int | float):
        return value
    return None


def _clean(text: str) -> str:
    """``text`` without the control characters XML cannot hold, and no longer than
    Excel's cells."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return str(ILLEGAL_CHARACTERS_RE.sub("", text))[:MAX_CELL_TEXT]


def _text_cell(worksheet: Any, text: str) -> Any:
    """A text cell, never a formula (openpyxl takes a text that starts with "=" for one)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(worksheet, value=_clean(text))
    cell.data_type = "s"
    return cell


def _title(title: str, used: set[str]) -> str:
    """``title`` as a sheet name Excel takes, unique in the workbook."""
    clean = "".join("-" if c in TITLE_FORBIDDEN else c for c in title).strip("'")[:MAX_TITLE]
    clean = clean or "Sheet"
    name, number = clean, 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name = clean[: MAX_TITLE - len(suffix)] + suffix
        number += 1
    used.add(name.casefold())
    return name


def _widths(sheet: Sheet) -> list[float]:
    widths = [float(len(header)) for header in sheet.headers]
    for row in sheet.rows[:WIDTH_SAMPLE]:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], _shown_length(value))
    return [min(max(width + 2, MIN_WIDTH), MAX_WIDTH) for width in widths]


def _shown_length(value: Value) -> float:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return len(DATE_FORMAT)
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))
