"""The queries that name the records audit entries are about (see record_names): the live rows of a page's
records, their last entry when they are gone, and the people they name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, and_, func, or_, select

from odsm import models
from odsm.models import AuditEntry, Instructor, Student

# The tables whose rows name their records, keyed by the table name an entry's `entity` holds.
NAMED_TABLES: dict[str, Any] = {
    model.__tablename__: model
    for model in (
        models.Attendance,
        models.ClassroomSession,
        models.Course,
        models.DriveTestCentre,
        models.Enrollment,
        models.HoursEntry,
        models.Instructor,
        models.Invoice,
        models.Lesson,
        models.LicenceStep,
        models.OdometerReading,
        models.OutboxMessage,
        models.Payment,
        models.PrepaidEntry,
        models.Product,
        models.ReminderConsent,
        models.ReminderTemplate,
        models.RoadTest,
        models.RoadTestCharge,
        models.RosterEntry,
        models.StaffAccount,
        models.Student,
        models.Vehicle,
    )
}


def live_rows(entity: str, ids: set[int]) -> Select[Any]:
    """The columns of the records of one kind still in their table: one IN query."""
    table = NAMED_TABLES[entity].__table__
    return select(table).where(table.c.id.in_(ids))


def last_entries(gone: dict[str, set[str]]) -> Select[str, str, str | None, str | None]:
    """(entity, entity_id, before, after) of each record's last entry (`ix_audit_log_entity_record`)."""
    which = or_(*(and_(AuditEntry.entity == e, AuditEntry.entity_id.in_(ids)) for e, ids in gone.items()))
    last = (
        select(func.max(AuditEntry.id).label("last_id")).where(which).group_by(AuditEntry.entity, AuditEntry.entity_id)
    ).subquery()
    return select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.before, AuditEntry.after).join(
        last, AuditEntry.id == last.c.last_id
    )


def student_names(ids: set[int]) -> Select[int, str, str]:
    return select(Student.id, Student.first_name, Student.last_name).where(Student.id.in_(ids))


def instructor_names(ids: set[int]) -> Select[int, str, str]:
    return select(Instructor.id, Instructor.first_name, Instructor.last_name).where(Instructor.id.in_(ids))
