"""Demo data: a realistic Ontario school, written through the services so every rule and audit entry applies.

`make demo-data` (python -m odsm.demo --data-dir D) and the app's first-run choice both call `load_demo`.
It refuses a database that already holds students, so it can never mix into a school's real records.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session

from odsm.core.config import Settings
from odsm.core.errors import AppError
from odsm.core.logging import configure_logging
from odsm.core.migrations import migrate
from odsm.core.unit_of_work import Database
from odsm.features.certification.schemas import CertifyRequest
from odsm.features.certification.service import CertificationService
from odsm.features.classroom.schemas import AttendanceEntry, AttendanceRecord, SessionCreate
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
from odsm.models import Course, Instructor, Student, Vehicle

ZONE = ZoneInfo("America/Toronto")
FIRST = ["Amara", "Ben", "Chloe", "Dev", "Emily", "Farah", "Gurpreet", "Hana", "Isaac", "Jun", "Kiran", "Liam"]
FIRST += ["Maya", "Noah", "Olivia", "Priya", "Quinn", "Ravi", "Sofia", "Tariq", "Uma", "Victor", "Wen", "Yusuf"]
LAST = ["Okafor", "Tremblay", "Singh", "Nguyen", "Smith", "Patel", "Li", "Brown", "Wilson", "Martin", "Roy", "Chen"]
LAST += ["Khan", "Gagnon", "Lee", "Kaur", "Ali", "Wong", "Taylor", "Dubois", "Morales", "Haddad", "Ivanov", "Sato"]
STREETS = ["Yonge St", "Bloor St W", "Dundas St E", "Queen St W", "Eglinton Ave", "Bathurst St", "Finch Ave"]
COHORT_SIZE = 24
SESSION_MINUTES = 150  # 8 sessions of 2.5 h make the 20 h of classroom
LESSON_SLOTS = [time(9), time(10, 30), time(13), time(14, 30), time(16)]


class DemoRefused(AppError):
    status_code = 409
    code = "demo.database_not_empty"
    default_message = "Demo data goes only into an empty database; this one already holds school records."


def school_is_empty(db: Database) -> bool:
    """No student, instructor, vehicle or course: nothing real that demo rows could mix into."""

    def fn(s: Session) -> bool:
        return not any(s.scalar(select(m.id).limit(1)) for m in (Student, Instructor, Vehicle, Course))

    return db.read(fn)


@dataclass
class DemoSummary:
    instructors: int
    vehicles: int
    students: int
    classroom_sessions: int
    lessons: int
    certified: int


Progress = Callable[[str, int, int], None]


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=ZONE)


def _licence(last: str, dob: date, i: int, female: bool) -> str:
    month = dob.month + (50 if female else 0)
    return f"{last[0]}{i:04d}{(i * 7919) % 10000:04d}{dob.year % 100:02d}{month:02d}{dob.day:02d}"


class DemoBuilder:
    def __init__(self, db: Database, today: date, students: int, progress: Progress, seed: int = 473) -> None:
        self.db, self.today, self.n_students, self.progress = db, today, students, progress
        self.rng = random.Random(seed)
        self.odometer: dict[int, int] = {}

    def run(self) -> DemoSummary:
        if not school_is_empty(self.db):
            raise DemoRefused()
        self._school()
        classroom_teacher, car_teachers = self._instructors()
        vehicles = self._vehicles()
        course = CourseService(self.db).create(CourseCreate(name="BDE Class G (Beginner Driver Education)", kind="bde"))
        CourseService(self.db).create(
            CourseCreate(name="Road-test refresher: 5 lessons", kind="package", in_car_minutes=300, price_cents=32500)
        )
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

    def _school(self) -> None:
        svc = SchoolService(self.db)
        current = svc.get()
        svc.update(
            SchoolSettingsUpdate(
                version=current.version,
                name="Maple Leaf Driving School",
                address="1200 Bay St, Suite 400, Toronto ON M5R 2A5",
                mto_school_number="BDE-S-04417",
                hst_number="81234 5678 RT0001",
                hst_registered=True,
            )
        )

    def _instructors(self) -> tuple[int, list[int]]:
        svc = InstructorService(self.db)
        weekdays = [AvailabilitySlot(weekday=d, start_minute=9 * 60, end_minute=18 * 60) for d in range(6)]
        people = [
            ("Priya", "Sandhu", date(2028, 3, 31), True, False),
            ("Marc", "Tremblay", date(2027, 3, 31), True, False),
            ("Grace", "Osei", date(2029, 3, 31), True, False),
            ("Daniel", "Kowalski", date(2028, 3, 31), True, False),
            # The classroom teacher's DI licence lapses soon: the dashboard warns about it.
            ("Fatima", "Rahman", self.today + timedelta(days=40), False, True),
        ]
        ids: list[int] = []
        for i, (first, last, expiry, in_car, classroom) in enumerate(people):
            ids.append(
                svc.create(
                    InstructorCreate(
                        first_name=first,
                        last_name=last,
                        phone=f"(416) 555-01{i:02d}",
                        email=f"{first.lower()}@mapleleafdriving.ca",
                        di_licence_number=f"DI-{448810 + i}",
                        di_licence_expiry=expiry,
                        authorised_in_car=in_car,
                        authorised_classroom=classroom or i == 0,
                        criminal_check_date=self.today - timedelta(days=200 + 30 * i),
                        driver_abstract_date=self.today - timedelta(days=100 + 20 * i),
                        availability=weekdays,
                    )
                ).id
            )
        self.progress("instructors", len(ids), len(ids))
        return ids[4], ids[:4]

    def _vehicles(self) -> list[int]:
        svc = VehicleService(self.db)
        cars = [
            ("CBXA 123", "2HGFC2F59MH512345", "Honda", "Civic", 2021, 30),
            ("CCLM 404", "2T1BURHE5KC198765", "Toyota", "Corolla", 2019, 400),
            ("CDKP 771", "KMHD84LF2LU123456", "Hyundai", "Elantra", 2020, 250),
            ("CEZR 218", "3N1AB7AP6KY234567", "Nissan", "Sentra", 2022, 300),
        ]
        ids: list[int] = []
        for plate, vin, make, model, year, insured_days in cars:
            v = svc.create(
                VehicleCreate(
                    plate=plate,
                    vin=vin,
                    make=make,
                    model=model,
                    year=year,
                    transmission="automatic",
                    insurance_expiry=self.today + timedelta(days=insured_days),
                    inspection_expiry=self.today + timedelta(days=180),
                    odometer_km=30000 + 9000 * len(ids),
                )
            )
            ids.append(v.id)
            self.odometer[v.id] = v.last_odometer_km or 0
        self.progress("vehicles", len(ids), len(ids))
        return ids

    def _students_and_enrollments(self, course_id: int) -> list[list[tuple[int, int, date]]]:
        students, enrollments = StudentService(self.db), EnrollmentService(self.db)
        cohorts: list[list[tuple[int, int, date]]] = []
        n_cohorts = max(1, -(-self.n_students // COHORT_SIZE))
        for i in range(self.n_students):
            cohort = i // COHORT_SIZE
            # Cohorts start every five weeks, the newest one this month.
            start = self.today - timedelta(weeks=5 * (n_cohorts - 1 - cohort))
            first, last = self.rng.choice(FIRST), self.rng.choice(LAST)
            female = i % 2 == 0
            dob = date(self.today.year - self.rng.randint(16, 19), self.rng.randint(1, 12), self.rng.randint(1, 28))
            minor = (self.today - dob).days < 18 * 365
            s = students.create(
                StudentCreate(
                    first_name=first,
                    last_name=last,
                    date_of_birth=dob,
                    phone=f"(647) 555-{1000 + i:04d}",
                    email=f"{first.lower()}.{last.lower()}{i}@example.com",
                    address=f"{self.rng.randint(10, 2500)} {self.rng.choice(STREETS)}, Toronto ON",
                    licence_number=_licence(last, dob, i, female),
                    licence_class="G1",
                    g1_issue_date=start - timedelta(days=self.rng.randint(20, 200)),
                    guardian_name=f"{self.rng.choice(FIRST)} {last}" if minor else None,
                    guardian_phone=f"(416) 555-{2000 + i:04d}" if minor else None,
                    emergency_contact_name=f"{self.rng.choice(FIRST)} {last}",
                    emergency_contact_phone=f"(905) 555-{3000 + i:04d}",
                    consent_to_share=True,
                )
            )
            e = enrollments.create(EnrollmentCreate(student_id=s.id, course_id=course_id, enrolled_on=start))
            if len(cohorts) <= cohort:
                cohorts.append([])
            cohorts[cohort].append((s.id, e.id, start))
            self.progress("students", i + 1, self.n_students)
        return cohorts

    def _classes(self, teacher: int, cohorts: list[list[tuple[int, int, date]]]) -> int:
        svc = ClassroomService(self.db)
        total = len(cohorts) * 8
        made = 0
        for c, cohort in enumerate(cohorts):
            start = cohort[0][2]
            for k in range(8):
                # Tuesday and Thursday evenings, four weeks.
                day = start + timedelta(days=(1 - start.weekday()) % 7 + 7 * (k // 2) + 2 * (k % 2))
                begins = _local(day, time(18, c % 2 * 30))
                session = svc.create(
                    SessionCreate(
                        instructor_id=teacher,
                        starts_at=begins,
                        ends_at=begins + timedelta(minutes=SESSION_MINUTES),
                        room="Room A" if c % 2 == 0 else "Room B",
                        topic=f"BDE module {k + 1}",
                        capacity=COHORT_SIZE + 6,
                    )
                )
                made += 1
                if day < self.today:
                    entries = [AttendanceEntry(enrollment_id=e, minutes=SESSION_MINUTES) for _, e, _ in cohort]
                    svc.record_attendance(session.id, AttendanceRecord(entries=entries))
                self.progress("classroom sessions", made, total)
        return made

    def _lessons(self, teachers: list[int], vehicles: list[int], cohorts: list[list[tuple[int, int, date]]]) -> int:
        svc = LessonService(self.db)
        plan: list[tuple[datetime, int, int, int, int]] = []
        for cohort in cohorts:
            # In-car starts two weeks into the course; each of the 4 instructors takes a quarter of the cohort.
            day0 = cohort[0][2] + timedelta(days=14)
            for j, (student_id, enrollment_id, _) in enumerate(cohort):
                lane = j % len(teachers)
                slot = (j // len(teachers)) % len(LESSON_SLOTS)
                group = j // (len(teachers) * len(LESSON_SLOTS))
                for k in range(10):
                    day = day0 + timedelta(days=2 * k + group)
                    if day.weekday() == 6:
                        day += timedelta(days=1)
                    plan.append((_local(day, LESSON_SLOTS[slot]), student_id, enrollment_id, teachers[lane], lane))
        horizon = self.today + timedelta(days=14)
        plan = [p for p in plan if p[0].date() <= horizon]
        plan.sort()
        booked = 0
        for i, (starts, student_id, enrollment_id, teacher, lane) in enumerate(plan):
            vehicle = vehicles[lane % len(vehicles)]
            try:
                lesson = svc.book(
                    LessonBook(
                        student_id=student_id,
                        enrollment_id=enrollment_id,
                        instructor_id=teacher,
                        vehicle_id=vehicle,
                        starts_at=starts,
                        ends_at=starts + timedelta(minutes=60),
                        pickup_location="Home" if i % 3 else "School office, 1200 Bay St",
                    )
                )
            except AppError:
                continue  # a slot that breaks a rule (e.g. the insurance lapse) is simply not booked
            booked += 1
            if starts.date() < self.today:
                km = self.odometer[vehicle]
                self.odometer[vehicle] = km + self.rng.randint(12, 35)
                svc.complete(
                    lesson.id,
                    LessonComplete(
                        version=lesson.version,
                        actual_start=starts,
                        actual_end=starts + timedelta(minutes=60),
                        odometer_start=km,
                        odometer_end=self.odometer[vehicle],
                        skills_covered=self.rng.sample(
                            ["mirrors", "lane changes", "parallel parking", "highway merge", "left turns"], 2
                        ),
                    ),
                )
            self.progress("lessons", i + 1, len(plan))
        return booked

    def _results_and_certification(self, cohorts: list[list[tuple[int, int, date]]]) -> int:
        enrollments = EnrollmentService(self.db)
        for cohort in cohorts:
            if cohort[0][2] > self.today - timedelta(weeks=8):
                continue  # recent cohorts are still in progress
            for _, enrollment_id, _ in cohort:
                detail = enrollments.add_hours(
                    enrollment_id,
                    HoursAdd(minutes=600, occurred_on=self.today - timedelta(days=7), reason="Home-link modules 1-10"),
                )
                mark = self.rng.randint(64, 96)
                enrollments.record_result(enrollment_id, ResultRecord(version=detail.version, final_mark_percent=mark))
        worklist = CertificationService(self.db).worklist(limit=5000)
        certified = 0
        # The oldest half of the ready students were certified already; the rest wait on the worklist.
        for row in worklist.ready[: len(worklist.ready) // 2]:
            detail = enrollments.get(row.enrollment_id)
            CertificationService(self.db).certify(
                row.enrollment_id,
                CertifyRequest(
                    version=detail.version,
                    certified_by="Front desk (demo)",
                    mto_reference=f"MTO-{2026000 + row.enrollment_id}",
                ),
            )
            certified += 1
        return certified


def load_demo(db: Database, students: int = 200, progress: Progress | None = None) -> DemoSummary:
    today = datetime.now(ZONE).date()
    return DemoBuilder(db, today, students, progress or (lambda *_: None)).run()


def _print_progress(label: str, done: int, total: int) -> None:
    # About twenty lines per stage, not one per row.
    if done == total or done % max(1, total // 20) == 0:
        sys.stderr.write(f"  {label}: {done}/{total}\n")
        sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fill an empty database with a realistic demo school.")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--students", type=int, default=200)
    args = parser.parse_args(argv)
    settings = Settings(data_dir=args.data_dir, api_secret=SecretStr("demo"), log_level="warning")
    configure_logging(settings.log_dir, settings.log_level)
    db = Database(settings)
    migrate(settings, db.engine)
    try:
        summary = load_demo(db, args.students, _print_progress)
    except DemoRefused as exc:
        sys.stderr.write(f"odsm.demo: {exc.message}\n")
        return 2
    print(f"demo school loaded into {settings.data_dir}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
