"""Certification: the ready / blocked / at-risk worklist, and recording a certification (which locks the records)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.core.resource_lock_repository import Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.core.versioning import check_version, guard_stale
from odsm.features.enrollments.errors import EnrollmentVersionConflict
from odsm.features.enrollments.schemas import EnrollmentDetail
from odsm.features.enrollments.service import EnrollmentStatus, enrollment_detail, load_enrollment
from odsm.features.school.clock import local_today
from odsm.features.school.service import load_settings

from . import repository as repo
from .errors import (
    AlreadyCertified,
    BackdatingReasonRequired,
    CertifiedBeforeCourseStart,
    CertifiedInFuture,
    NotReady,
)
from .readiness import assess_ids, assess_rows, at_risk, expired, split_done
from .schemas import CertifyRequest, Worklist

if TYPE_CHECKING:
    from odsm.models import Enrollment


def check_certification_date(enrollment: Enrollment, certified_on: date, today: date, reason: str | None) -> None:
    """A date that cannot be true is refused; any other day than today needs a logged reason (DOMAIN.md)."""
    began = enrollment.first_class_date or enrollment.enrolled_on
    dates = {"certified_on": certified_on.isoformat(), "today": today.isoformat()}
    if certified_on > today:
        raise CertifiedInFuture(details={"field": "certified_on", "rule": "not_after_today", **dates})
    if certified_on < began:
        raise CertifiedBeforeCourseStart(
            details={
                "field": "certified_on",
                "rule": "not_before_course_start",
                "course_began": began.isoformat(),
                **dates,
            }
        )
    if certified_on != today and not reason:
        raise BackdatingReasonRequired(details={"field": "reason", "rule": "required_when_not_today", **dates})


class CertificationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def worklist(self, limit: int) -> Worklist:
        """A read that changes nothing: Core statements on one connection, each row straight into the answer."""

        def fn(conn: Connection) -> Worklist | None:
            settings = repo.settings_of(conn)
            if settings is None:
                return None
            today = local_today(settings)
            ready, blocked = split_done(conn, settings, today)
            risky, risky_total = at_risk(conn, settings, today, limit)
            lapsed, lapsed_total = expired(conn, settings, today, limit)
            # The rows go straight into the answer's schema: one validation of the whole, in pydantic's core.
            return Worklist.model_validate(
                {
                    "ready": [a.row(today) for a in assess_rows(conn, settings, today, ready[:limit], lapsed=False)],
                    "blocked": [a.blocked_row(today) for a in assess_rows(conn, settings, today, blocked[:limit])],
                    "at_risk": [a.row(today) for a in risky],
                    "expired": [a.row(today) for a in lapsed],
                    "ready_total": len(ready),
                    "blocked_total": len(blocked),
                    "at_risk_total": risky_total,
                    "expired_total": lapsed_total,
                    "today": today,
                }
            )

        found = self.db.query(fn)
        if found is None:
            # A new school's first read: the school feature creates its settings with their defaults, once.
            self.db.read(load_settings)
            found = self.db.query(fn)
        assert found is not None
        return found

    def certify(self, enrollment_id: int, data: CertifyRequest) -> EnrollmentDetail:
        def fn(s: Session) -> EnrollmentDetail:
            # One certification at a time per enrollment, and no hours change under the readiness check.
            lock_resources(s, [(Resource.ENROLLMENT, enrollment_id)])
            settings = load_settings(s)
            today = local_today(settings)
            enrollment = load_enrollment(s, enrollment_id)
            check_version(enrollment.version, data.version, EnrollmentVersionConflict, enrollment_id=enrollment_id)
            if enrollment.status == EnrollmentStatus.CERTIFIED:
                raise AlreadyCertified(
                    details={
                        "enrollment_id": enrollment.id,
                        "certified_on": enrollment.certified_on.isoformat() if enrollment.certified_on else None,
                        "mto_reference": enrollment.mto_reference,
                    }
                )
            certified_on = data.certified_on or today
            check_certification_date(enrollment, certified_on, today, data.reason)
            [assessment] = assess_ids(s.connection(), settings, today, [enrollment.id])
            unmet = assessment.unmet(today)
            if unmet:
                raise NotReady(details={"enrollment_id": enrollment.id, "unmet": [u.model_dump() for u in unmet]})
            enrollment.status = EnrollmentStatus.CERTIFIED
            enrollment.certified_on = certified_on
            enrollment.certified_by = data.certified_by
            enrollment.mto_reference = data.mto_reference
            enrollment.certification_fee_cents = (
                data.fee_cents if data.fee_cents is not None else settings.certification_fee_cents
            )
            audit.note(s, enrollment, "certify", data.reason)
            s.flush()
            return enrollment_detail(s, enrollment)

        return guard_stale(lambda: self.db.write(fn), EnrollmentVersionConflict, enrollment_id=enrollment_id)
