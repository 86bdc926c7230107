"""The queries of the lessons aggregate. Every range query is an index range scan on (owner, starts_at),
bounded on both sides because a lesson lasts at most a day (`MAX_LESSON`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    CompoundSelect,
    Connection,
    Row,
    Select,
    Table,
    bindparam,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, lazyload

from odsm.core.repository import Repository, overlaps
from odsm.models import (
    ROAD_TEST_HOLDS_TIME,
    DriveTestCentre,
    Instructor,
    InstructorAvailability,
    InstructorTimeOff,
    Lesson,
    LessonStatus,
    RoadTest,
    Student,
    Vehicle,
)

from .errors import LessonNotFound
from .schemas import MAX_LESSON_SECONDS

MAX_LESSON = timedelta(seconds=MAX_LESSON_SECONDS)
# Lessons that hold their slot: a cancelled or missed lesson frees it.
HOLDS_SLOT = (LessonStatus.SCHEDULED, LessonStatus.COMPLETED)
ON_CALENDAR = (*HOLDS_SLOT, LessonStatus.NO_SHOW)

# (lesson, student first, student last, instructor first, instructor last, plate)
NamedLesson = Row[Lesson, str, str, str, str, str]


def _with_names() -> Select[Lesson, str, str, str, str, str]:
    # Joins the students', instructors' and vehicles' tables for the names a lesson is shown with:
    # one indexed read per page instead of three look-ups per lesson.
    return (
        select(
            Lesson, Student.first_name, Student.last_name, Instructor.first_name, Instructor.last_name, Vehicle.plate
        )
        .join(Student, Student.id == Lesson.student_id)
        .join(Instructor, Instructor.id == Lesson.instructor_id)
        .join(Vehicle, Vehicle.id == Lesson.vehicle_id)
    )


# The tables themselves, for the reads that change nothing (the calendar, one lesson): Core statements
# on a connection, each row a lesson's columns with the names it is shown with.
lessons = cast(Table, Lesson.__table__)
_students, _instructors, _vehicles = (cast(Table, m.__table__) for m in (Student, Instructor, Vehicle))


def _named_rows() -> Select[Any]:
    return (
        select(
            lessons,
            _students.c.first_name.label("student_first"),
            _students.c.last_name.label("student_last"),
            _instructors.c.first_name.label("instructor_first"),
            _instructors.c.last_name.label("instructor_last"),
            _vehicles.c.plate.label("vehicle_plate"),
        )
        .join(_students, _students.c.id == lessons.c.student_id)
        .join(_instructors, _instructors.c.id == lessons.c.instructor_id)
        .join(_vehicles, _vehicles.c.id == lessons.c.vehicle_id)
    )


_NAMED_ONE = _named_rows().where(lessons.c.id == bindparam("lesson_id"))


def read_named(conn: Connection, lesson_id: int) -> Row[Any] | None:
    """One lesson's row with its names, for a read that changes nothing."""
    return conn.execute(_NAMED_ONE, {"lesson_id": lesson_id}).first()


def read_calendar(
    conn: Connection,
    start: datetime,
    end: datetime,
    owners: dict[str, int | None],
    include_cancelled: bool,
    limit: int,
) -> Sequence[Row[Any]]:
    """Rows of the lessons overlapping [start, end) of the owners given (`{"instructor_id": 3}`), with
    their names, for a read that changes nothing."""
    c = lessons.c
    starts, ends = cast(InstrumentedAttribute[datetime], c.starts_at), cast(InstrumentedAttribute[datetime], c.ends_at)
    stmt = _named_rows().where(overlaps(starts, ends, start, end, longest=MAX_LESSON))
    for column, value in owners.items():
        if value is not None:
            stmt = stmt.where(c[column] == value)
    if not include_cancelled:
        stmt = stmt.where(c.status.in_(ON_CALENDAR))
    return conn.execute(stmt.order_by(c.starts_at, c.id).limit(limit)).all()


_STUDENT_EXISTS = select(_students.c.id).where(_students.c.id == bindparam("student_id"))


