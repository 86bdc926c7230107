"""The rules that fill the outbox, and the checks that drop a message no longer relevant at send time.

Each rule turns records into messages with a dedupe key naming the record, the reminder and the moment it
is about (`lesson:123:day-before:2031-03-05T20:00:00+00:00:email`), so filling twice queues nothing twice
and a moved lesson gets a new reminder while the old one is dropped. Student rules reach only students who
agreed to reminders; a minor's go to the guardian.

Hooks for rules other features bring: `fill_rule` adds a rule that returns Candidates, and
`relevance_check` names the check for its `ref_kind`. Their templates and settings join FIELDS/DEFAULTS
and ReminderSettings in the same way as the rules here (the road test and the overdue balance did so).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from odsm.core.clock_text import time_text
from odsm.features.billing.allocation import owing
from odsm.features.billing.money import document_number
from odsm.features.school.clock import at_local, day_bounds
from odsm.models import OutboxMessage, ReminderSettings

from . import repository as repo
from .templates import (
    BDE_DEADLINE,
    LESSON_TOMORROW,
    OVERDUE_BALANCE,
    OWNER_DI_LICENCE,
    OWNER_VEHICLE,
    ROAD_TEST,
    channels_of,
)

if TYPE_CHECKING:
    from odsm.models import SchoolSettings, Student

ADULT_AGE = 18


@dataclass(frozen=True)
class Candidate:
    dedupe_key: str
    rule: str
    channel: str
    recipient: str
    context: dict[str, Any]
    due_at: datetime
    ref_kind: str
    ref_id: int
    ref_at: str
    student_id: int | None = None


@dataclass
class FillContext:
    school: SchoolSettings
    reminders: ReminderSettings
    now: datetime
    today: date
    tz: ZoneInfo
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


FillRule = Callable[[Session, FillContext], list[Candidate]]
# Returns why the message should be dropped (a note for the outbox screen), or None to send it.
RelevanceCheck = Callable[[Session, OutboxMessage, datetime, ZoneInfo], str | None]
_rules: list[FillRule] = []
_checks: dict[str, RelevanceCheck] = {}


def fill_rule(rule: FillRule) -> FillRule:
    _rules.append(rule)
    return rule


def relevance_check(kind: str) -> Callable[[RelevanceCheck], RelevanceCheck]:
    def register(check: RelevanceCheck) -> RelevanceCheck:
        _checks[kind] = check
        return check

    return register


def all_rules() -> list[FillRule]:
    return list(_rules)


def why_drop(s: Session, message: OutboxMessage, now: datetime, tz: ZoneInfo) -> str | None:
    check = _checks.get(message.ref_kind)
    if check is None:
        return None
    if message.student_id is not None:
        agreed = repo.consent(s, message.student_id)
        if agreed is None or not agreed.agreed:
            return "The student withdrew their consent to reminders."
    return check(s, message, now, tz)


# --- helpers ---------------------------------------------------------------------------------


def is_minor(student: Student, today: date) -> bool:
    born = student.date_of_birth
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return age < ADULT_AGE


def _digits(phone: str | None) -> str:
    digits = "".join(ch for ch in (phone or "") if ch.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits


def address_of(student: Student, channel: str, today: date) -> str | None:
    """Where a student's reminder goes: the student's own email or phone, or the guardian's for a minor."""
    minor = is_minor(student, today)
    if channel == "email":
        return (student.guardian_email if minor else student.email) or None
    return _digits(student.guardian_phone if minor else student.phone) or None


def student_fields(student: Student) -> dict[str, str]:
    return {"first_name": student.first_name, "last_name": student.last_name}


def clock_text(moment: datetime, tz: ZoneInfo, fmt: str = "12h") -> str:
    return time_text(moment, tz, fmt)


def day_text(day: date) -> str:
    return f"{day:%A}, {day:%B} {day.day}"


def money_text(cents: int) -> str:
    """12345 -> "$123.45", in integers (no float ever sees money)."""
    whole, part = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}${whole:,}.{part:02d}"


