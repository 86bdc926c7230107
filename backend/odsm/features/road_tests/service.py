"""Road tests: eligibility, booking with the school car, results, cancellation; centres; settings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from pydantic import BaseModel
from sqlalchemy.orm import Session

from odsm.core.audit import primary
from odsm.core.orm import utcnow
from odsm.core.resource_lock_repository import Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.core.versioning import apply_changes, check_version, guard_stale
from odsm.features.school.clock import local_date, local_today
from odsm.features.school.service import load_settings
from odsm.features.students.licence_history import current_class, record_step, steps_of
from odsm.features.students.service import full_name, load_student
from odsm.features.vehicles.service import load_vehicle
from odsm.models import DriveTestCentre, RoadTest, RoadTestStatus

from .booking_rules import Stage, road_test_rules
from .eligibility import day_text, verdict
from .errors import (
    CentreVersionConflict,
    RoadTestNotBooked,
    RoadTestNotYetTaken,
    RoadTestSettingsVersionConflict,
    RoadTestVersionConflict,
)
from .facts import gather, standing
from .rental_billing import charge_rental, reverse_rental, take_over_unbilled
from .repository import CentreRepository, RoadTestRepository, settings_row
from .schemas import (
    CentreCreate,
    CentrePage,
    CentreRead,
    CentreUpdate,
    ChargePage,
    ChargeRead,
    ClassEligibility,
    Eligibility,
    RoadTestBook,
    RoadTestCancel,
    RoadTestPage,
    RoadTestRead,
    RoadTestResult,
    RoadTestSettingsRead,
    RoadTestSettingsUpdate,
)


def _read(s: Session, test: RoadTest) -> RoadTestRead:
    out = RoadTestRead.model_validate(test)
    out.student_name = full_name(load_student(s, test.student_id))
    centre = CentreRepository(s).get(test.centre_id)
    out.centre_name = centre.name if centre is not None else ""
    out.vehicle_plate = load_vehicle(s, test.vehicle_id).plate if test.vehicle_id is not None else None
    out.rental_cents = RoadTestRepository(s).rental_cents(test.id)
    if test.status == RoadTestStatus.FAILED:
        out.retest_from = local_date(load_settings(s), test.starts_at) + timedelta(days=settings_row(s).retest_days)
    return out


def _sent(data: BaseModel) -> dict[str, object]:
    """The fields a change sent, other than its version (null keeps the value: none of these can be cleared)."""
    return {k: getattr(data, k) for k in data.model_fields_set if k != "version" and getattr(data, k) is not None}


def _booked(test: RoadTest, version: int) -> None:
    check_version(test.version, version, RoadTestVersionConflict, road_test_id=test.id)
    if test.status != RoadTestStatus.BOOKED:
        raise RoadTestNotBooked(details={"road_test_id": test.id, "status": test.status})


class RoadTestService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def eligibility(self, student_id: int, on: date | None) -> Eligibility:
        def fn(s: Session) -> Eligibility:
            school, cfg = load_settings(s), settings_row(s)
            student = load_student(s, student_id)
            day = on or local_today(school)
            st = standing(s, school, student)
            tests = []
            for licence_class in ("G2", "G"):
                v = verdict(st, licence_class, cfg, day)
                tests.append(
                    ClassEligibility(
                        licence_class=licence_class,
                        can_take_on_day=v.code is None,
                        eligible_from=v.eligible_from,
                        retest_from=v.retest_from,
                        programme_ends=v.programme_ends,
                        code=v.code,
                        reasons=v.reasons,
                    )
                )
            return Eligibility(
                student_id=student.id,
                on=day,
                current_class=current_class(steps_of(s, student.id)),
                bde_certified_on=st.bde_certified_on,
                tests=tests,
            )

        return self.db.write(fn)

    def list(self, student_id: int | None, start: datetime | None, end: datetime | None, limit: int) -> RoadTestPage:
        def fn(s: Session) -> RoadTestPage:
            take_over_unbilled(s)
            repo = RoadTestRepository(s)
            if student_id is not None:
                rows = list(repo.of_student(student_id))[:limit]
            else:
                rows = list(repo.in_range(start, end, limit))
            items = [_read(s, row) for row in rows]
            return RoadTestPage(items=items, total=len(items))

        return self.db.write(fn)

    def get(self, road_test_id: int) -> RoadTestRead:
        return self.db.write(lambda s: _read(s, RoadTestRepository(s).load(road_test_id)))

    def book(self, data: RoadTestBook) -> RoadTestRead:
        def fn(s: Session) -> RoadTestRead:
            # The same locks as a lesson's: a lesson and a test racing for one car take turns.
            lock_resources(
                s,
                [
                    (Resource.INSTRUCTOR, data.instructor_id),
                    (Resource.VEHICLE, data.vehicle_id),
                    (Resource.STUDENT, data.student_id),
                ],
            )
            cfg = settings_row(s)
            facts = gather(s, cfg, data, utcnow())
            road_test_rules.enforce(Stage.BOOK, facts)
            take_over_unbilled(s)
            test = RoadTest(
                **data.model_dump(),
                ends_at=facts.ends_at,
                blocked_from=facts.blocked_from,
                blocked_until=facts.blocked_until,
                status=RoadTestStatus.BOOKED,
                fee_cents=cfg.g2_fee_cents if data.licence_class == "G2" else cfg.g_fee_cents,
                fee_lost_cents=0,
            )
            s.add(test)
            primary(s, test, "create")
            s.flush()
            if facts.vehicle is not None:
                words = (
                    f"School car {facts.vehicle.plate} for the {test.licence_class} road test on {day_text(facts.day)}"
                )
                charge_rental(s, test, words)
            return _read(s, test)

        return self.db.write(fn)

    def record_result(self, road_test_id: int, data: RoadTestResult) -> RoadTestRead:
        def fn(s: Session) -> RoadTestRead:
            test = RoadTestRepository(s).load(road_test_id)
            _booked(test, data.version)
            now = utcnow()
            if test.starts_at > now:
                raise RoadTestNotYetTaken(details={"road_test_id": test.id, "starts_at": test.starts_at.isoformat()})
            school = load_settings(s)
            if data.outcome == "passed":
                student = load_student(s, test.student_id)
                day = local_date(school, test.starts_at)
                record_step(s, student, test.licence_class, day, local_today(school), "road_test", test.id)
                test.status = RoadTestStatus.PASSED
            elif data.outcome == "failed":
                test.status = RoadTestStatus.FAILED
            else:
                # DriveTest keeps the fee of a test the student missed.
                test.status, test.fee_lost_cents = RoadTestStatus.NO_SHOW, test.fee_cents
            test.result_recorded_at = now
            if data.notes is not None:
                test.notes = data.notes
            primary(s, test, "update")
            s.flush()
            return _read(s, test)

        return guard_stale(lambda: self.db.write(fn), RoadTestVersionConflict, road_test_id=road_test_id)

    def cancel(self, road_test_id: int, data: RoadTestCancel) -> RoadTestRead:
        """Less than the notice ahead (48 h) the DriveTest fee is lost; in time, the car's rental is reversed."""

        def fn(s: Session) -> RoadTestRead:
            cfg = settings_row(s)
            repo = RoadTestRepository(s)
            test = repo.load(road_test_id)
            _booked(test, data.version)
            take_over_unbilled(s)
            now = utcnow()
            late = now > test.starts_at - timedelta(hours=cfg.cancel_notice_hours)
            test.cancelled_at = now
            if late:
                test.status, test.fee_lost_cents = RoadTestStatus.LATE_CANCELLED, test.fee_cents
            else:
                test.status = RoadTestStatus.CANCELLED
                reverse_rental(s, test, data.reason)
            primary(s, test, "cancel", data.reason)
            s.flush()
            return _read(s, test)

        return guard_stale(lambda: self.db.write(fn), RoadTestVersionConflict, road_test_id=road_test_id)

    def charges(self, billed: bool | None, student_id: int | None, limit: int) -> ChargePage:
        def fn(s: Session) -> ChargePage:
            rows = RoadTestRepository(s).charges(billed, student_id, limit)
            return ChargePage(items=[ChargeRead.model_validate(r) for r in rows], total=len(rows))

        return self.db.read(fn)