def read_student_lessons(
    conn: Connection, student_id: int, now: datetime, upcoming_limit: int, past_limit: int
) -> tuple[bool, Sequence[Row[Any]], Sequence[Row[Any]]]:
    """Whether the student exists, then their lessons with names: those not yet over (soonest first) and
    those over (latest first), each a range scan on (student_id, starts_at), for a read that changes nothing."""
    if conn.execute(_STUDENT_EXISTS, {"student_id": student_id}).first() is None:
        return False, [], []
    c = lessons.c
    mine = _named_rows().where(c.student_id == student_id)
    # A lesson lasts at most a day, so one that started before `now - MAX_LESSON` is over: the bound keeps
    # both reads on the index while a lesson under way still counts as upcoming.
    upcoming = conn.execute(
        mine.where(c.starts_at > now - MAX_LESSON, c.ends_at > now).order_by(c.starts_at, c.id).limit(upcoming_limit)
    ).all()
    past = conn.execute(
        mine.where(c.starts_at < now, c.ends_at <= now).order_by(c.starts_at.desc(), c.id.desc()).limit(past_limit)
    ).all()
    return True, upcoming, past


# A road test holds the car and the instructor for the test and its buffers (blocked_from..blocked_until),
# and the student for the test itself; a test with its buffers lasts well under a day.
ROAD_TEST_LONGEST = timedelta(hours=24)


# A lesson's three parties in one statement, into the Session's identity map: the students', instructors'
# and vehicles' own `load_*` then answer from it, each still refusing a missing record in its own words.
# The instructor's weekly hours come along (its selectin load); its time off is left to load only if read,
# since the booking rules ask for the time off in the lesson's range with a query of their own.
_PARTIES = (
    select(Student, Instructor, Vehicle)
    # Three rows by their keys: each key is its table's join condition, so the product is one row or none.
    .join_from(Student, Instructor, Instructor.id == bindparam("instructor_id"))
    .join_from(Student, Vehicle, Vehicle.id == bindparam("vehicle_id"))
    .where(Student.id == bindparam("student_id"))
    .options(lazyload(Instructor.time_off))
)


def load_parties(
    session: Session, student_id: int, instructor_id: int, vehicle_id: int
) -> tuple[Student, Instructor, Vehicle] | None:
    """The student, instructor and vehicle, where all three exist; None where any is missing."""
    params = {"student_id": student_id, "instructor_id": instructor_id, "vehicle_id": vehicle_id}
    row = session.execute(_PARTIES, params).first()
    return None if row is None else (row[0], row[1], row[2])


# What holds the instructor, the car or the student during a proposed lesson: each party's earliest lesson
# and earliest road test, as six arms of one statement. Each arm is the same range scan on (owner, start)
# as a query of its own would be; together they cost one round trip, and the statement is built once.
HOLD_KINDS = (
    "instructor_lesson",
    "vehicle_lesson",
    "student_lesson",
    "instructor_road_test",
    "vehicle_road_test",
    "student_road_test",
)


def _holds_statement() -> CompoundSelect[Any]:
    tests = cast(Table, RoadTest.__table__)
    start: BindParameter[datetime] = bindparam("start")
    end: BindParameter[datetime] = bindparam("end")
    exclude: BindParameter[int] = bindparam("exclude")
    arms: list[Select[Any]] = []
    for kind, owner in zip(HOLD_KINDS[:3], ("instructor_id", "vehicle_id", "student_id"), strict=True):
        c = lessons.c
        arm = (
            select(literal(kind).label("kind"), c.id)
            .where(
                c[owner] == bindparam(owner),
                c.starts_at < end,
                c.ends_at > start,
                c.starts_at > bindparam("lesson_floor"),
                c.status.in_(HOLDS_SLOT),
                c.id != exclude,
            )
            .order_by(c.starts_at)
            .limit(1)
        )
        arms.append(select(arm.subquery()))
    for kind, owner in zip(HOLD_KINDS[3:], ("instructor_id", "vehicle_id", "student_id"), strict=True):
        t = tests.c
        # The car and the instructor are held with the test's buffers; the student for the test itself.
        begins, ends = (t.starts_at, t.ends_at) if owner == "student_id" else (t.blocked_from, t.blocked_until)
        arm = (
            select(literal(kind).label("kind"), t.id)
            .where(
                t[owner] == bindparam(owner),
                begins < end,
                ends > start,
                begins > bindparam("test_floor"),
                t.status.in_(ROAD_TEST_HOLDS_TIME),
            )
            .order_by(begins)
            .limit(1)
        )
        arms.append(select(arm.subquery()))
    return union_all(*arms)


