from __future__ import annotations

from ..conftest import LiveServer
from ..enrollments.builders import School, ok, refused


def test_a_bde_course_takes_its_hours_from_the_school_settings(live: LiveServer) -> None:
    course = School(live).course(price_cents=79900)
    assert (course["classroom_minutes"], course["in_car_minutes"], course["flex_minutes"]) == (1200, 600, 600)
    assert (course["tax_rate_basis_points"], course["price_cents"]) == (1300, 79900)


def test_a_package_keeps_its_own_hours_and_lists_by_activity(live: LiveServer) -> None:
    school = School(live)
    package = school.course(kind="package", in_car_minutes=300, name="5 lessons")
    assert (package["classroom_minutes"], package["in_car_minutes"], package["flex_minutes"]) == (0, 300, 0)
    ok(live.client.patch(f"/api/v1/courses/{package['id']}", json={"version": 1, "active": False}))
    assert ok(live.client.get("/api/v1/courses"))["items"] == []
    assert len(ok(live.client.get("/api/v1/courses", params={"include_inactive": True}))["items"]) == 1


def test_course_update_with_a_stale_version_conflicts(live: LiveServer) -> None:
    course = School(live).course()
    ok(live.client.patch(f"/api/v1/courses/{course['id']}", json={"version": 1, "price_cents": 1}))
    refused(
        live.client.patch(f"/api/v1/courses/{course['id']}", json={"version": 1, "price_cents": 2}),
        409,
        "course.version_conflict",
    )
