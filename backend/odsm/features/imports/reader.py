"""Reads a spreadsheet as schools keep them: a CSV (UTF-8, or Windows' own encoding) or an Excel workbook.

The first non-empty row holds the headings. Cells come back as text, except Excel's own dates, which stay
dates so that no locale guesses at "03/04/2008".
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

Cell = str | date | None
# A school's student list is a few hundred kilobytes; this leaves room for 100,000 rows and refuses a
# file picked by mistake (a video, a disk image) before reading it into memory.
MAX_BYTES = 50 * 1024 * 1024
# What Windows spreadsheets are written in when they are not UTF-8 (Excel's "CSV" on an English or
# French Canadian machine). Every byte decodes, so this is the last try.
WINDOWS_ENCODING = "cp1252"


class UnreadableFile(Exception):
    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


@dataclass(frozen=True)
class Table:
    headings: list[str]
    # Each row with its number in the sheet, as Excel shows it (the headings are usually row 1).
    rows: list[tuple[int, list[Cell]]]
    encoding: str | None
    # Of the bytes read: the run checks the file is still the one previewed.
    sha256: str = ""


def read_table(path: Path) -> Table:
    if path.stat().st_size > MAX_BYTES:
        raise UnreadableFile(
            "file_size", "That file is over 50 MB: a list of students is far smaller. Choose the right file."
        )
    suffix = path.suffix.lower()
    if suffix not in {".xlsx", ".csv", ".txt"}:
        raise UnreadableFile(
            "file_type", "Choose a .csv or .xlsx file (in Excel: File → Save As → CSV or Excel Workbook)."
        )
    # Read once: the table and its checksum come from the same bytes, whatever happens to the file meanwhile.
    raw = path.read_bytes()
    table = _read_workbook(raw) if suffix == ".xlsx" else _read_csv(raw)
    return Table(table.headings, table.rows, table.encoding, hashlib.sha256(raw).hexdigest())


def _decode(raw: bytes) -> tuple[str, str]:
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode(WINDOWS_ENCODING, errors="replace"), WINDOWS_ENCODING


def _read_csv(raw: bytes) -> Table:
    text, encoding = _decode(raw)
    if "\x00" in text:
        raise UnreadableFile("file_type", "That file is not text: choose a .csv or .xlsx file.")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        lines = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise UnreadableFile("csv_format", f"That file could not be read as CSV ({exc}).") from exc
    return _table([[c.strip() or None for c in row] for row in lines], encoding)


def _read_workbook(raw: bytes) -> Table:
    # Imported here: openpyxl is a tenth of the backend's start-up imports, for a screen used once a term.
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors for a file it cannot read
        raise UnreadableFile("file_type", "That file could not be read as an Excel workbook (.xlsx).") from exc
    try:
        sheet = book.worksheets[0]
        lines = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table(lines, None)


def _cell(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _table(lines: list[list[Cell]], encoding: str | None) -> Table:
    numbered = [(n, row) for n, row in enumerate(lines) if any(c is not None for c in row)]
    if not numbered:
        raise UnreadableFile("empty", "That file has no rows.")
    (_, headings), rest = numbered[0], numbered[1:]
    names = [str(h) if h is not None else "" for h in headings]
    return Table(headings=names, rows=[(n + 1, row) for n, row in rest], encoding=encoding)