_HOLDS = _holds_statement()


def holds_during(
    session: Session,
    parties: tuple[int, int, int],
    start: datetime,
    end: datetime,
    exclude: int | None,
) -> dict[str, Lesson | RoadTest | None]:
    """Each kind in `HOLD_KINDS` for the (instructor, vehicle, student) named: the earliest lesson or road
    test of its kind that overlaps [start, end), leaving out the lesson `exclude`, or None. Touching spans
    do not overlap, as in `overlaps`. Only a record found is loaded, usually none."""
    instructor_id, vehicle_id, student_id = parties
    params = {
        "instructor_id": instructor_id,
        "vehicle_id": vehicle_id,
        "student_id": student_id,
        "start": start,
        "end": end,
        "lesson_floor": start - MAX_LESSON,
        "test_floor": start - ROAD_TEST_LONGEST,
        "exclude": exclude if exclude is not None else 0,  # ids start at 1: 0 leaves no lesson out
    }
    found: dict[str, Lesson | RoadTest | None] = dict.fromkeys(HOLD_KINDS)
    for kind, record_id in session.connection().execute(_HOLDS, params):
        found[kind] = session.get(Lesson, record_id) if kind.endswith("_lesson") else session.get(RoadTest, record_id)
    return found


def read_calendar_road_tests(
    conn: Connection, start: datetime, end: datetime, owners: dict[str, int | None], limit: int
) -> Sequence[Row[Any]]:
    """The road tests holding time in [start, end) for the calendar, with the student's and centre's names."""
    t = cast(Table, RoadTest.__table__)
    centres = cast(Table, DriveTestCentre.__table__)
    starts = cast(InstrumentedAttribute[datetime], t.c.blocked_from)
    ends = cast(InstrumentedAttribute[datetime], t.c.blocked_until)
    stmt = (
        select(
            t,
            _students.c.first_name.label("student_first"),
            _students.c.last_name.label("student_last"),
            centres.c.name.label("centre_name"),
            _vehicles.c.plate.label("vehicle_plate"),
        )
        .join(_students, _students.c.id == t.c.student_id)
        .join(centres, centres.c.id == t.c.centre_id)
        .outerjoin(_vehicles, _vehicles.c.id == t.c.vehicle_id)
        .where(overlaps(starts, ends, start, end, longest=ROAD_TEST_LONGEST), t.c.status.in_(ROAD_TEST_HOLDS_TIME))
    )
    for column, value in owners.items():
        if value is not None:
            stmt = stmt.where(t.c[column] == value)
    return conn.execute(stmt.order_by(t.c.starts_at, t.c.id).limit(limit)).all()


_availability, _time_off = (cast(Table, m.__table__) for m in (InstructorAvailability, InstructorTimeOff))


def read_day_instructors(conn: Connection, with_blocks: Collection[int]) -> Sequence[Row[Any]]:
    """The school day's columns, by name: the active instructors, and any other with a block that day (an
    instructor retired since keeps the lessons already booked)."""
    i = _instructors.c
    stmt: Select[Any] = select(i.id, i.first_name, i.last_name, i.authorised_in_car).where(
        or_(i.active.is_(True), i.id.in_(list(with_blocks)))
    )
    return conn.execute(stmt.order_by(i.first_name, i.last_name, i.id)).all()


def read_availability_of(conn: Connection, instructor_ids: Collection[int]) -> Sequence[Row[Any]]:
    """Every weekly window of these instructors in one read: the school day needs both that weekday's
    windows and whether an instructor has recorded any hours at all."""
    a = _availability.c
    stmt: Select[Any] = select(a.instructor_id, a.weekday, a.start_minute, a.end_minute).where(
        a.instructor_id.in_(list(instructor_ids))
    )
    return conn.execute(stmt.order_by(a.instructor_id, a.weekday, a.start_minute)).all()


