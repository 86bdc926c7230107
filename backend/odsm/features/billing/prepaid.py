"""Prepaid lesson hours, in minutes: a pack's issued invoice credits them, a completed lesson outside a BDE
enrollment draws its length down, and booking warns (never refuses) when too few are left."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from odsm.models import Invoice, PrepaidEntry

from . import repository as repo


def credit_pack_minutes(s: Session, invoice: Invoice) -> None:
    minutes = sum(line.prepaid_minutes for line in invoice.lines)
    if minutes > 0:
        s.add(PrepaidEntry(student_id=invoice.student_id, minutes=minutes, source="invoice", source_id=invoice.id))


def take_back_pack_minutes(s: Session, invoice: Invoice, note: Invoice) -> int:
    """A credit note on a pack's invoice takes its hours back in the same unit of work: all of them for a
    whole credit, the credited share of the invoice for a part, never more than the student has left unused."""
    pack = sum(line.prepaid_minutes for line in invoice.lines)
    if pack <= 0 or note.subtotal_cents <= 0:
        return 0
    share = (
        pack if note.subtotal_cents >= invoice.subtotal_cents else pack * note.subtotal_cents // invoice.subtotal_cents
    )
    _bought, _used, left = remaining(s, invoice.student_id)
    back = min(share, max(0, left))
    if back > 0:
        s.add(PrepaidEntry(student_id=invoice.student_id, minutes=-back, source="credit_note", source_id=note.id))
    return back


def remaining(s: Session, student_id: int) -> tuple[int, int, int]:
    bought, used = repo.prepaid_minutes(s, student_id)
    return bought, used, bought - used


def draw_down(s: Session, student_id: int, lesson_id: int, minutes: int) -> int:
    """Draws a completed lesson's minutes from the student's prepaid hours, as many as are left; once per
    lesson. A student who never bought a pack pays per lesson: nothing to draw."""
    bought, _used, left = remaining(s, student_id)
    if bought == 0 or left <= 0 or minutes <= 0 or repo.prepaid_drawn_for(s, lesson_id):
        return 0
    drawn = min(minutes, left)
    s.add(PrepaidEntry(student_id=student_id, minutes=-drawn, source="lesson", source_id=lesson_id))
    return drawn


def low_hours_warning(s: Session, student_id: int, lesson_minutes: int) -> dict[str, Any] | None:
    """For the booking check: a student on prepaid hours with fewer left than the lesson's length."""
    bought, _used, left = remaining(s, student_id)
    if bought == 0 or left >= lesson_minutes:
        return None
    return {
        "code": "billing.prepaid_hours_used_up",
        "message": "The student has no prepaid hours left for this lesson: take a payment or sell a pack.",
        "details": {"remaining_minutes": max(0, left), "lesson_minutes": lesson_minutes},
    }
