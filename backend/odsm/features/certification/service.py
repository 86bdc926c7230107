"""Certification: the ready / blocked / at-risk worklist, and recording a certification (which locks the records)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.core.errors import AppError
from odsm.core.resource_lock_repository import Resource, lock_resources, reference_lock_id
from odsm.core.unit_of_work import Database
from odsm.core.versioning import check_version, guard_stale
from odsm.features.enrollments.errors import EnrollmentVersionConflict
from odsm.features.enrollments.schemas import EnrollmentDetail
from odsm.features.enrollments.service import EnrollmentStatus, enrollment_detail, load_enrollment
from odsm.features.school.clock import local_today
from odsm.features.school.service import load_settings
from odsm.features.students.service import students_named

from . import repository as repo
from .certifiers import certifier_name, certifiers_on
from .errors import (
    AlreadyCertified,
    BackdatingReasonRequired,
    CertifiedBeforeCourseStart,
    CertifiedInFuture,
    MtoReferenceTaken,
    NotReady,
)
from .readiness import assess_ids, assess_rows, at_risk, expired, split_done
from .schemas import (
    BatchOutcome,
    BatchResult,
    CertifierList,
    CertifyBatch,
    CertifyRequest,
    Refusal,
    Worklist,
    WorklistState,
)

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

    def worklist(
        self,
        limit: int,
        q: str | None = None,
        course_id: int | None = None,
        state: WorklistState = WorklistState.ALL,
    ) -> Worklist:
        """A read that changes nothing: Core statements on one connection, each row straight into the answer.

        The filters narrow each list's one statement (no query per row); a list `state` leaves out is not
        read at all, and answers empty with a total of 0."""
        narrow = repo.narrowed_by(course_id, students_named(q) if q else None)
        wanted = {state} if state is not WorklistState.ALL else set(WorklistState)

        def fn(conn: Connection) -> Worklist | None:
            settings = repo.settings_of(conn)
            if settings is None:
                return None
            today = local_today(settings)
            done = wanted & {WorklistState.READY, WorklistState.BLOCKED}
            ready, blocked = split_done(conn, settings, today, narrow) if done else ([], [])
            if WorklistState.READY not in wanted:
                ready = []
            if WorklistState.BLOCKED not in wanted:
                blocked = []
            risky, risky_total = (
                at_risk(conn, settings, today, limit, narrow) if WorklistState.AT_RISK in wanted else ([], 0)
            )
            lapsed, lapsed_total = (
                expired(conn, settings, today, limit, narrow) if WorklistState.EXPIRED in wanted else ([], 0)
            )
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

    def certifiers(self) -> CertifierList:
        """Who may be chosen as "Certified by" today (see `certifiers`)."""
        return self.db.read(lambda s: CertifierList(items=certifiers_on(s, local_today(load_settings(s)))))

    def certify_batch(self, data: CertifyBatch) -> BatchResult:
        """Each row is certified in its own unit of work, so a refused row writes nothing and the others
        stand. Under an Idempotency-Key the request's writes are held in one transaction with the answer
        (core.held_write), each row in a savepoint of it: a retried batch replays the stored answer, never
        certifying twice. Who certified is checked once first: a refused certifier refuses the whole batch."""
        self.db.read(lambda s: certifier_name(s, data.certifier, local_today(load_settings(s))))
        outcomes: list[BatchOutcome] = []
        for row in data.rows:
            try:
                detail = self.certify(row.enrollment_id, data.request_for(row))
            except AppError as refusal:
                if refusal.status_code >= 500:
                    raise  # the database failed: nothing about this row was decided
                why = Refusal(code=refusal.code, message=refusal.message, details=refusal.details)
                outcomes.append(BatchOutcome(enrollment_id=row.enrollment_id, certified=False, refusal=why))
            else:
                outcomes.append(BatchOutcome(enrollment_id=row.enrollment_id, certified=True, enrollment=detail))
        done = sum(o.certified for o in outcomes)
        return BatchResult(outcomes=outcomes, certified_count=done, refused_count=len(outcomes) - done)

    def certify(self, enrollment_id: int, data: CertifyRequest) -> EnrollmentDetail:
        def fn(s: Session) -> EnrollmentDetail:
            # One certification at a time per enrollment, and no hours change under the readiness check.
            # And one desk at a time recording this MTO reference (it is recorded once, for one student).
            reference = (Resource.MTO_REFERENCE, reference_lock_id(data.mto_reference))
            lock_resources(s, [(Resource.ENROLLMENT, enrollment_id), reference])
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
            certified_by = certifier_name(s, data.certifier, today)
            holder = repo.reference_holder(s.connection(), data.mto_reference, enrollment.id)
            if holder is not None:
                raise MtoReferenceTaken(
                    details={
                        "field": "mto_reference",
                        "rule": "unique",
                        "mto_reference": data.mto_reference,
                        "enrollment_id": holder,
                    }
                )
            [assessment] = assess_ids(s.connection(), settings, today, [enrollment.id])
            unmet = assessment.unmet(today)
            if unmet:
                raise NotReady(details={"enrollment_id": enrollment.id, "unmet": [u.model_dump() for u in unmet]})
            enrollment.status = EnrollmentStatus.CERTIFIED
            enrollment.certified_on = certified_on
            # The name, as it reads today: the record and its audit entry stay readable whatever later
            # becomes of the account or the instructor.
            enrollment.certified_by = certified_by
            enrollment.mto_reference = data.mto_reference
            enrollment.certification_fee_cents = (
                data.fee_cents if data.fee_cents is not None else settings.certification_fee_cents
            )
            audit.note(s, enrollment, "certify", data.reason)
            s.flush()
            return enrollment_detail(s, enrollment)

        return guard_stale(lambda: self.db.write(fn), EnrollmentVersionConflict, enrollment_id=enrollment_id)
