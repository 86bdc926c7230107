"""The ORM models, one module per aggregate. Import them from here: `from odsm.models import Student`.

Importing this package registers every table on Base.metadata (Alembic reads it from here)."""

from odsm.core.audit import AuditEntry
from odsm.core.idempotency import IdempotencyRecord

from .classroom import Attendance, ClassroomSession
from .courses import Course
from .enrollments import TOTAL_COLUMNS, Enrollment, HoursEntry
from .instructors import Instructor, InstructorAvailability, InstructorTimeOff
from .lessons import Lesson, LessonStatus
from .school import SchoolSettings
from .students import Student
from .vehicles import OdometerReading, Vehicle

__all__ = [
    "TOTAL_COLUMNS",
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
    "LessonStatus",
    "OdometerReading",
    "SchoolSettings",
    "Student",
    "Vehicle",
]