def _student_candidates(
    ctx: FillContext,
    student: Student,
    rule: str,
    key: str,
    context: dict[str, Any],
    due: datetime,
    ref: tuple[str, int, str],
    consenting: set[int],
) -> list[Candidate]:
    if student.id not in consenting:
        ctx.skip("no_consent")
        return []
    out = []
    for channel in channels_of(rule):
        if channel == "sms" and not ctx.reminders.sms_on:
            continue
        address = address_of(student, channel, ctx.today)
        if address is None:
            ctx.skip(f"no_{channel}_address")
            continue
        out.append(Candidate(f"{key}:{channel}", rule, channel, address, context, due, *ref, student_id=student.id))
    return out


# --- to the student or guardian ----------------------------------------------------------------


@fill_rule
def lesson_tomorrow(s: Session, ctx: FillContext) -> list[Candidate]:
    if not ctx.reminders.lesson_tomorrow_on:
        return []
    tomorrow = ctx.today + timedelta(days=1)
    start, end = day_bounds(ctx.school, tomorrow)
    rows = repo.lessons_between(s, start, end)
    consenting = repo.consenting(s, {student.id for _, student, _ in rows})
    due = at_local(ctx.school, ctx.today, ctx.reminders.lesson_tomorrow_send_minute)
    out: list[Candidate] = []
    for lesson, student, instructor in rows:
        context = {
            "student": student_fields(student),
            "lesson": {
                "date": day_text(tomorrow),
                "start_time": clock_text(lesson.starts_at, ctx.tz, ctx.school.time_format),
                "end_time": clock_text(lesson.ends_at, ctx.tz, ctx.school.time_format),
                "pickup_location": lesson.pickup_location or "",
                "instructor": f"{instructor.first_name} {instructor.last_name}",
            },
        }
        ref_at = lesson.starts_at.isoformat()
        key = f"lesson:{lesson.id}:day-before:{ref_at}"
        out += _student_candidates(
            ctx, student, LESSON_TOMORROW, key, context, due, ("lesson", lesson.id, ref_at), consenting
        )
    return out


@relevance_check("lesson")
def _lesson_still_on(s: Session, message: OutboxMessage, now: datetime, tz: ZoneInfo) -> str | None:
    lesson = repo.lesson(s, message.ref_id)
    if lesson is None or lesson.status in repo.LESSON_CANCELLED:
        return "The lesson was cancelled."
    if lesson.status != repo.LESSON_SCHEDULED:
        return f"The lesson is no longer scheduled ({lesson.status.replace('_', ' ')})."
    if lesson.starts_at.isoformat() != message.ref_at:
        when = f"{day_text(lesson.starts_at.astimezone(tz).date())} at {clock_text(lesson.starts_at, tz)}"
        return f"The lesson moved to {when}" + ("" if when.endswith(".") else ".")
    if lesson.starts_at <= now:
        return "The lesson had already started: too late to remind."
    return None


@fill_rule
def bde_deadline(s: Session, ctx: FillContext) -> list[Candidate]:
    if not ctx.reminders.bde_deadline_on:
        return []
    rows = repo.enrollments_due_by(s, ctx.today, ctx.today + timedelta(days=ctx.reminders.bde_deadline_days))
    consenting = repo.consenting(s, {student.id for _, student in rows})
    school = ctx.school
    out: list[Candidate] = []
    for enrollment, student in rows:
        complete = (
            enrollment.classroom_minutes >= school.bde_classroom_minutes
            and enrollment.in_car_minutes >= school.bde_in_car_minutes
            and enrollment.flex_minutes >= school.bde_flex_minutes
        )
        if complete or enrollment.deadline is None:
            continue
        context = {
            "student": student_fields(student),
            "enrollment": {
                "deadline": day_text(enrollment.deadline),
                "days_left": str((enrollment.deadline - ctx.today).days),
            },
        }
        ref_at = enrollment.deadline.isoformat()
        key = f"enrollment:{enrollment.id}:deadline:{ref_at}"
        out += _student_candidates(
            ctx, student, BDE_DEADLINE, key, context, ctx.now, ("enrollment", enrollment.id, ref_at), consenting
        )
    return out


