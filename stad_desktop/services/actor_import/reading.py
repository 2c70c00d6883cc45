"""Reading a spreadsheet file row by row: XLSX (openpyxl, read-only) or CSV (the
delimiter sniffed, the encoding detected: UTF-8 with or without BOM, UTF-16 with
BOM, else Windows-1252).

What the file is, is told by its first bytes, not its name: a zip is a workbook, an
OLE container a password-protected workbook (or an old .xls), anything else with
NUL bytes no spreadsheet at all, and the rest text. Each refusal is one
:class:`ImportRefused` with a message in the user's language; nothing is read past
the size limit.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stad_desktop.language import N_, Message
from stad_desktop.services.export_csv import restore

MAX_FILE_BYTES = 50 * 1024 * 1024
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_PNG = b"\x89PNG"
_SAMPLE_BYTES = 64 * 1024
_CSV_DELIMITERS = ";,\t|"


class ImportRefused(Exception):
    """A file that cannot be imported, with one line saying why."""

    def __init__(self, message: str, **params: object) -> None:
        self.message = Message(message, params)
        super().__init__(message.format(**params) if params else message)


Cell = str | int | float | bool | None


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number the spreadsheet program shows
    values: tuple[Cell, ...]


class Sheet:
    """An open file: its header and its rows, read as they are asked for."""

    def __init__(
        self, path: Path, header: Sequence[str], rows: Iterator[SheetRow], estimated_rows: int = 0
    ) -> None:
        self.path = path
        self.header = tuple(header)
        self._rows = rows
        self.estimated_rows = estimated_rows  # about how many rows there are (0: unknown)

    def rows(self) -> Iterator[SheetRow]:
        """The rows below the header that hold anything (each once)."""
        return self._rows


def _empty(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _refuse_bad_size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportRefused(N_("The file {file} does not exist."), file=path.name) from None
    except OSError as exc:
        raise ImportRefused(
            N_("The file {file} cannot be read: {detail}"), file=path.name, detail=exc.strerror
        ) from None
    if path.is_dir():
        raise ImportRefused(N_("{file} is a folder, not a spreadsheet file."), file=path.name)
    if size == 0:
        raise ImportRefused(N_("The file {file} is empty."), file=path.name)
    if size > MAX_FILE_BYTES:
        raise ImportRefused(
            N_("The file {file} is too large ({size} MB); at most {limit} MB can be imported."),
            file=path.name,
            size=round(size / 1024 / 1024),
            limit=MAX_FILE_BYTES // 1024 // 1024,
        )
    return size


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_SAMPLE_BYTES)
    except OSError as exc:
        raise ImportRefused(
            N_("The file {file} cannot be read: {detail}"), file=path.name, detail=exc.strerror
        ) from None


@contextmanager
def open_sheet(path: Path, sheet: str | None = None) -> Iterator[Sheet]:
    """The file at ``path`` as a :class:`Sheet` (``sheet``: the workbook's sheet to
    read; by default the first). Raises ImportRefused."""
    _refuse_bad_size(path)
    head = _head(path)
    if head.startswith(_ZIP):
        with _open_xlsx(path, sheet) as opened:
            yield opened
        return
    if head.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in _whole(path):
            raise ImportRefused(
                N_(
                    "The workbook {file} is protected with a password. Save it without a "
                    "password and import it again."
                ),
                file=path.name,
            )
        raise ImportRefused(
            N_("{file} is an old Excel file (.xls). Save it as .xlsx or .csv and import it again."),
            file=path.name,
        )
    encoding = _encoding(path, head)
    if encoding is None:
        if head.startswith(_PNG):
            raise ImportRefused(
                N_("{file} is a PNG image, not a spreadsheet. Choose an .xlsx or .csv file."),
                file=path.name,
            )
        raise ImportRefused(
            N_("{file} is not a spreadsheet. Choose an .xlsx or .csv file."), file=path.name
        )
    if sheet is not None:
        raise ImportRefused(
            N_("{file} is a CSV file, which has no sheets; leave out the sheet name."),
            file=path.name,
        )
    with path.open("r", encoding=encoding, newline="") as text:
        yield _csv_sheet(path, text)


def _whole(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES)


# --- CSV ------------------------------------------------------------------------------
def _encoding(path: Path, head: bytes) -> str | None:
    """The text encoding of the file, or None for a file that is not text."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        # Spreadsheets saved by Norwegian Excel as "CSV (semicolon separated)".
        try:
            head.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
        return "cp1252"
    return "utf-8"


