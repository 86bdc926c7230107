"""Imports every feature's models so that Base.metadata knows all tables (for Alembic)."""

from odsm.core.audit import AuditEntry
from odsm.core.idempotency import IdempotencyRecord
from odsm.features.classroom.models import Attendance, ClassroomSession
from odsm.features.courses.models import Course
from odsm.features.enrollments.models import Enrollment, HoursEntry
from odsm.features.instructors.models import Instructor, InstructorAvailability, InstructorTimeOff
from odsm.features.lessons.models import Lesson
from odsm.features.school.models import SchoolSettings
from odsm.features.students.models import Student
from odsm.features.vehicles.models import OdometerReading, Vehicle

__all__ = [
    "Attendance",
    "AuditEntry",
    "ClassroomSession",
    "Course",
    "Enrollment",
    "HoursEntry",
    "IdempotencyRecord",
    "Instructor",
    "InstructorAvailability",
    "InstructorTimeOff",
    "Lesson",
    "OdometerReading",
    "SchoolSettings",
    "Student",
    "Vehicle",
]
