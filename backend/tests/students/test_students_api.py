from __future__ import annotations

from sqlalchemy import func, select

from odsm.models import Student

from ..conftest import LiveServer, student_payload


def create(live: LiveServer, **overrides: object) -> dict:
    r = live.client.post("/api/v1/students", json=student_payload(**overrides))
    assert r.status_code == 201, r.text
    return r.json()


def count_students(live: LiveServer) -> int:
    return live.db.read(lambda s: s.scalar(select(func.count()).select_from(Student)))


def test_create_normalises_the_licence_number_and_shows_it_dashed(live: LiveServer) -> None:
    body = create(live, licence_number="o1234 56780 80315")
    assert body["licence_number"] == "O12345678080315"
    assert body["licence_number_display"] == "O1234-56780-80315"
    assert body["version"] == 1
    assert body["warnings"] == []
    assert live.client.get(f"/api/v1/students/{body['id']}").json()["licence_number"] == "O12345678080315"


def test_create_returns_soft_warnings_without_blocking(live: LiveServer) -> None:
    body = create(live, licence_number="B1234-56789-80316")
    codes = sorted(w["code"] for w in body["warnings"])
    assert codes == ["licence.birth_date_mismatch", "licence.surname_initial_mismatch"]
    assert count_students(live) == 1


def test_create_refuses_a_malformed_licence_number_naming_field_and_format(live: LiveServer) -> None:
    r = live.client.post("/api/v1/students", json=student_payload(licence_number="O1234-567"))
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "validation_failed"
    assert body["request_id"]
    [field] = body["details"]["fields"]
    assert field["field"] == "licence_number"
    assert field["format"] == "A1234-56789-01234"
    assert "one letter and 14 digits" in field["message"]
    assert count_students(live) == 0


def test_validation_errors_name_each_field(live: LiveServer) -> None:
    r = live.client.post(
        "/api/v1/students", json=student_payload(first_name="", date_of_birth="not-a-date", email="nope")
    )
    assert r.status_code == 422
    fields = {f["field"] for f in r.json()["details"]["fields"]}
    assert fields == {"first_name", "date_of_birth", "email"}


def test_a_licence_number_belongs_to_one_student(live: LiveServer) -> None:
    create(live)
    r = live.client.post("/api/v1/students", json=student_payload(first_name="Other"))
    assert r.status_code == 409
    assert r.json()["code"] == "student.licence_number_taken"
    assert count_students(live) == 1


def test_get_unknown_student_is_not_found(live: LiveServer) -> None:
    r = live.client.get("/api/v1/students/999")
    assert r.status_code == 404
    assert r.json()["code"] == "student.not_found"


def test_list_searches_name_licence_and_phone_and_pages_with_a_total(live: LiveServer) -> None:
    create(live)
    create(
        live,
        first_name="Ben",
        last_name="Tremblay",
        licence_number="T1234-56780-90101",
        date_of_birth="2009-01-01",
        phone="905-555-7788",
    )
    for i in range(30):
        create(live, first_name=f"Pat{i:02d}", last_name="Zed", licence_number=None, phone=None)

    def search(q: str) -> list[str]:
        return [s["last_name"] for s in live.client.get("/api/v1/students", params={"q": q}).json()["items"]]

    assert search("okaf") == ["Okafor"]
    assert search("amara okafor") == ["Okafor"]
    assert search("okafor amara") == ["Okafor"]
    assert search("T1234-5678") == ["Tremblay"]
    assert search("t12345678") == ["Tremblay"]
    assert search("5557788") == ["Tremblay"]
    assert search("(905) 555") == ["Tremblay"]
    page = live.client.get("/api/v1/students", params={"q": "zed", "offset": 10, "limit": 8}).json()
    assert page["total"] == 30
    assert [s["first_name"] for s in page["items"]] == [f"Pat{i:02d}" for i in range(10, 18)]


def test_list_refuses_a_limit_over_200(live: LiveServer) -> None:
    r = live.client.get("/api/v1/students", params={"limit": 500})
    assert r.status_code == 422
    assert r.json()["details"]["fields"][0]["field"] == "limit"


def test_update_changes_only_the_fields_sent_and_bumps_the_version(live: LiveServer) -> None:
    s = create(live)
    r = live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "phone": "416-555-9999"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["version"] == 2
    assert body["phone"] == "416-555-9999"
    assert body["first_name"] == "Amara"
    assert live.client.get("/api/v1/students", params={"q": "5559999"}).json()["total"] == 1


def test_update_with_a_stale_version_conflicts_and_changes_nothing(live: LiveServer) -> None:
    s = create(live)
    assert live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "notes": "first"}).status_code == 200
    r = live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "notes": "stale"})
    assert r.status_code == 409
    assert r.json()["code"] == "student.version_conflict"
    assert r.json()["details"] == {"student_id": s["id"], "your_version": 1, "current_version": 2}
    current = live.client.get(f"/api/v1/students/{s['id']}").json()
    assert current["notes"] == "first"
    assert current["version"] == 2


def test_update_refuses_to_blank_a_required_field(live: LiveServer) -> None:
    s = create(live)
    r = live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "last_name": None})
    assert r.status_code == 422
    assert r.json()["details"]["fields"][0]["field"] == "last_name"


def test_archive_hides_the_student_from_the_list_but_keeps_the_record(live: LiveServer) -> None:
    s = create(live)
    r = live.client.post(f"/api/v1/students/{s['id']}/archive", json={"version": 1})
    assert r.status_code == 200
    assert r.json()["archived_at"] is not None
    assert live.client.get("/api/v1/students").json()["total"] == 0
    assert live.client.get("/api/v1/students", params={"include_archived": True}).json()["total"] == 1
    assert count_students(live) == 1
    edit = live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 2, "notes": "x"})
    assert edit.status_code == 409
    assert edit.json()["code"] == "student.archived"


def test_archive_with_a_stale_version_conflicts(live: LiveServer) -> None:
    s = create(live)
    live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "notes": "n"})
    r = live.client.post(f"/api/v1/students/{s['id']}/archive", json={"version": 1})
    assert r.status_code == 409
    assert live.client.get(f"/api/v1/students/{s['id']}").json()["archived_at"] is None
