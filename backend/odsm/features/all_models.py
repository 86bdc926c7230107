"""Imports every feature's models so that Base.metadata knows all tables (for Alembic)."""

from odsm.core.idempotency import IdempotencyRecord
from odsm.features.students.models import Student

__all__ = ["IdempotencyRecord", "Student"]