@relevance_check("enrollment")
def _deadline_still_at_risk(s: Session, message: OutboxMessage, now: datetime, tz: ZoneInfo) -> str | None:
    enrollment = repo.enrollment(s, message.ref_id)
    if enrollment is None or enrollment.status != repo.ENROLLMENT_ACTIVE:
        return "The course is no longer active (certified or withdrawn)."
    if enrollment.deadline is None or enrollment.deadline.isoformat() != message.ref_at:
        return "The course's deadline changed."
    if enrollment.deadline < now.astimezone(tz).date():
        return "The deadline has passed."
    return None


@fill_rule
def road_test(s: Session, ctx: FillContext) -> list[Candidate]:
    """A booked road test from now to the end of the day N days ahead: one reminder per test and time (a test
    booked closer than N days is reminded of once, when the outbox next fills)."""
    if not ctx.reminders.road_test_on:
        return []
    _, end = day_bounds(ctx.school, ctx.today + timedelta(days=ctx.reminders.road_test_days))
    rows = repo.road_tests_between(s, ctx.now, end)
    consenting = repo.consenting(s, {student.id for _, student, _ in rows})
    out: list[Candidate] = []
    for test, student, centre in rows:
        day = test.starts_at.astimezone(ctx.tz).date()
        context = {
            "student": student_fields(student),
            "road_test": {
                "centre": centre.name,
                "centre_address": ", ".join(part for part in (centre.address, centre.city) if part),
                "date": day_text(day),
                "time": clock_text(test.starts_at, ctx.tz, ctx.school.time_format),
                "licence_class": test.licence_class,
                "days_left": str((day - ctx.today).days),
            },
        }
        ref_at = test.starts_at.isoformat()
        key = f"road-test:{test.id}:days-before:{ref_at}"
        out += _student_candidates(
            ctx, student, ROAD_TEST, key, context, ctx.now, ("road_test", test.id, ref_at), consenting
        )
    return out


@relevance_check("road_test")
def _road_test_still_on(s: Session, message: OutboxMessage, now: datetime, tz: ZoneInfo) -> str | None:
    test = repo.road_test(s, message.ref_id)
    if test is None or test.status in repo.ROAD_TEST_CANCELLED:
        return "The road test was cancelled."
    if test.status != repo.ROAD_TEST_BOOKED:
        return f"The road test is no longer booked ({test.status.replace('_', ' ')})."
    if test.starts_at.isoformat() != message.ref_at:
        when = f"{day_text(test.starts_at.astimezone(tz).date())} at {clock_text(test.starts_at, tz)}"
        return f"The road test moved to {when}" + ("" if when.endswith(".") else ".")
    if test.starts_at <= now:
        return "The road test had already started: too late to remind."
    return None


def _overdue_ref(due_on: date, left_cents: int) -> str:
    """What the message says, as the relevance check compares it: the due date and the amount left."""
    return f"{due_on.isoformat()}:{left_cents}"


@fill_rule
def overdue_balance(s: Session, ctx: FillContext) -> list[Candidate]:
    """An issued invoice with money left N days past its due date, at most once per invoice every
    `overdue_balance_repeat_days` (a reminder dropped before it went out does not count)."""
    settings = ctx.reminders
    if not settings.overdue_balance_on:
        return []
    rows = repo.overdue_invoices(s, ctx.today - timedelta(days=settings.overdue_balance_days - 1))
    left = owing(s, [invoice for invoice, _ in rows])
    last = repo.last_reminded(s, OVERDUE_BALANCE, "invoice", {invoice.id for invoice, _ in rows})
    consenting = repo.consenting(s, {student.id for _, student in rows})
    quiet_since = ctx.now - timedelta(days=settings.overdue_balance_repeat_days)
    out: list[Candidate] = []
    for invoice, student in rows:
        amount = left.get(invoice.id, 0)
        if amount <= 0:
            continue
        if invoice.id in last and last[invoice.id] > quiet_since:
            ctx.skip("reminded_recently")
            continue
        context = {
            "student": student_fields(student),
            "invoice": {
                "number": document_number(invoice.kind, invoice.number) or "",
                "amount_left": money_text(amount),
                "total": money_text(invoice.total_cents),
                "due_date": day_text(invoice.due_on),
                "days_overdue": str((ctx.today - invoice.due_on).days),
            },
        }
        ref_at = _overdue_ref(invoice.due_on, amount)
        key = f"invoice:{invoice.id}:overdue:{ctx.today.isoformat()}:{amount}"
        out += _student_candidates(
            ctx, student, OVERDUE_BALANCE, key, context, ctx.now, ("invoice", invoice.id, ref_at), consenting
        )
    return out


