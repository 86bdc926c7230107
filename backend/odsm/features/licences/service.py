"""The licence history's routes: read it, and record a step (the rules live in the students feature)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.core.versioning import check_version, guard_stale
from odsm.features.school.clock import local_today
from odsm.features.school.service import load_settings
from odsm.features.students.errors import StudentArchived, StudentVersionConflict
from odsm.features.students.licence_history import current_class, record_step, steps_of
from odsm.features.students.service import load_student

from .schemas import LicenceHistory, LicenceStepRead, LicenceStepRecord


def history(s: Session, student_id: int) -> LicenceHistory:
    student = load_student(s, student_id)
    steps = steps_of(s, student_id)
    return LicenceHistory.model_validate(
        {
            "student_id": student.id,
            "current_class": current_class(steps),
            "steps": [LicenceStepRead.model_validate(step, from_attributes=True) for step in steps],
            "version": student.version,
        }
    )


class LicenceService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, student_id: int) -> LicenceHistory:
        return self.db.read(lambda s: history(s, student_id))

    def record(self, student_id: int, data: LicenceStepRecord) -> LicenceHistory:
        def fn(s: Session) -> LicenceHistory:
            student = load_student(s, student_id)
            check_version(student.version, data.version, StudentVersionConflict, student_id=student.id)
            if student.archived_at is not None:
                raise StudentArchived(details={"student_id": student_id})
            record_step(s, student, data.licence_class, data.issued_on, local_today(load_settings(s)))
            # The student's version moves with every step, so a second desk's stale step is a conflict.
            student.updated_at = utcnow()
            s.flush()
            return history(s, student_id)

        return guard_stale(
            lambda: self.db.write(fn), StudentVersionConflict, student_id=student_id, your_version=data.version
        )
