"""The queries of road tests, their centres, settings and charges."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from odsm.core.repository import Repository, RetirableRepository, overlaps
from odsm.core.resource_lock_repository import Resource, one_row
from odsm.models import (
    ROAD_TEST_HOLDS_TIME,
    Course,
    CourseKind,
    DriveTestCentre,
    Enrollment,
    EnrollmentStatus,
    RoadTest,
    RoadTestCharge,
    RoadTestSettings,
    RoadTestStatus,
)

from .errors import CentreNotFound, RoadTestNotFound

# A test held with its buffers lasts well under a day: range queries bound blocked_from on both sides.
LONGEST_HOLD = timedelta(hours=24)
HOLDS_TIME = ROAD_TEST_HOLDS_TIME
RENTAL, RENTAL_REVERSAL = "car_rental", "car_rental_reversal"


def settings_row(s: Session) -> RoadTestSettings:
    """The one settings row, made with its defaults the first time it is asked for."""
    first = select(RoadTestSettings).order_by(RoadTestSettings.id).limit(1)
    return one_row(s, Resource.ROAD_TEST_SETTINGS, lambda: s.scalars(first).first(), RoadTestSettings)


class CentreRepository(RetirableRepository[DriveTestCentre]):
    model = DriveTestCentre
    not_found = CentreNotFound
    id_name = "centre_id"
    listing_order = (DriveTestCentre.name, DriveTestCentre.id)

    def any(self) -> bool:
        return self.session.scalars(select(DriveTestCentre.id).limit(1)).first() is not None


class RoadTestRepository(Repository[RoadTest]):
    model = RoadTest
    not_found = RoadTestNotFound
    id_name = "road_test_id"

    def first_hold(
        self,
        owner: InstrumentedAttribute[int | None],
        owner_id: int,
        start: datetime,
        end: datetime,
        exclude: int | None = None,
    ) -> RoadTest | None:
        """The owner's earliest test whose held time (with buffers) overlaps [start, end)."""
        stmt = select(RoadTest).where(
            owner == owner_id,
            overlaps(RoadTest.blocked_from, RoadTest.blocked_until, start, end, longest=LONGEST_HOLD),
            RoadTest.status.in_(HOLDS_TIME),
        )
        if exclude is not None:
            stmt = stmt.where(RoadTest.id != exclude)
        return self.session.scalars(stmt.order_by(RoadTest.blocked_from).limit(1)).first()

    def student_test_during(self, student_id: int, start: datetime, end: datetime) -> RoadTest | None:
        """The student's test (the test itself, no buffers) overlapping [start, end)."""
        stmt = select(RoadTest).where(
            RoadTest.student_id == student_id,
            overlaps(RoadTest.starts_at, RoadTest.ends_at, start, end, longest=LONGEST_HOLD),
            RoadTest.status.in_(HOLDS_TIME),
        )
        return self.session.scalars(stmt.order_by(RoadTest.starts_at).limit(1)).first()

    def of_student(self, student_id: int) -> Sequence[RoadTest]:
        stmt = select(RoadTest).where(RoadTest.student_id == student_id)
        return self.session.scalars(stmt.order_by(RoadTest.starts_at.desc(), RoadTest.id.desc())).all()

    def in_range(self, start: datetime | None, end: datetime | None, limit: int) -> Sequence[RoadTest]:
        """The tests holding time in [start, end); an open side is unbounded (no range: every test)."""
        stmt = select(RoadTest)
        if start is not None and end is not None:
            stmt = stmt.where(overlaps(RoadTest.blocked_from, RoadTest.blocked_until, start, end, longest=LONGEST_HOLD))
        elif start is not None:
            stmt = stmt.where(RoadTest.blocked_until > start)
        elif end is not None:
            stmt = stmt.where(RoadTest.blocked_from < end)
        return self.session.scalars(stmt.order_by(RoadTest.starts_at, RoadTest.id).limit(limit)).all()

    def failed(self, student_id: int) -> Sequence[RoadTest]:
        stmt = select(RoadTest).where(RoadTest.student_id == student_id, RoadTest.status == RoadTestStatus.FAILED)
        return self.session.scalars(stmt.order_by(RoadTest.starts_at)).all()

    def rental_cents(self, road_test_id: int) -> int:
        total = self.session.scalar(
            select(func.sum(RoadTestCharge.amount_cents)).where(RoadTestCharge.road_test_id == road_test_id)
        )
        return int(total or 0)

    def unbilled_charges(self) -> Sequence[RoadTestCharge]:
        """Charges written before billing took them over, oldest first (a rental before its reversal)."""
        stmt = select(RoadTestCharge).where(RoadTestCharge.billed.is_(False))
        return self.session.scalars(stmt.order_by(RoadTestCharge.id)).all()

    def rental_charge(self, road_test_id: int) -> RoadTestCharge | None:
        stmt = select(RoadTestCharge).where(RoadTestCharge.road_test_id == road_test_id, RoadTestCharge.kind == RENTAL)
        return self.session.scalars(stmt.order_by(RoadTestCharge.id).limit(1)).first()

    def charges(self, billed: bool | None, student_id: int | None, limit: int) -> Sequence[RoadTestCharge]:
        stmt = select(RoadTestCharge)
        if billed is not None:
            stmt = stmt.where(RoadTestCharge.billed.is_(billed))
        if student_id is not None:
            stmt = stmt.where(RoadTestCharge.student_id == student_id)
        return self.session.scalars(stmt.order_by(RoadTestCharge.id).limit(limit)).all()


def bde_certified_on(s: Session, student_id: int) -> date | None:
    """The day the student's first BDE course was certified with MTO, if one was."""
    stmt = (
        select(func.min(Enrollment.certified_on))
        .join(Course, Course.id == Enrollment.course_id)
        .where(
            Enrollment.student_id == student_id,
            Enrollment.status == EnrollmentStatus.CERTIFIED,
            Course.kind == CourseKind.BDE,
        )
    )
    value: date | None = s.scalar(stmt)
    return value
