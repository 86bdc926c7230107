"""The birth dates a student cannot have: one in the future, or one that makes a licence holder younger
than Ontario's minimum age for a G1 (Highway Traffic Act, O. Reg. 340/94: 16)."""

from __future__ import annotations

from datetime import date

from .errors import BirthDateInFuture, StudentBirthDateRefused, TooYoungForLicence

MINIMUM_LICENCE_AGE = 16


def age_on(dob: date, day: date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def birth_date_refusal(dob: date, licence_class: str | None, today: date) -> StudentBirthDateRefused | None:
    """The refusal for this birth date on `today` (the school's date), or None when it may be saved. Its
    details name the field and the rule as a schema refusal does, with words the desk can read."""
    if dob > today:
        message = "The date of birth is in the future: check the year."
        return BirthDateInFuture(
            message,
            details={
                "fields": [{"field": "date_of_birth", "rule": "birth_date_in_future", "message": message}],
                "date_of_birth": dob.isoformat(),
                "today": today.isoformat(),
            },
        )
    age = age_on(dob, today)
    if licence_class and age < MINIMUM_LICENCE_AGE:
        message = (
            f"A {licence_class} licence holder must be at least {MINIMUM_LICENCE_AGE}: "
            f"this date of birth makes the student {age}."
        )
        return TooYoungForLicence(
            message,
            details={
                "fields": [{"field": "date_of_birth", "rule": "too_young_for_licence", "message": message}],
                "age": age,
                "minimum_age": MINIMUM_LICENCE_AGE,
                "licence_class": licence_class,
            },
        )
    return None
