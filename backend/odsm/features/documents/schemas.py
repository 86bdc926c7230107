from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from odsm.features.audit.schemas import AuditEntryRead, ChainReport
from odsm.features.enrollments.schemas import EnrollmentDetail, EnrollmentRead, HoursTotal
from odsm.features.students.schemas import StudentRead


class DocumentSchool(BaseModel):
    """Who issues the document, and how its times are written (the renderer formats them in this zone)."""

    name: str
    address: str
    mto_school_number: str
    time_zone: str
    time_format: str


class PacketLesson(BaseModel):
    id: int
    enrollment_id: int | None
    starts_at: datetime
    ends_at: datetime
    status: str
    actual_start: datetime | None
    actual_end: datetime | None
    instructor_id: int
    instructor_name: str
    instructor_di_licence: str
    vehicle_id: int
    vehicle_plate: str
    vehicle_description: str
    odometer_start: int | None
    odometer_end: int | None
    skills_covered: list[str]
    evaluation_notes: str | None
    cancelled_at: datetime | None
    cancel_reason: str | None


class PacketAttendance(BaseModel):
    session_id: int
    enrollment_id: int
    starts_at: datetime
    ends_at: datetime
    topic: str
    room: str
    instructor_name: str
    minutes: int


class PacketChain(BaseModel):
    """The audit chain as of printing: its head, and verify's full report run just before."""

    head_id: int | None
    head_hash: str | None
    verify: ChainReport


class InspectorPacket(BaseModel):
    """Everything an MTO inspector asks about one student. Identity is text alone: no image of a licence card
    is kept, so none can be printed. `consent_at` is null when the student has not consented."""

    generated_at: datetime
    school: DocumentSchool
    student: StudentRead
    enrollments: list[EnrollmentDetail]
    lessons: list[PacketLesson]
    attendance: list[PacketAttendance]
    audit_entries: list[AuditEntryRead]
    audit_entries_total: int
    chain: PacketChain


class ProgressLesson(BaseModel):
    id: int
    starts_at: datetime
    ends_at: datetime
    status: str
    instructor_name: str
    vehicle_plate: str
    skills_covered: list[str]
    evaluation_notes: str | None


class ProgressReport(BaseModel):
    """For the student or a parent: hours by category against the requirement, the lessons taken with the
    skills covered, and the bookings still to come (from the time of printing)."""

    generated_at: datetime
    school: DocumentSchool
    student_id: int
    student_name: str
    licence_class: str | None
    enrollments: list[EnrollmentRead]
    lessons: list[ProgressLesson]
    upcoming: list[ProgressLesson]


class CertificateInstructor(BaseModel):
    name: str
    di_licence_number: str


class Certificate(BaseModel):
    """The school's own BDE completion certificate: who finished which course, when, with what hours, and
    who certified it. `certificate_number` is the school's (one per certified enrollment, never reused);
    `mto_reference` is what MTO gave when the school certified the student on its web site."""

    generated_at: datetime
    school: DocumentSchool
    student_id: int
    student_name: str
    date_of_birth: date | None
    licence_number: str | None
    enrollment_id: int
    course_name: str
    enrolled_on: date
    completed_on: date
    certificate_number: str
    mto_reference: str | None
    final_mark_percent: int | None
    hours: list[HoursTotal]
    certified_by: str | None
    instructors: list[CertificateInstructor]


class BundleStudent(BaseModel):
    """One student whose packet goes into an inspection bundle, with the hours credited on all courses."""

    student_id: int
    student_name: str
    licence_number: str | None
    classroom_minutes: int
    in_car_minutes: int
    flex_minutes: int


class BundleStudents(BaseModel):
    """Every student with a lesson, a class or an hours entry on a day from `first_day` to `last_day`."""

    first_day: date
    last_day: date
    items: list[BundleStudent]