@relevance_check("invoice")
def _balance_still_overdue(s: Session, message: OutboxMessage, now: datetime, tz: ZoneInfo) -> str | None:
    invoice = repo.invoice(s, message.ref_id)
    if invoice is None or invoice.status != repo.INVOICE_ISSUED:
        return "The invoice is no longer issued."
    left = owing(s, [invoice])[invoice.id]
    if left <= 0:
        credited = repo.credited_on(s, invoice.id)
        if credited >= invoice.total_cents:
            return "The invoice was credited."
        return "The invoice was paid and credited." if credited else "The invoice was paid."
    if _overdue_ref(invoice.due_on, left) != message.ref_at:
        return f"The amount left changed to {money_text(left)}: a new reminder says so."
    return None


# --- to the owner ------------------------------------------------------------------------------


def _owner(
    ctx: FillContext, rule: str, key: str, context: dict[str, Any], ref: tuple[str, int, str]
) -> list[Candidate]:
    if not ctx.reminders.owner_email:
        ctx.skip("no_owner_email")
        return []
    return [Candidate(f"{key}:email", rule, "email", ctx.reminders.owner_email, context, ctx.now, *ref)]


@fill_rule
def owner_di_licence(s: Session, ctx: FillContext) -> list[Candidate]:
    if not ctx.reminders.owner_di_licence_on:
        return []
    last = ctx.today + timedelta(days=ctx.reminders.owner_di_licence_days)
    out: list[Candidate] = []
    for person in repo.instructors_lapsing(s, ctx.today, last):
        ref_at = person.di_licence_expiry.isoformat()
        context = {
            "instructor": {
                "first_name": person.first_name,
                "last_name": person.last_name,
                "expires_on": day_text(person.di_licence_expiry),
            }
        }
        key = f"instructor:{person.id}:di-licence:{ref_at}"
        out += _owner(ctx, OWNER_DI_LICENCE, key, context, ("instructor_di", person.id, ref_at))
    return out


@relevance_check("instructor_di")
def _licence_still_lapsing(s: Session, message: OutboxMessage, now: datetime, tz: ZoneInfo) -> str | None:
    person = repo.instructor(s, message.ref_id)
    if person is None or not person.active:
        return "The instructor is no longer active."
    if person.di_licence_expiry.isoformat() != message.ref_at:
        return "The DI licence was renewed."
    return None


VEHICLE_PAPERS = {
    "vehicle_insurance": ("insurance", "insurance_expiry"),
    "vehicle_inspection": ("safety inspection", "inspection_expiry"),
}


@fill_rule
def owner_vehicle(s: Session, ctx: FillContext) -> list[Candidate]:
    if not ctx.reminders.owner_vehicle_on:
        return []
    last = ctx.today + timedelta(days=ctx.reminders.owner_vehicle_days)
    out: list[Candidate] = []
    for car in repo.active_vehicles(s):
        for kind, (what, column) in VEHICLE_PAPERS.items():
            expiry: date = getattr(car, column)
            if not ctx.today <= expiry <= last:
                continue
            context = {
                "vehicle": {
                    "plate": car.plate,
                    "make": car.make,
                    "model": car.model,
                    "what": what,
                    "expires_on": day_text(expiry),
                }
            }
            key = f"vehicle:{car.id}:{kind.removeprefix('vehicle_')}:{expiry.isoformat()}"
            out += _owner(ctx, OWNER_VEHICLE, key, context, (kind, car.id, expiry.isoformat()))
    return out


def _vehicle_check(kind: str) -> RelevanceCheck:
    what, column = VEHICLE_PAPERS[kind]

    def check(s: Session, message: OutboxMessage, now: datetime, tz: ZoneInfo) -> str | None:
        car = repo.vehicle(s, message.ref_id)
        if car is None or not car.active:
            return "The vehicle is no longer in service."
        if getattr(car, column).isoformat() != message.ref_at:
            return f"The {what} was renewed."
        return None

    return check


for _kind in VEHICLE_PAPERS:
    relevance_check(_kind)(_vehicle_check(_kind))