def read_time_off_of(
    conn: Connection, instructor_ids: Collection[int], start: datetime, end: datetime
) -> Sequence[Row[Any]]:
    """These instructors' time off overlapping [start, end), by instructor and start. Not bounded by a
    longest span: time off may last weeks, and the table is small."""
    t = _time_off.c
    starts, ends = cast(InstrumentedAttribute[datetime], t.starts_at), cast(InstrumentedAttribute[datetime], t.ends_at)
    stmt: Select[Any] = select(t.instructor_id, t.starts_at, t.ends_at, t.reason).where(
        t.instructor_id.in_(list(instructor_ids)), overlaps(starts, ends, start, end)
    )
    return conn.execute(stmt.order_by(t.instructor_id, t.starts_at, t.id)).all()


class LessonRepository(Repository[Lesson]):
    model = Lesson
    not_found = LessonNotFound
    id_name = "lesson_id"

    def named(self, lesson_id: int) -> NamedLesson | None:
        return self.session.execute(_with_names().where(Lesson.id == lesson_id)).first()

    def first_overlap(
        self, owner: InstrumentedAttribute[int], owner_id: int, start: datetime, end: datetime, exclude: int | None
    ) -> Lesson | None:
        """The owner's earliest lesson holding a slot that overlaps [start, end), other than `exclude`."""
        stmt = select(Lesson).where(
            owner == owner_id,
            overlaps(Lesson.starts_at, Lesson.ends_at, start, end, longest=MAX_LESSON),
            Lesson.status.in_(HOLDS_SLOT),
        )
        if exclude is not None:
            stmt = stmt.where(Lesson.id != exclude)
        return self.session.scalars(stmt.order_by(Lesson.starts_at).limit(1)).first()

    def holding_between(
        self, owner: InstrumentedAttribute[int], owner_id: int, start: datetime, end: datetime
    ) -> list[Lesson]:
        """The owner's lessons holding a slot that overlap [start, end), by start: what finding a slot reads
        once for a whole window instead of once per candidate (the same range scan as `first_overlap`)."""
        stmt = select(Lesson).where(
            owner == owner_id,
            overlaps(Lesson.starts_at, Lesson.ends_at, start, end, longest=MAX_LESSON),
            Lesson.status.in_(HOLDS_SLOT),
        )
        return list(self.session.scalars(stmt.order_by(Lesson.starts_at, Lesson.id)).all())

    def usual(self, owner: InstrumentedAttribute[int], student_id: int) -> int | None:
        """The instructor (or vehicle) of most of the student's lessons, the latest one on a tie."""
        stmt = (
            select(owner)
            .where(Lesson.student_id == student_id, Lesson.status.in_(HOLDS_SLOT))
            .group_by(owner)
            .order_by(func.count().desc(), func.max(Lesson.starts_at).desc())
            .limit(1)
        )
        return self.session.scalar(stmt)

    def student_lessons_starting(
        self, student_id: int, start: datetime, end: datetime, exclude: int | None
    ) -> list[Lesson]:
        """The student's lessons holding a slot that start in [start, end), other than `exclude`."""
        stmt = select(Lesson).where(
            Lesson.student_id == student_id,
            Lesson.starts_at >= start,
            Lesson.starts_at < end,
            Lesson.status.in_(HOLDS_SLOT),
        )
        if exclude is not None:
            stmt = stmt.where(Lesson.id != exclude)
        return list(self.session.scalars(stmt.order_by(Lesson.starts_at)).all())

    def instructor_day(self, instructor_id: int, start: datetime, end: datetime) -> Sequence[Row[Lesson, Student, str]]:
        """The instructor's lessons holding a slot that start in [start, end), with the student and the plate
        (joined for the day sheet: one indexed read instead of two look-ups per lesson)."""
        return self.session.execute(
            select(Lesson, Student, Vehicle.plate)
            .join(Student, Student.id == Lesson.student_id)
            .join(Vehicle, Vehicle.id == Lesson.vehicle_id)
            .where(
                Lesson.instructor_id == instructor_id,
                Lesson.starts_at >= start,
                Lesson.starts_at < end,
                Lesson.status.in_(HOLDS_SLOT),
            )
        ).all()
