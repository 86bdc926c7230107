"""The documents' reads: one student's records across enrollments, lessons and classes, in order; the
certified course behind a certificate; the students an inspection bundle holds."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Select, func, select, union

from odsm.models import (
    Attendance,
    ClassroomSession,
    Enrollment,
    EnrollmentStatus,
    HoursEntry,
    Instructor,
    Lesson,
    Student,
    Vehicle,
)


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


def certified_enrollments_of(student_id: int) -> Select[Enrollment]:
    """The student's certified courses, the latest certification first."""
    return (
        select(Enrollment)
        .where(Enrollment.student_id == student_id, Enrollment.status == EnrollmentStatus.CERTIFIED.value)
        .order_by(Enrollment.certified_on.desc(), Enrollment.id.desc())
    )


def enrollment_instructors(enrollment_id: int) -> Select[str, str, str]:
    """Who taught the course's completed in-car lessons, each once, by name."""
    return (
        select(Instructor.first_name, Instructor.last_name, Instructor.di_licence_number)
        .join(Lesson, Lesson.instructor_id == Instructor.id)
        .where(Lesson.enrollment_id == enrollment_id, Lesson.status == "completed")
        .group_by(Instructor.id, Instructor.first_name, Instructor.last_name, Instructor.di_licence_number)
        .order_by(Instructor.last_name, Instructor.first_name)
    )


def students_active_between(
    start: datetime, end: datetime, first_day: date, last_day: date
) -> Select[int, str, str, str | None, int, int, int]:
    """Students with a lesson or a class starting in [start, end), or an hours entry dated from first_day to
    last_day; with the hours credited on all their courses. By name, then id."""
    lesson = select(Lesson.student_id).where(Lesson.starts_at >= start, Lesson.starts_at < end)
    attended = (
        select(Attendance.student_id)
        .join(ClassroomSession, ClassroomSession.id == Attendance.session_id)
        .where(ClassroomSession.starts_at >= start, ClassroomSession.starts_at < end)
    )
    ledger = select(HoursEntry.student_id).where(
        HoursEntry.occurred_on >= first_day, HoursEntry.occurred_on <= last_day
    )
    hours = (
        select(
            Enrollment.student_id.label("student_id"),
            func.sum(Enrollment.classroom_minutes).label("classroom"),
            func.sum(Enrollment.in_car_minutes).label("in_car"),
            func.sum(Enrollment.flex_minutes).label("flex"),
        )
        .group_by(Enrollment.student_id)
        .subquery()
    )
    return (
        select(
            Student.id,
            Student.first_name,
            Student.last_name,
            Student.licence_number,
            func.coalesce(hours.c.classroom, 0),
            func.coalesce(hours.c.in_car, 0),
            func.coalesce(hours.c.flex, 0),
        )
        .outerjoin(hours, hours.c.student_id == Student.id)
        .where(Student.id.in_(union(lesson, attended, ledger)))
        .order_by(Student.last_name, Student.first_name, Student.id)
    )
