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
from .licences import LICENCE_ORDER, LicenceClass, LicenceStep
from .road_tests import (
    ROAD_TEST_HOLDS_TIME,
    DriveTestCentre,
    RoadTest,
    RoadTestCharge,
    RoadTestSettings,
    RoadTestStatus,
)
from .school import SchoolSettings
from .students import Student
from .vehicles import OdometerReading, Vehicle

__all__ = [
    "LICENCE_ORDER",
    "ROAD_TEST_HOLDS_TIME",
    "TOTAL_COLUMNS",
    "Attendance",
    "AuditEntry",
    "ClassroomSession",
    "Course",
    "CourseKind",
    "DriveTestCentre",
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
    "LicenceClass",
    "LicenceStep",
    "OdometerReading",
    "RoadTest",
    "RoadTestCharge",
    "RoadTestSettings",
    "RoadTestStatus",
    "SchoolSettings",
    "Student",
    "Vehicle",
]
