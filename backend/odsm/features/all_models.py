"""Imports every feature's models so that Base.metadata knows all tables (for Alembic)."""

from odsm.core.audit import AuditEntry
from odsm.core.idempotency import IdempotencyRecord
from odsm.features.instructors.models import Instructor, InstructorAvailability, InstructorTimeOff
from odsm.features.school.models import SchoolSettings
from odsm.features.students.models import Student
from odsm.features.vehicles.models import OdometerReading, Vehicle

__all__ = [
    "AuditEntry",
    "IdempotencyRecord",
    "Instructor",
    "InstructorAvailability",
    "InstructorTimeOff",
    "OdometerReading",
    "SchoolSettings",
    "Student",
    "Vehicle",
]
