"""The demo school, written through the services so every rule and audit entry applies.

`make demo-data` (python -m odsm.features.demo) and the app's first-run choice both call `load_demo`.
It refuses a database that already holds students, so it can never mix into a school's real records.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from odsm.core.errors import AppError
from odsm.core.unit_of_work import Database
from odsm.features.certification.schemas import CertifierRef, CertifyRequest
from odsm.features.certification.service import CertificationService
from odsm.features.classroom.schemas import AttendanceEntry, AttendanceRecord, RosterChange, SessionCreate
from odsm.features.classroom.service import ClassroomService
from odsm.features.courses.schemas import CourseCreate
from odsm.features.courses.service import CourseService
from odsm.features.enrollments.schemas import EnrollmentCreate, HoursAdd, ResultRecord
from odsm.features.enrollments.service import EnrollmentService
from odsm.features.instructors.schemas import AvailabilitySlot, InstructorCreate
from odsm.features.instructors.service import InstructorService
from odsm.features.lessons.schemas import LessonBook, LessonComplete
from odsm.features.lessons.service import LessonService
from odsm.features.school.schemas import SchoolSettingsUpdate
from odsm.features.school.service import SchoolService
from odsm.features.students.schemas import StudentCreate
from odsm.features.students.service import StudentService
from odsm.features.vehicles.schemas import VehicleCreate
from odsm.features.vehicles.service import VehicleService

from . import data
from .errors import DemoRefused
from .repository import holds_records

# The demo school's past is entered at set-up: back-dated records carry this reason in their audit entries.
HISTORY = "Demo school: history entered at set-up"

Progress = Callable[[str, int, int], None]
# A cohort's students: (student id, enrollment id, the cohort's first day).
Cohort = list[tuple[int, int, date]]


def school_is_empty(db: Database) -> bool:
    return not db.read(holds_records)


@dataclass
class DemoSummary:
    instructors: int
    vehicles: int
    students: int
    classroom_sessions: int
    lessons: int
    certified: int


def _licence(last: str, dob: date, i: int, female: bool) -> str:
    month = dob.month + (50 if female else 0)
    return f"{last[0]}{i:04d}{(i * 7919) % 10000:04d}{dob.year % 100:02d}{month:02d}{dob.day:02d}"


class DemoBuilder:
    def __init__(
        self, db: Database, zone: ZoneInfo, today: date, students: int, progress: Progress, seed: int = 473
    ) -> None:
        self.db, self.zone, self.today, self.n_students, self.progress = db, zone, today, students, progress
        self.now = datetime.now(zone)  # the rules' clock: what starts before it is entered after the fact
        self.rng = random.Random(seed)
        self.odometer: dict[int, int] = {}
        self.left_open: set[tuple[datetime, int]] = set()  # past lessons the desk has yet to complete

    def run(self) -> DemoSummary:
        if not school_is_empty(self.db):
            raise DemoRefused()
        self._school()
        classroom_teacher, car_teachers = self._instructors()
        vehicles = self._vehicles()
        course = CourseService(self.db).create(CourseCreate(**data.BDE_COURSE))
        CourseService(self.db).create(CourseCreate(**data.PACKAGE))
        cohorts = self._students_and_enrollments(course.id)
        sessions = self._classes(classroom_teacher, cohorts)
        lessons = self._lessons(car_teachers, vehicles, cohorts)
        certified = self._results_and_certification(cohorts)
        return DemoSummary(
            instructors=len(car_teachers) + 1,
            vehicles=len(vehicles),
            students=self.n_students,
            classroom_sessions=sessions,
            lessons=lessons,
            certified=certified,
        )

    def _local(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.zone)

    def _school(self) -> None:
        svc = SchoolService(self.db)
        svc.update(SchoolSettingsUpdate(version=svc.get().version, **data.SCHOOL))

    def _instructors(self) -> tuple[int, list[int]]:
        svc = InstructorService(self.db)
        # Every day of the week: the lessons around the day the demo is loaded never fall outside the hours.
        weekdays = [AvailabilitySlot(weekday=d, start_minute=9 * 60, end_minute=18 * 60) for d in range(7)]
        ids: list[int] = []
        for i, (first, last, expiry, in_car, classroom) in enumerate(data.INSTRUCTORS):
            created = svc.create(
                InstructorCreate(
                    first_name=first,
                    last_name=last,
                    phone=f"(416) 555-01{i:02d}",
                    email=f"{first.lower()}@mapleleafdriving.ca",
                    di_licence_number=f"DI-{448810 + i}",
                    di_licence_expiry=self.today + timedelta(days=expiry) if isinstance(expiry, int) else expiry,
                    authorised_in_car=in_car,
                    authorised_classroom=classroom or i == 0,
                    criminal_check_date=self.today - timedelta(days=200 + 30 * i),
                    driver_abstract_date=self.today - timedelta(days=100 + 20 * i),
                    availability=weekdays,
                )
            )
            ids.append(created.id)
        self.progress("instructors", len(ids), len(ids))
        return ids[4], ids[:4]

    def _vehicles(self) -> list[int]:
        svc = VehicleService(self.db)
        ids: list[int] = []
        for car in data.CARS:
            v = svc.create(
                VehicleCreate(
                    **{k: value for k, value in car.items() if k != "insured"},
                    transmission="automatic",
                    insurance_expiry=self.today + timedelta(days=car["insured"]),
                    inspection_expiry=self.today + timedelta(days=180),
                    odometer_km=30000 + 9000 * len(ids),
                )
            )
            ids.append(v.id)
            self.odometer[v.id] = v.last_odometer_km or 0
        self.progress("vehicles", len(ids), len(ids))
        return ids

    def _student(self, i: int, start: date) -> StudentCreate:
        first, last = self.rng.choice(data.FIRST), self.rng.choice(data.LAST)
        # Born at least 16 years ago whatever the month: a G1 holder is 16 or older.
        dob = date(self.today.year - self.rng.randint(17, 20), self.rng.randint(1, 12), self.rng.randint(1, 28))
        minor = (self.today - dob).days < 18 * 365
        return StudentCreate(
            first_name=first,
            last_name=last,
            date_of_birth=dob,
            phone=f"(647) 555-{1000 + i:04d}",
            email=f"{first.lower()}.{last.lower()}{i}@example.com",
            address=f"{self.rng.randint(10, 2500)} {self.rng.choice(data.STREETS)}, Toronto ON",
            licence_number=_licence(last, dob, i, female=i % 2 == 0),
            licence_class="G1",
            g1_issue_date=start - timedelta(days=self.rng.randint(20, 200)),
            guardian_name=f"{self.rng.choice(data.FIRST)} {last}" if minor else None,
            guardian_phone=f"(416) 555-{2000 + i:04d}" if minor else None,
            emergency_contact_name=f"{self.rng.choice(data.FIRST)} {last}",
            emergency_contact_phone=f"(905) 555-{3000 + i:04d}",
            consent_to_share=True,
        )

    def _students_and_enrollments(self, course_id: int) -> list[Cohort]:
        students, enrollments = StudentService(self.db), EnrollmentService(self.db)
        cohorts: list[Cohort] = []
        n_cohorts = max(1, -(-self.n_students // data.COHORT_SIZE))
        for i in range(self.n_students):
            cohort = i // data.COHORT_SIZE
            # Cohorts start every five weeks, the newest one this month.
            start = self.today - timedelta(weeks=5 * (n_cohorts - 1 - cohort))
            s = students.create(self._student(i, start))
            e = enrollments.create(EnrollmentCreate(student_id=s.id, course_id=course_id, enrolled_on=start))
            if len(cohorts) <= cohort:
                cohorts.append([])
            cohorts[cohort].append((s.id, e.id, start))
            self.progress("students", i + 1, self.n_students)
        return cohorts

    def _classes(self, teacher: int, cohorts: list[Cohort]) -> int:
        svc = ClassroomService(self.db)
        total = len(cohorts) * data.SESSIONS_PER_COHORT
        made = 0
        for c, cohort in enumerate(cohorts):
            start = cohort[0][2]
            for k in range(data.SESSIONS_PER_COHORT):
                # Tuesday and Thursday evenings, four weeks.
                day = start + timedelta(days=(1 - start.weekday()) % 7 + 7 * (k // 2) + 2 * (k % 2))
                begins = self._local(day, time(18, c % 2 * 30))
                session = svc.create(
                    SessionCreate(
                        instructor_id=teacher,
                        starts_at=begins,
                        ends_at=begins + timedelta(minutes=data.SESSION_MINUTES),
                        room="Room A" if c % 2 == 0 else "Room B",
                        topic=f"BDE module {k + 1}",
                        capacity=data.COHORT_SIZE + 6,
                        reason=HISTORY if begins < self.now else None,
                    )
                )
                made += 1
                if day < self.today:
                    entries = [AttendanceEntry(enrollment_id=e, minutes=data.SESSION_MINUTES) for _, e, _ in cohort]
                    svc.record_attendance(session.id, AttendanceRecord(entries=entries, reason=HISTORY))
                else:  # the cohort is registered for its classes to come: attendance opens with them
                    for _, e, _ in cohort:
                        svc.add_to_roster(session.id, RosterChange(enrollment_id=e))
                self.progress("classroom sessions", made, total)
        return made

    def _lesson_plan(self, teachers: list[int], cohorts: list[Cohort]) -> list[tuple[datetime, int, int, int, int]]:
        """(start, student, enrollment, instructor, lane) up to two weeks ahead, in time order."""
        plan: list[tuple[datetime, int, int, int, int]] = []
        for cohort in cohorts:
            # In-car starts two weeks into the course; each of the 4 instructors takes a quarter of the cohort.
            day0 = cohort[0][2] + timedelta(days=14)
            for j, (student_id, enrollment_id, _) in enumerate(cohort):
                lane = j % len(teachers)
                slot = (j // len(teachers)) % len(data.LESSON_SLOTS)
                group = j // (len(teachers) * len(data.LESSON_SLOTS))
                for k in range(data.LESSONS_PER_STUDENT):
                    day = day0 + timedelta(days=2 * k + group)
                    if day.weekday() == 6:
                        day += timedelta(days=1)
                    starts = self._local(day, data.LESSON_SLOTS[slot])
                    plan.append((starts, student_id, enrollment_id, teachers[lane], lane))
        horizon = self.today + timedelta(days=14)
        return sorted(p for p in plan + self._around_today(teachers, cohorts[-1]) if p[0].date() <= horizon)

    def _around_today(self, teachers: list[int], cohort: Cohort) -> list[tuple[datetime, int, int, int, int]]:
        """Lessons yesterday, today and tomorrow for the newest cohort, whatever the day the demo is loaded,
        so a new user's first Home has a day on it; one of yesterday's is left for the desk to complete."""
        out: list[tuple[datetime, int, int, int, int]] = []
        for d in range(3):
            day = self.today + timedelta(days=d - 1)
            for j, (student_id, enrollment_id, _) in enumerate(cohort[: 2 * len(teachers)]):
                lane = j % len(teachers)
                slot = (j // len(teachers) + 2 * d) % len(data.LESSON_SLOTS)
                starts = self._local(day, data.LESSON_SLOTS[slot])
                out.append((starts, student_id, enrollment_id, teachers[lane], lane))
        self.left_open.add((out[0][0], out[0][1]))
        return out

    def _lessons(self, teachers: list[int], vehicles: list[int], cohorts: list[Cohort]) -> int:
        svc = LessonService(self.db)
        plan = self._lesson_plan(teachers, cohorts)
        booked = 0
        for i, (starts, student_id, enrollment_id, teacher, lane) in enumerate(plan):
            vehicle = vehicles[lane % len(vehicles)]
            ends = starts + timedelta(minutes=60)
            pickup = "Home" if i % 3 else "School office, 1200 Bay St"
            try:
                lesson = svc.book(
                    LessonBook(
                        student_id=student_id,
                        enrollment_id=enrollment_id,
                        instructor_id=teacher,
                        vehicle_id=vehicle,
                        starts_at=starts,
                        ends_at=ends,
                        pickup_location=pickup,
                        reason=HISTORY if starts < self.now else None,
                    )
                )
            except AppError:
                continue  # a slot that breaks a rule (e.g. the insurance lapse) is simply not booked
            booked += 1
            if starts.date() < self.today and (starts, student_id) not in self.left_open:
                km = self.odometer[vehicle]
                self.odometer[vehicle] = km + self.rng.randint(12, 35)
                done = LessonComplete(
                    version=lesson.version,
                    actual_start=starts,
                    actual_end=ends,
                    odometer_start=km,
                    odometer_end=self.odometer[vehicle],
                    skills_covered=self.rng.sample(data.SKILLS, 2),
                    reason=HISTORY,
                )
                svc.complete(lesson.id, done)
            self.progress("lessons", i + 1, len(plan))
        return booked

    def _results_and_certification(self, cohorts: list[Cohort]) -> int:
        enrollments = EnrollmentService(self.db)
        for cohort in cohorts:
            if cohort[0][2] > self.today - timedelta(weeks=8):
                continue  # recent cohorts are still in progress
            for _, enrollment_id, _ in cohort:
                homelink = HoursAdd(
                    minutes=600, occurred_on=self.today - timedelta(days=7), reason="Home-link modules 1-10"
                )
                detail = enrollments.add_hours(enrollment_id, homelink)
                mark = self.rng.randint(64, 96)
                enrollments.record_result(enrollment_id, ResultRecord(version=detail.version, final_mark_percent=mark))
        certification = CertificationService(self.db)
        worklist = certification.worklist(limit=5000)
        # The oldest half of the ready students were certified already; the rest wait on the worklist.
        ready = worklist.ready[: len(worklist.ready) // 2]
        # The first licensed instructor the demo school lists certified them.
        [first, *_] = certification.certifiers().items
        for row in ready:
            request = CertifyRequest(
                version=enrollments.get(row.enrollment_id).version,
                certifier=CertifierRef(kind=first.kind, id=first.id),
                mto_reference=f"MTO-{2026000 + row.enrollment_id}",
            )
            certification.certify(row.enrollment_id, request)
        return len(ready)


def load_demo(db: Database, students: int = 200, progress: Progress | None = None) -> DemoSummary:
    """Fills an empty database; the time zone is the school's setting, as everywhere else."""
    zone = ZoneInfo(SchoolService(db).get().time_zone)
    today = datetime.now(zone).date()
    return DemoBuilder(db, zone, today, students, progress or (lambda *_: None)).run()
