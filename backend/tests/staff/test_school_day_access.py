"""The school day shows every instructor's calendar: the desk reads it, an instructor's account is refused it
(it cannot be narrowed to their own), naming the permission."""

from __future__ import annotations

from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, ok, refused
from .conftest import add_staff, as_, enable, token_of


def test_the_desk_reads_the_school_day_and_an_instructor_is_refused_it(live: LiveServer) -> None:
    school = School(live)
    mine, theirs = school.instructor(), school.instructor()
    day = days_ago(-2)
    ok(school.book(school.student(), theirs, school.vehicle(), at(day, 11), at(day, 12)), 201)
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "ines", "instructor", instructor_id=mine["id"])
    add_staff(live.client, owner, "fran", "office")
    params = {"day": day.isoformat()}
    desk = ok(live.client.get("/api/v1/lessons/school-day", params=params, headers=as_(token_of(live, "fran"))))
    assert [x["instructor_id"] for x in desk["lessons"]] == [theirs["id"]]
    r = live.client.get("/api/v1/lessons/school-day", params=params, headers=as_(token_of(live, "ines")))
    assert refused(r, 403, "permission_denied") == {"permission": "calendar.read", "role": "instructor"}
