from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class LicenceClass(StrEnum):
    """The steps of Ontario's graduated licensing, in the order they are held."""

    G1 = "G1"
    G2 = "G2"
    G = "G"


LICENCE_ORDER = (LicenceClass.G1, LicenceClass.G2, LicenceClass.G)


class LicenceStep(Audited, Base):
    """One step of a student's licence history: the class and the day it was issued.

    The student's current class is the highest step held; `students.licence_class` and
    `students.g1_issue_date` are kept equal to it by the students service, so every reader of the
    student (the G1 night ban, the student's page) reads the same class the history says.
    The issue date may be unknown (a class entered before the history existed, with no date on file)."""

    __tablename__ = "licence_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    licence_class: Mapped[str] = mapped_column(String(2))
    issued_on: Mapped[date | None] = mapped_column(Date)
    # How it came to be on file: "entered" at the desk, "migrated" from the student's record, or "road_test".
    source: Mapped[str] = mapped_column(String(16), default="entered")
    road_test_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("student_id", "licence_class"),)

    def audit_student_id(self) -> int | None:
        return self.student_id
