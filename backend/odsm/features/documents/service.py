"""The documents' contents. Each document is read here and laid out for print by the renderer; main turns
that layout into a PDF behind a save dialog (electron/main/documents)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.features.audit.anchor_check import AuditAnchor
from odsm.features.audit.schemas import AuditEntryRead
from odsm.features.audit.service import AuditService
from odsm.features.enrollments.service import enrollment_detail
from odsm.features.school.service import load_settings
from odsm.features.students.service import load_student, to_read

from . import repository as repo
from .schemas import (
    DocumentSchool,
    InspectorPacket,
    PacketAttendance,
    PacketChain,
    PacketLesson,
    ProgressLesson,
    ProgressReport,
)

# The student's audit entries are read a page at a time (the audit feature's own paging).
AUDIT_PAGE = 500


def _lesson(row: Any) -> PacketLesson:
    lesson, first, last, di_licence, plate, make, model = row
    return PacketLesson(
        id=lesson.id,
        enrollment_id=lesson.enrollment_id,
        starts_at=lesson.starts_at,
        ends_at=lesson.ends_at,
        status=lesson.status,
        actual_start=lesson.actual_start,
        actual_end=lesson.actual_end,
        instructor_id=lesson.instructor_id,
        instructor_name=f"{first} {last}",
        instructor_di_licence=di_licence,
        vehicle_id=lesson.vehicle_id,
        vehicle_plate=plate,
        vehicle_description=f"{make} {model}",
        odometer_start=lesson.odometer_start,
        odometer_end=lesson.odometer_end,
        skills_covered=[str(skill) for skill in lesson.skills_covered or []],
        evaluation_notes=lesson.evaluation_notes,
        cancelled_at=lesson.cancelled_at,
        cancel_reason=lesson.cancel_reason,
    )


def _attendance(row: Any) -> PacketAttendance:
    m = row._mapping
    return PacketAttendance(
        session_id=m["session_id"],
        enrollment_id=m["enrollment_id"],
        starts_at=m["starts_at"],
        ends_at=m["ends_at"],
        topic=m["topic"],
        room=m["room"],
        instructor_name=f"{m['first_name']} {m['last_name']}",
        minutes=m["minutes"],
    )


def _school(s: Session) -> DocumentSchool:
    settings = load_settings(s)
    return DocumentSchool(
        name=settings.name,
        address=settings.address,
        mto_school_number=settings.mto_school_number,
        time_zone=settings.time_zone,
        time_format=settings.time_format,
    )


def _progress_lesson(lesson: PacketLesson) -> ProgressLesson:
    return ProgressLesson(
        id=lesson.id,
        starts_at=lesson.starts_at,
        ends_at=lesson.ends_at,
        status=lesson.status,
        instructor_name=lesson.instructor_name,
        vehicle_plate=lesson.vehicle_plate,
        skills_covered=lesson.skills_covered,
        evaluation_notes=lesson.evaluation_notes,
    )


class DocumentService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.audit = AuditService(db)

    def inspector_packet(self, student_id: int, anchor: AuditAnchor | None) -> InspectorPacket:
        def records(s: Session) -> dict[str, Any]:
            student = to_read(load_student(s, student_id))
            return {
                "school": _school(s),
                "student": student,
                "enrollments": [enrollment_detail(s, e) for e in s.scalars(repo.enrollments_of(student_id)).all()],
                "lessons": [_lesson(r) for r in s.execute(repo.lessons_of(student_id)).all()],
                "attendance": [_attendance(r) for r in s.execute(repo.attendance_of(student_id)).all()],
            }

        content = self.db.read(records)
        entries = self._audit_entries(student_id)
        # As of printing: verify runs after the records were read, so what the packet shows is covered by it.
        report = self.audit.verify(anchor)
        head = self.audit.head(None)
        return InspectorPacket(
            generated_at=utcnow(),
            **content,
            audit_entries=entries,
            audit_entries_total=len(entries),
            chain=PacketChain(head_id=head.entry_id, head_hash=head.entry_hash, verify=report),
        )

    def progress_report(self, student_id: int) -> ProgressReport:
        def fn(s: Session) -> ProgressReport:
            student = load_student(s, student_id)
            now = utcnow()
            lessons = [_lesson(r) for r in s.execute(repo.lessons_of(student_id)).all()]
            return ProgressReport(
                generated_at=now,
                school=_school(s),
                student_id=student.id,
                student_name=f"{student.first_name} {student.last_name}",
                licence_class=student.licence_class,
                enrollments=[enrollment_detail(s, e) for e in s.scalars(repo.enrollments_of(student_id)).all()],
                lessons=[_progress_lesson(x) for x in lessons if x.status == "completed"],
                upcoming=[_progress_lesson(x) for x in lessons if x.status == "scheduled" and x.starts_at >= now],
            )

        return self.db.read(fn)

    def _audit_entries(self, student_id: int) -> list[AuditEntryRead]:
        """Every entry about the student, oldest first."""
        entries: list[AuditEntryRead] = []
        while True:
            page = self.audit.history(student_id, None, len(entries), AUDIT_PAGE)
            entries += page.items
            if not page.items or len(entries) >= page.total:
                break
        entries.reverse()
        return entries