# The centres a Toronto school books most, and a few others, put on the list the first time it is read
# (through the app, so each is in the audit log); the school adds its own. Addresses the list is unsure of
# are left for the school to fill.
USUAL_CENTRES = [
    ("Toronto Downsview", "Toronto", "37 Carl Hall Rd"),
    ("Toronto Etobicoke", "Toronto", "5555 Eglinton Ave W"),
    ("Toronto Metro East", "Toronto", "1448 Lawrence Ave E"),
    ("Toronto Port Union", "Toronto", "91 Rylander Blvd"),
    ("Brampton", "Brampton", "59 First Gulf Blvd"),
    ("Oakville", "Oakville", ""),
    ("Newmarket", "Newmarket", ""),
    ("Oshawa", "Oshawa", ""),
    ("Hamilton", "Hamilton", ""),
    ("Ottawa Walkley", "Ottawa", ""),
    ("London", "London", ""),
]


def _seed_centres(s: Session) -> None:
    if CentreRepository(s).any():
        return
    for name, city, address in USUAL_CENTRES:
        s.add(DriveTestCentre(name=name, city=city, address=address, active=True))
    s.flush()


class CentreService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, include_inactive: bool) -> CentrePage:
        def fn(s: Session) -> CentrePage:
            _seed_centres(s)
            rows, total = CentreRepository(s).listed(include_inactive)
            return CentrePage(items=[CentreRead.model_validate(r) for r in rows], total=total)

        # A write: the first read puts the usual centres on the list.
        return self.db.write(fn)

    def create(self, data: CentreCreate) -> CentreRead:
        def fn(s: Session) -> CentreRead:
            _seed_centres(s)
            centre = DriveTestCentre(**data.model_dump(), active=True)
            s.add(centre)
            s.flush()
            return CentreRead.model_validate(centre)

        return self.db.write(fn)

    def update(self, centre_id: int, data: CentreUpdate) -> CentreRead:
        changes = _sent(data)

        def fn(s: Session) -> CentreRead:
            centre = CentreRepository(s).load(centre_id)
            check_version(centre.version, data.version, CentreVersionConflict, centre_id=centre.id)
            apply_changes(centre, changes)
            s.flush()
            return CentreRead.model_validate(centre)

        return guard_stale(lambda: self.db.write(fn), CentreVersionConflict, centre_id=centre_id)


class RoadTestSettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self) -> RoadTestSettingsRead:
        # A write: the first read makes the row with its defaults.
        return self.db.write(lambda s: RoadTestSettingsRead.model_validate(settings_row(s)))

    def update(self, data: RoadTestSettingsUpdate) -> RoadTestSettingsRead:
        changes = _sent(data)

        def fn(s: Session) -> RoadTestSettingsRead:
            row = settings_row(s)
            check_version(row.version, data.version, RoadTestSettingsVersionConflict)
            apply_changes(row, changes)
            s.flush()
            return RoadTestSettingsRead.model_validate(row)

        return guard_stale(lambda: self.db.write(fn), RoadTestSettingsVersionConflict)
