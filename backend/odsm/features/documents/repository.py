"""The inspector packet's reads: one student's records across enrollments, lessons and classes, in order."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, select

from odsm.models import Attendance, ClassroomSession, Enrollment, Instructor, Lesson, Vehicle


def enrollments_of(student_id: int) -> Select[Enrollment]:
    return select(Enrollment).where(Enrollment.student_id == student_id).order_by(Enrollment.enrolled_on, Enrollment.id)


def lessons_of(student_id: int) -> Select[Lesson, str, str, str, str, str, str]:
    """Every lesson of the student (cancelled ones too: an inspector sees what was booked and what happened),
    with who taught it and in which car."""
    return (
        select(
            Lesson,
            Instructor.first_name,
            Instructor.last_name,
            Instructor.di_licence_number,
            Vehicle.plate,
            Vehicle.make,
            Vehicle.model,
        )
        .join(Instructor, Instructor.id == Lesson.instructor_id)
        .join(Vehicle, Vehicle.id == Lesson.vehicle_id)
        .where(Lesson.student_id == student_id)
        .order_by(Lesson.starts_at, Lesson.id)
    )


def attendance_of(student_id: int) -> Select[int, int, int, datetime, datetime, str, str, str, str]:
    """The classes the student was marked at, with the class's times, topic and teacher."""
    return (
        select(
            Attendance.session_id,
            Attendance.enrollment_id,
            Attendance.minutes,
            ClassroomSession.starts_at,
            ClassroomSession.ends_at,
            ClassroomSession.topic,
            ClassroomSession.room,
            Instructor.first_name,
            Instructor.last_name,
        )
        .join(ClassroomSession, ClassroomSession.id == Attendance.session_id)
        .join(Instructor, Instructor.id == ClassroomSession.instructor_id)
        .where(Attendance.student_id == student_id)
        .order_by(ClassroomSession.starts_at, Attendance.session_id)
    )
