"""Spreadsheets as schools keep them, written for the import tests and the bench."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

HEADINGS = ["First Name", "Last Name", "Date of Birth", "Phone", "E-mail", "Licence #", "Notes"]
# Row number (under the headings) -> (the field it breaks, the cell that breaks it).
BAD_ROWS = {
    7: ("last_name", ""),
    23: ("date_of_birth", "31-31-2008"),
    61: ("email", "not-an-email"),
    118: ("licence_number", "12345"),
    190: ("date_of_birth", "1850-01-01"),
}


def student_rows(count: int, bad: dict[int, tuple[str, str]] | None = None) -> list[list[str]]:
    rows = []
    for n in range(1, count + 1):
        dob = date(2006, 1, 1) + timedelta(days=n * 3)
        phone, email = f"416-555-{n % 10000:04d}", f"s{n}@example.com"
        row = [f"Student{n}", f"Family{n:05d}", dob.isoformat(), phone, email, "", ""]
        field_index = {"last_name": 1, "date_of_birth": 2, "email": 4, "licence_number": 5}
        if bad and n in bad:
            field, cell = bad[n]
            row[field_index[field]] = cell
        rows.append(row)
    return rows


def write_csv(path: Path, rows: list[list[str]], headings: list[str] = HEADINGS, encoding: str = "utf-8") -> Path:
    with open(path, "w", newline="", encoding=encoding) as f:
        writer = csv.writer(f)
        writer.writerow(headings)
        writer.writerows(rows)
    return path
