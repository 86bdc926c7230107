"""The ORM models, one module per aggregate. Import them from here: `from odsm.models import Student`.

Importing this package registers every table on Base.metadata (Alembic reads it from here)."""

from odsm.core.audit_entry import AuditEntry
from odsm.core.idempotency_record import IdempotencyRecord

from .billing import (
    BillingSettings,
    DocumentCounter,
    DocumentKind,
    Invoice,
    InvoiceLine,
    InvoiceOwing,
    InvoiceStatus,
    InvoiceTaxRate,
    Payment,
    PaymentAllocation,
    PaymentKind,
    PrepaidEntry,
    Product,
    ProductKind,
)
from .classroom import Attendance, ClassroomSession, RosterEntry
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
from .reminders import OutboxMessage, OutboxStatus, ReminderConsent, ReminderSettings, ReminderTemplate
from .road_tests import (
    ROAD_TEST_HOLDS_TIME,
    DriveTestCentre,
    RoadTest,
    RoadTestCharge,
    RoadTestSettings,
    RoadTestStatus,
)
from .school import SchoolSettings
from .staff import SignInSettings, StaffAccount, StaffSession
from .students import Student
from .vehicles import OdometerReading, Vehicle

__all__ = [
    "LICENCE_ORDER",
    "ROAD_TEST_HOLDS_TIME",
    "TOTAL_COLUMNS",
    "Attendance",
    "AuditEntry",
    "BillingSettings",
    "ClassroomSession",
    "Course",
    "CourseKind",
    "DocumentCounter",
    "DocumentKind",
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
    "Invoice",
    "InvoiceLine",
    "InvoiceOwing",
    "InvoiceStatus",
    "InvoiceTaxRate",
    "Lesson",
    "LessonStatus",
    "LicenceClass",
    "LicenceStep",
    "OdometerReading",
    "OutboxMessage",
    "OutboxStatus",
    "Payment",
    "PaymentAllocation",
    "PaymentKind",
    "PrepaidEntry",
    "Product",
    "ProductKind",
    "ReminderConsent",
    "ReminderSettings",
    "ReminderTemplate",
    "RoadTest",
    "RoadTestCharge",
    "RoadTestSettings",
    "RoadTestStatus",
    "RosterEntry",
    "SchoolSettings",
    "SignInSettings",
    "StaffAccount",
    "StaffSession",
    "Student",
    "Vehicle",
]
