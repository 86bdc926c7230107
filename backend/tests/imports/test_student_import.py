"""Importing students from a spreadsheet over real HTTP, into the real database: bad rows named by row,
field and rule, the good ones saved in one go, and a second run adding nobody."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tests.conftest import LiveServer

from .spreadsheets import BAD_ROWS, student_rows, write_csv


def preview(live: LiveServer, file: Path) -> Any:
    return live.client.post("/api/v1/system/imports/students/preview", json={"file": str(file)})


def run(live: LiveServer, file: Path) -> Any:
    return live.client.post("/api/v1/system/imports/students", json={"file": str(file)})


def total(live: LiveServer) -> int:
    count: int = live.client.get("/api/v1/students", params={"limit": 1}).json()["total"]
    return count


def test_a_200_row_csv_with_5_bad_rows_names_them_and_imports_the_rest_once(live: LiveServer, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "students.csv", student_rows(200, BAD_ROWS))

    p = preview(live, file)
    assert p.status_code == 200, p.text
    shown = p.json()
    assert (shown["rows_total"], shown["rows_valid"], shown["problems_total"]) == (200, 195, 5)
    # Rows as Excel numbers them: the headings are row 1, so the nth student is row n + 1.
    expected = [(n + 1, field) for n, (field, _) in sorted(BAD_ROWS.items())]
    assert [(x["row"], x["field"]) for x in shown["problems"]] == expected
    assert shown["rows_with_problems"] == 5
    assert [c["field"] for c in shown["columns"]] == [
        "first_name",
        "last_name",
        "date_of_birth",
        "phone",
        "email",
        "licence_number",
        "notes",
    ]
    assert shown["sample"][0]["first_name"] == "Student1"
    assert total(live) == 0  # a preview saves nothing

    first = run(live, file).json()
    assert (first["imported"], first["already_on_file"], first["problems_total"]) == (195, 0, 5)
    assert total(live) == 195
    again = run(live, file).json()
    assert (again["imported"], again["already_on_file"]) == (0, 195)
    assert total(live) == 195
    # The import is one user action, so one audit entry naming every student it added, and its file.
    entries = live.client.get("/api/v1/audit", params={"entity": "students"}).json()
    assert entries["total"] == 1
    [entry] = entries["items"]
    assert (entry["action"], entry["reason"]) == ("import", "Imported from students.csv")
    assert len(entry["after"]["also_changed"]) == 194
    assert live.client.get("/api/v1/audit/verify").json()["ok"] is True


def test_a_windows_csv_keeps_its_accents_and_a_semicolon_list_is_read(live: LiveServer, tmp_path: Path) -> None:
    file = tmp_path / "windows.csv"
    file.write_bytes("Prénom;Nom;Date de naissance\r\nRené;Lefèvre;2007-02-03\r\n".encode("cp1252"))
    shown = preview(live, file).json()
    assert shown["encoding"] == "cp1252"
    assert run(live, file).json()["imported"] == 1
    found = live.client.get("/api/v1/students", params={"q": "Lefevre"}).json()["items"]
    assert [(s["first_name"], s["last_name"]) for s in found] == [("René", "Lefèvre")]


def test_an_excel_workbook_with_real_date_cells(live: LiveServer, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Surname", "Given name", "DOB", "Licence number"])
    sheet.append(["Okafor", "Amara", datetime(2008, 3, 15), "O1234-56780-80315"])
    sheet.append(["Chen", "Liam", datetime(2005, 2, 11), None])
    file = tmp_path / "students.xlsx"
    book.save(file)
    result = run(live, file).json()
    assert (result["imported"], result["problems_total"]) == (2, 0)
    amara = live.client.get("/api/v1/students", params={"q": "Okafor"}).json()["items"][0]
    assert (amara["date_of_birth"], amara["licence_number"]) == ("2008-03-15", "O12345678080315")


def test_a_licence_already_held_by_someone_else_is_a_named_problem(live: LiveServer, tmp_path: Path) -> None:
    rows = [["Amara", "Okafor", "2008-03-15", "", "", "O1234-56780-80315", ""]]
    run(live, write_csv(tmp_path / "a.csv", rows))
    other = [["Zed", "Other", "2001-01-01", "", "", "O1234-56780-80315", ""]]
    result = run(live, write_csv(tmp_path / "b.csv", other)).json()
    assert result["imported"] == 0
    assert [(p["row"], p["field"], p["rule"]) for p in result["problems"]] == [(2, "licence_number", "unique")]


def test_files_it_cannot_use_are_refused_by_name(live: LiveServer, tmp_path: Path) -> None:
    cases: list[tuple[Path, str, str]] = []
    cases.append((tmp_path / "gone.csv", "import.file_missing", "file_exists"))
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    cases.append((pdf, "import.file_unreadable", "file_type"))
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    cases.append((fake, "import.file_unreadable", "file_type"))
    for file, code, rule in cases:
        r = preview(live, file)
        assert r.status_code == 422, (file, r.text)
        assert (r.json()["code"], r.json()["details"]["rule"]) == (code, rule), file


def test_a_file_the_csv_reader_cannot_parse_is_refused_by_name(live: LiveServer, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text('First,Last,DOB\n"Amara,Okafor,2008-03-15\n' + "x" * 200_000 + "\n")
    r = preview(live, broken)
    assert r.status_code == 422, r.text
    assert (r.json()["code"], r.json()["details"]["rule"]) == ("import.file_unreadable", "csv_format")
