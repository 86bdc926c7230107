"""The Ministry's BDE limits (DOMAIN.md): a school may make them stricter, never looser."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Hours as minutes: 20 h classroom, 10 h in-car, 10 h flex. A school may ask for more.
MINISTRY_MINIMUMS = {"bde_classroom_minutes": 20 * 60, "bde_in_car_minutes": 10 * 60, "bde_flex_minutes": 10 * 60}
# One calendar year from the first class. A school may ask for less.
MINISTRY_MAXIMUMS = {"completion_deadline_months": 12}

_LABELS = {
    "bde_classroom_minutes": "Classroom hours",
    "bde_in_car_minutes": "In-car hours",
    "bde_flex_minutes": "Flex hours",
    "completion_deadline_months": "The completion deadline",
}


def loosened(values: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each value that would loosen a Ministry limit, with the field, the rule and the Ministry's value."""
    found = []
    for field, floor in MINISTRY_MINIMUMS.items():
        if field in values and values[field] < floor:
            found.append(_problem(field, values[field], floor, "at_least", f"at least {floor // 60} h"))
    for field, ceiling in MINISTRY_MAXIMUMS.items():
        if field in values and values[field] > ceiling:
            found.append(_problem(field, values[field], ceiling, "at_most", f"at most {ceiling} months"))
    return found


def _problem(field: str, value: int, ministry: int, rule: str, wording: str) -> dict[str, Any]:
    message = f"{_LABELS[field]} must be {wording}: the Ministry's value. A school may be stricter, never looser."
    return {"field": field, "rule": rule, "value": value, "ministry_value": ministry, "message": message}