def _delimiter(sample: str) -> str:
    first = next((line for line in sample.splitlines() if line.strip()), "")
    try:
        found = csv.Sniffer().sniff(sample, delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in first:
        return found
    counts = {d: first.count(d) for d in _CSV_DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_sheet(path: Path, text: io.TextIOBase) -> Sheet:
    sample = text.read(_SAMPLE_BYTES)
    text.seek(0)
    if sample.startswith("\ufeff"):  # a BOM inside UTF-16
        text.read(1)
        sample = sample[1:]
    reader = csv.reader(text, delimiter=_delimiter(sample))
    try:
        header, number = _first_row(enumerate(reader, start=1), path)
    except csv.Error as exc:
        raise _csv_error(path, exc) from None
    lines = sample.count("\n")
    estimate = round(path.stat().st_size * lines / max(1, len(sample.encode()))) if lines else 0
    return Sheet(path, header, _csv_rows(path, reader, number), estimate)


def _csv_error(path: Path, exc: csv.Error) -> ImportRefused:
    return ImportRefused(
        N_("{file} cannot be read as a CSV file: {detail}"), file=path.name, detail=str(exc)
    )


def _first_row(rows: Iterator[tuple[int, Sequence[Any]]], path: Path) -> tuple[list[str], int]:
    for number, values in rows:
        if not all(_empty(v) for v in values):
            return [("" if v is None else str(v)).strip() for v in values], number
    raise ImportRefused(N_("The file {file} holds no rows."), file=path.name)


def _csv_rows(path: Path, reader: Iterator[list[str]], number: int) -> Iterator[SheetRow]:
    try:
        for values in reader:
            number += 1
            if not all(_empty(v) for v in values):
                yield SheetRow(number, tuple(restore(v) for v in values))
    except csv.Error as exc:
        raise _csv_error(path, exc) from None


# --- XLSX -----------------------------------------------------------------------------
@contextmanager
def _open_xlsx(path: Path, sheet: str | None) -> Iterator[Sheet]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise ImportRefused(
            N_("{file} is not an Excel workbook (.xlsx) that can be read."), file=path.name
        ) from None
    try:
        names = workbook.sheetnames
        if sheet is not None and sheet not in names:
            raise ImportRefused(
                N_("The workbook {file} has no sheet {sheet}; its sheets are: {names}."),
                file=path.name,
                sheet=sheet,
                names=", ".join(names),
            )
        worksheet = workbook[sheet if sheet is not None else _actors_sheet(names)]
        rows = worksheet.iter_rows(values_only=True)
        header, number = _first_row(enumerate(rows, start=1), path)
        yield Sheet(path, header, _xlsx_rows(rows, number), worksheet.max_row or 0)
    finally:
        workbook.close()


def _actors_sheet(names: Sequence[str]) -> str:
    """The sheet called "Actors" in one of the program's languages, else the first."""
    from stad_desktop.language import LANGUAGES, Translator

    wanted = {Translator(lang)._("Actors").casefold() for lang in LANGUAGES}
    return next((name for name in names if name.casefold() in wanted), names[0])


def _xlsx_rows(rows: Iterator[tuple[Any, ...]], number: int) -> Iterator[SheetRow]:
    for values in rows:
        number += 1
        if not all(_empty(v) for v in values):
            yield SheetRow(number, tuple(_cell(v) for v in values))


def _cell(value: Any) -> Cell:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    return str(value)
