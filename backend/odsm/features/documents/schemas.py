from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from odsm.features.audit.schemas import AuditEntryRead, ChainReport
from odsm.features.enrollments.schemas import EnrollmentDetail, EnrollmentRead
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
