"""The documents' contents. Each document is read here and laid out for print by the renderer; main turns
that layout into a PDF behind a save dialog (electron/main/documents)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.features.audit.anchor_check import AuditAnchor
from odsm.features.audit.schemas import AuditEntryRead, AuditFilters
from odsm.features.audit.service import AuditService
from odsm.features.enrollments.service import enrollment_detail
from odsm.features.school.clock import day_bounds
from odsm.features.school.service import load_settings
from odsm.features.students.licence import display_licence_number
from odsm.features.students.service import load_student, to_read

from . import repository as repo
from .errors import NotCertified, bundle_range_refused
from .schemas import (
    BundleStudent,
    BundleStudents,
    Certificate,
    CertificateInstructor,
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
# An inspection bundle covers at most a little over a year (an inspector asks about a period, not all time).
BUNDLE_MAX_DAYS = 400


def certificate_number(enrollment_id: int, certified_on: date) -> str:
    """The school's certificate number: the year certified and the enrollment, so it is unique and stable."""
    return f"BDE-{certified_on.year}-{enrollment_id:06d}"


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

    def certificate(self, student_id: int) -> Certificate:
        """The completion certificate of the student's latest certified BDE course; refused while none is."""

        def fn(s: Session) -> Certificate:
            student = load_student(s, student_id)
            certified = [enrollment_detail(s, e) for e in s.scalars(repo.certified_enrollments_of(student_id)).all()]
            course = next((e for e in certified if e.course_kind == "bde" and e.certified_on is not None), None)
            if course is None or course.certified_on is None:
                raise NotCertified(
                    details={"field": "student_id", "rule": "certified_bde_course_required", "student_id": student_id}
                )
            taught = s.execute(repo.enrollment_instructors(course.id)).all()
            return Certificate(
                generated_at=utcnow(),
                school=_school(s),
                student_id=student.id,
                student_name=f"{student.first_name} {student.last_name}",
                date_of_birth=student.date_of_birth,
                licence_number=display_licence_number(student.licence_number) if student.licence_number else None,
                enrollment_id=course.id,
                course_name=course.course_name,
                enrolled_on=course.enrolled_on,
                completed_on=course.certified_on,
                certificate_number=certificate_number(course.id, course.certified_on),
                mto_reference=course.mto_reference,
                final_mark_percent=course.final_mark_percent,
                hours=course.totals,
                certified_by=course.certified_by,
                instructors=[
                    CertificateInstructor(name=f"{given} {family}", di_licence_number=di)
                    for given, family, di in taught
                ],
            )

        return self.db.read(fn)

    def bundle_students(self, first_day: date, last_day: date) -> BundleStudents:
        """The students an inspection bundle from first_day to last_day holds (school-local days)."""
        days = {"first_day": first_day.isoformat(), "last_day": last_day.isoformat()}
        if last_day < first_day:
            raise bundle_range_refused(
                **days, rule="not_before_first_day", message="The last day is before the first day."
            )
        if (last_day - first_day).days >= BUNDLE_MAX_DAYS:
            raise bundle_range_refused(
                **days,
                rule="at_most_400_days",
                message=f"A bundle covers at most {BUNDLE_MAX_DAYS} days: choose a shorter period.",
            )

        def fn(s: Session) -> BundleStudents:
            settings = load_settings(s)
            start, _ = day_bounds(settings, first_day)
            _, end = day_bounds(settings, last_day)
            rows = s.execute(repo.students_active_between(start, end, first_day, last_day)).all()
            items = [
                BundleStudent(
                    student_id=sid,
                    student_name=f"{first} {last}",
                    licence_number=display_licence_number(licence) if licence else None,
                    classroom_minutes=int(classroom),
                    in_car_minutes=int(in_car),
                    flex_minutes=int(flex),
                )
                for sid, first, last, licence, classroom, in_car, flex in rows
            ]
            return BundleStudents(first_day=first_day, last_day=last_day, items=items)

        return self.db.read(fn)

    def _audit_entries(self, student_id: int) -> list[AuditEntryRead]:
        """Every entry about the student, oldest first."""
        entries: list[AuditEntryRead] = []
        while True:
            page = self.audit.history(AuditFilters(student_id=student_id), len(entries), AUDIT_PAGE)
            entries += page.items
            if not page.items or len(entries) >= page.total:
                break
        entries.reverse()
        return entries
