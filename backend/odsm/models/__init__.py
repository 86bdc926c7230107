"""The ORM models, one module per aggregate. Import them from here: `from odsm.models import Student`.

Importing this package registers every table on Base.metadata (Alembic reads it from here)."""

from odsm.core.audit_entry import AuditEntry
from odsm.core.idempotency_record import IdempotencyRecord

from .classroom import Attendance, ClassroomSession
from .courses import Course, CourseKind
from .enrollments import (
    TOTAL_COLUMNS,
    Enrollment,
    EnrollmentResult,
    EnrollmentStatus,
    HoursCategory,
    HoursEntry,
    HoursSource,
)
from .instructors import Instructor, InstructorAvailability, InstructorTimeOff
from .lessons import Lesson, LessonStatus
from .reminders import OutboxMessage, OutboxStatus, ReminderConsent, ReminderSettings, ReminderTemplate
from .school import SchoolSettings
from .students import Student
from .vehicles import OdometerReading, Vehicle

__all__ = [
    "TOTAL_COLUMNS",
    "Attendance",
    "AuditEntry",
    "ClassroomSession",
    "Course",
    "CourseKind",
    "Enrollment",
    "EnrollmentResult",
    "EnrollmentStatus",
    "HoursCategory",
    "HoursEntry",
    "HoursSource",
    "IdempotencyRecord",
    "Instructor",
    "InstructorAvailability",
    "InstructorTimeOff",
    "Lesson",
    "LessonStatus",
    "OdometerReading",
    "OutboxMessage",
    "OutboxStatus",
    "ReminderConsent",
    "ReminderSettings",
    "ReminderTemplate",
    "SchoolSettings",
    "Student",
    "Vehicle",
]
