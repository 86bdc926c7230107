"""The calendar's Core rows (a lesson's or road test's columns with the names they are shown with), validated
straight into the answer: shared by an instructor's calendar and the school day."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from .schemas import CalendarRoadTest, LessonRead


def lesson_from_row(row: Row[Any]) -> LessonRead:
    m = row._mapping
    return LessonRead.model_validate(
        {
            **m,
            "student_name": f"{m['student_first']} {m['student_last']}",
            "instructor_name": f"{m['instructor_first']} {m['instructor_last']}",
        }
    )


def road_test_from_row(row: Row[Any]) -> CalendarRoadTest:
    m = row._mapping
    return CalendarRoadTest.model_validate({**m, "student_name": f"{m['student_first']} {m['student_last']}"})
