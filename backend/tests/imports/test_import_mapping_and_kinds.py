"""The import beyond the first students file: a column mapping the person chooses, instructors and
vehicles with their forms' rules, a file changed since its preview, and the progress of a run. Over real
HTTP into the real database (SQLite, or PostgreSQL under scripts/with-postgres.sh)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import LiveServer

from .spreadsheets import write_csv

BASE = "/api/v1/system/imports"


def preview(live: LiveServer, kind: str, file: Path, **extra: Any) -> Any:
    return live.client.post(f"{BASE}/{kind}/preview", json={"file": str(file), **extra})


def run(live: LiveServer, kind: str, file: Path, **extra: Any) -> Any:
    return live.client.post(f"{BASE}/{kind}", json={"file": str(file), **extra})


def total(live: LiveServer, path: str) -> int:
    body = live.client.get(f"/api/v1/{path}", params={"limit": 1} if path == "students" else {}).json()
    count: int = body["total"]
    return count


def import_entries(live: LiveServer, entity: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = live.client.get("/api/v1/audit", params={"entity": entity}).json()["items"]
    return [e for e in items if e["action"] == "import"]


# -- the column mapping ---------------------------------------------------------------------------------


def test_headings_it_cannot_guess_are_mapped_by_the_person_and_the_run_uses_that_mapping(
    live: LiveServer, tmp_path: Path
) -> None:
    rows = [["Amara", "Okafor", "2008-03-15", "keep out"], ["Liam", "Chen", "2005-02-11", "keep out"]]
    file = write_csv(tmp_path / "odd.csv", rows, headings=["Given", "Family", "Born on", "Secret"])

    guessed = preview(live, "students", file).json()
    assert [c["field"] for c in guessed["columns"]] == [None, None, None, None]
    assert guessed["missing_fields"] == ["first_name", "last_name", "date_of_birth"]
    assert guessed["rows_valid"] == 0
    assert {f["name"] for f in guessed["fields"] if f["required"]} == {"first_name", "last_name", "date_of_birth"}
    refused = run(live, "students", file)
    assert (refused.status_code, refused.json()["code"]) == (422, "import.columns_missing")

    # "Secret" mapped to the notes first, then left out: the preview follows each choice.
    noted = ["first_name", "last_name", "date_of_birth", "notes"]
    shown = preview(live, "students", file, mapping=noted).json()
    assert ([c["field"] for c in shown["columns"]], shown["missing_fields"], shown["rows_valid"]) == (noted, [], 2)
    chosen = ["first_name", "last_name", "date_of_birth", None]
    shown = preview(live, "students", file, mapping=chosen).json()
    assert [c["field"] for c in shown["columns"]] == chosen
    result = run(live, "students", file, mapping=chosen, expected_sha256=shown["sha256"]).json()
    assert (result["imported"], result["problems_total"]) == (2, 0)
    amara = live.client.get("/api/v1/students", params={"q": "Okafor"}).json()["items"][0]
    assert (amara["first_name"], amara["date_of_birth"], amara["notes"]) == ("Amara", "2008-03-15", None)


def test_a_mapping_that_swaps_two_columns_is_validated_as_swapped(live: LiveServer, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "swapped.csv", [["2008-03-15", "Amara", "Okafor"]], headings=["First", "Last", "DOB"])
    guessed = preview(live, "students", file).json()
    assert [(p["row"], p["field"]) for p in guessed["problems"]] == [(2, "date_of_birth")]
    fixed = preview(live, "students", file, mapping=["date_of_birth", "first_name", "last_name"]).json()
    assert (fixed["rows_valid"], fixed["problems_total"]) == (1, 0)
    assert fixed["sample"][0]["date_of_birth"] == "2008-03-15"


def test_a_mapping_it_cannot_use_is_refused_by_rule(live: LiveServer, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "s.csv", [["A", "B", "2008-01-01"]], headings=["First", "Last", "DOB"])
    cases = [
        (["first_name", "last_name"], "one_per_column"),
        (["first_name", "last_name", "shoe_size"], "known_field"),
        (["first_name", "first_name", "date_of_birth"], "one_column_per_field"),
        # A field of another kind: vehicles have no date of birth.
    ]
    for mapping, rule in cases:
        r = preview(live, "students", file, mapping=mapping)
        assert r.status_code == 422, r.text
        assert (r.json()["code"], r.json()["details"]["rule"]) == ("import.mapping_invalid", rule), mapping
    wrong_kind = preview(live, "vehicles", file, mapping=["make", "model", "date_of_birth"])
    assert wrong_kind.json()["details"] == {"field": "mapping", "rule": "known_field", "unknown": ["date_of_birth"]}
    assert total(live, "students") == 0


# -- instructors and vehicles ---------------------------------------------------------------------------

INSTRUCTOR_HEADINGS = ["First Name", "Last Name", "DI Licence #", "DI Licence Expiry", "Classroom", "E-mail"]


def test_instructors_are_imported_with_the_forms_rules_once(live: LiveServer, tmp_path: Path) -> None:
    rows = [
        ["Grace", "Hopper", "DI-1001", "2029-03-31", "yes", "grace@example.com"],
        ["Alan", "Turing", "DI-1002", "2030-03-31", "no", ""],
        ["", "Nameless", "DI-1003", "2030-03-31", "", ""],  # row 4: no first name
        ["Ada", "Lovelace", "DI-1004", "31/03/2030", "", ""],  # row 5: a date nobody can read for sure
        ["Edsger", "Dijkstra", "DI-1005", "2030-03-31", "perhaps", ""],  # row 6: neither yes nor no
        ["Barbara", "Liskov", "di 1001", "2031-03-31", "", ""],  # row 7: Grace's licence again, written otherwise
    ]
    file = write_csv(tmp_path / "instructors.csv", rows, headings=INSTRUCTOR_HEADINGS)
    shown = preview(live, "instructors", file).json()
    assert [c["field"] for c in shown["columns"]] == [
        "first_name",
        "last_name",
        "di_licence_number",
        "di_licence_expiry",
        "authorised_classroom",
        "email",
    ]
    assert [(p["row"], p["field"], p["rule"]) for p in shown["problems"]] == [
        (4, "first_name", "missing"),
        (5, "di_licence_expiry", "date_from_datetime_parsing"),
        (6, "authorised_classroom", "bool_type"),
    ]
    first = run(live, "instructors", file, expected_sha256=shown["sha256"]).json()
    assert (first["kind"], first["imported"], first["already_on_file"], first["problems_total"]) == (
        "instructors",
        2,
        1,
        3,
    )
    again = run(live, "instructors", file).json()
    assert (again["imported"], again["already_on_file"]) == (0, 3)
    listed = live.client.get("/api/v1/instructors").json()["items"]
    assert sorted((i["last_name"], i["authorised_classroom"]) for i in listed) == [("Hopper", True), ("Turing", False)]
    [entry] = import_entries(live, "instructors")
    assert entry["reason"] == "Imported from instructors.csv"
    assert len(entry["after"]["also_changed"]) == 1
    assert live.client.get("/api/v1/audit/verify").json()["ok"] is True


VEHICLE_HEADINGS = ["Plate", "VIN", "Make", "Model", "Year", "Transmission", "Insurance", "Safety", "Odometer"]


def test_vehicles_are_imported_with_the_forms_rules_once(live: LiveServer, tmp_path: Path) -> None:
    rows = [
        [
            "cfrx 101",
            "2T1BU4EE000000001",
            "Toyota",
            "Corolla",
            "2022",
            "Automatic",
            "2030-01-01",
            "2030-01-01",
            "15200",
        ],
        ["CFRX 102", "2T1BU4EE000000002", "Honda", "Civic", "2021", "manual", "2030-01-01", "2030-01-01", ""],
        ["CFRX 103", "2T1BU4EE00000000I", "Mazda", "3", "2020", "automatic", "2030-01-01", "2030-01-01", ""],  # VIN
        ["CFRX 104", "2T1BU4EE000000004", "Kia", "Forte", "twenty", "automatic", "2030-01-01", "2030-01-01", ""],
        ["CFRX 105", "2T1BU4EE000000005", "Ford", "Focus", "2019", "CVT", "2030-01-01", "2030-01-01", ""],
        ["CFRX 101", "2T1BU4EE000000006", "Hyundai", "Elantra", "2023", "automatic", "2030-01-01", "2030-01-01", ""],
    ]
    file = write_csv(tmp_path / "fleet.csv", rows, headings=VEHICLE_HEADINGS)
    shown = preview(live, "vehicles", file).json()
    assert shown["missing_fields"] == []
    assert [(p["row"], p["field"], p["rule"]) for p in shown["problems"]] == [
        (4, "vin", "value_error"),
        (5, "year", "int_type"),
        (6, "transmission", "enum"),
    ]
    first = run(live, "vehicles", file, expected_sha256=shown["sha256"]).json()
    # Row 7's plate is row 2's: refused as the form refuses it.
    assert [(p["row"], p["field"], p["rule"]) for p in first["problems"]][-1] == (7, "plate", "unique")
    assert (first["imported"], first["already_on_file"], first["problems_total"]) == (2, 0, 4)
    again = run(live, "vehicles", file).json()
    assert (again["imported"], again["already_on_file"]) == (0, 2)
    listed = live.client.get("/api/v1/vehicles").json()["items"]
    assert sorted((v["plate"], v["transmission"], v["last_odometer_km"]) for v in listed) == [
        ("CFRX 101", "automatic", 15200),
        ("CFRX 102", "manual", None),
    ]
    [entry] = import_entries(live, "vehicles")
    assert entry["reason"] == "Imported from fleet.csv"
    assert live.client.get("/api/v1/audit/verify").json()["ok"] is True


# -- a file changed since its preview, and progress -----------------------------------------------------


def test_a_file_changed_since_its_preview_is_refused_by_name_and_nothing_is_imported(
    live: LiveServer, tmp_path: Path
) -> None:
    file = write_csv(tmp_path / "students.csv", [["Amara", "Okafor", "2008-03-15"]], headings=["First", "Last", "DOB"])
    shown = preview(live, "students", file).json()
    write_csv(
        file, [["Amara", "Okafor", "2008-03-15"], ["Liam", "Chen", "2005-02-11"]], headings=["First", "Last", "DOB"]
    )
    refused = run(live, "students", file, expected_sha256=shown["sha256"])
    assert refused.status_code == 409, refused.text
    body = refused.json()
    assert body["code"] == "import.file_changed"
    assert body["details"] == {"field": "file", "rule": "unchanged_since_preview", "file": "students.csv"}
    assert total(live, "students") == 0
    fresh = preview(live, "students", file).json()
    assert fresh["sha256"] != shown["sha256"]
    assert run(live, "students", file, expected_sha256=fresh["sha256"]).json()["imported"] == 2


def test_a_run_reports_its_progress_under_its_token(live: LiveServer, tmp_path: Path) -> None:
    rows = [[f"Given{n}", f"Family{n:04d}", "2001-01-01"] for n in range(1, 1201)]
    file = write_csv(tmp_path / "many.csv", rows, headings=["First", "Last", "DOB"])
    assert live.client.get(f"{BASE}/progress/not-yet-started").status_code == 404
    token = "3f6c1d2e-0000-4000-8000-000000000001"
    result = run(live, "students", file, progress_token=token).json()
    assert result["imported"] == 1200
    step = live.client.get(f"{BASE}/progress/{token}").json()
    assert step == {"phase": "done", "done": 1200, "total": 1200}
