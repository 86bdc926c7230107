"""The student's licence history: G1, G2 and G, each with the day it was issued.

The current class is the highest step on file. The student's own `licence_class` and `g1_issue_date`
follow the history (`_follow`), so the booking rules and every screen that reads the student read the
class the history gives. A class typed on the student's form is turned into the steps up to it
(`follow_form`), so the old form and the history never disagree.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from odsm.models import LICENCE_ORDER, LicenceStep, Student

from . import repository as repo
from .errors import LicenceClassRequired, LicenceDateOutOfOrder, LicenceIssuedInFuture, LicenceStepOutOfOrder

CLASSES: tuple[str, ...] = tuple(str(c) for c in LICENCE_ORDER)


def steps_of(s: Session, student_id: int) -> list[LicenceStep]:
    rows = s.scalars(repo.licence_steps(student_id)).all()
    return sorted(rows, key=lambda step: CLASSES.index(step.licence_class))


def current_class(steps: list[LicenceStep]) -> str | None:
    return steps[-1].licence_class if steps else None


def issued(steps: list[LicenceStep]) -> dict[str, date | None]:
    """{"G1": date, "G2": None, ...}: the classes held, each with its date (None when not on file)."""
    return {step.licence_class: step.issued_on for step in steps}


def _follow(student: Student, steps: list[LicenceStep]) -> None:
    student.licence_class = current_class(steps)
    g1 = next((step for step in steps if step.licence_class == "G1"), None)
    if g1 is not None:
        student.g1_issue_date = g1.issued_on


def follow_form(s: Session, student: Student, *, new: bool = False) -> None:
    """After the student's form set `licence_class` or `g1_issue_date`: the history holds the steps up to
    that class (the G1 dated by the form), and nothing above it. A student with in-car lessons booked keeps
    a class: clearing it is refused. A `new` student, added in this transaction, has no history to read."""
    steps = steps_of(s, student.id) if student.id is not None and not new else []
    target = student.licence_class
    if target is None and steps and student.id is not None and repo.books_in_car(s, student.id):
        raise LicenceClassRequired(details={"student_id": student.id, "field": "licence_class"})
    wanted = CLASSES[: CLASSES.index(target) + 1] if target else ()
    kept = []
    for step in steps:
        if step.licence_class in wanted:
            kept.append(step)
        else:
            s.delete(step)
    held = {step.licence_class for step in kept}
    for licence_class in wanted:
        if licence_class not in held:
            step = LicenceStep(student_id=student.id, licence_class=licence_class, source="entered")
            s.add(step)
            kept.append(step)
    for step in kept:
        if step.licence_class == "G1":
            step.issued_on = student.g1_issue_date


def record_step(
    s: Session,
    student: Student,
    licence_class: str,
    issued_on: date,
    today: date,
    source: str = "entered",
    road_test_id: int | None = None,
) -> LicenceStep:
    """Adds the next step of the history, or corrects the date of one already held."""
    if issued_on > today:
        raise LicenceIssuedInFuture(
            details={"field": "issued_on", "issued_on": issued_on.isoformat(), "today": today.isoformat()}
        )
    steps = steps_of(s, student.id)
    held = {step.licence_class: step for step in steps}
    position = CLASSES.index(licence_class)
    previous = CLASSES[position - 1] if position else None
    if licence_class not in held and len(steps) != position:
        raise LicenceStepOutOfOrder(
            f"{licence_class} can only follow {previous}: record the {CLASSES[len(steps)]} first."
            if len(steps) < position
            else f"This student already holds {current_class(steps)}.",
            details={"field": "licence_class", "licence_class": licence_class, "held": list(held)},
        )
    before = held[previous].issued_on if previous and previous in held else None
    if before is not None and issued_on < before:
        raise LicenceDateOutOfOrder(
            f"The {licence_class} cannot be issued before the {previous} ({before.isoformat()}).",
            details={
                "field": "issued_on",
                "issued_on": issued_on.isoformat(),
                "previous": previous,
                "previous_issued_on": before.isoformat(),
            },
        )
    step = held.get(licence_class)
    if step is None:
        step = LicenceStep(student_id=student.id, licence_class=licence_class, source=source, road_test_id=road_test_id)
        s.add(step)
        steps.append(step)
    step.issued_on = issued_on
    _follow(student, steps)
    return step
