"""When a student may take the G2 or the G road test, and why, as a pure function of facts loaded once.

DOMAIN.md, "Graduated licensing": the G2 test 12 months after the G1, or 8 months with a certified BDE
course; the G test 12 months after the G2; a retest at least 10 days after a fail; the whole programme
within 5 years of the G1. Every number is a road-test setting. Each answer carries its reasons in the
words a front desk would say to the student, and, when a test on the day asked is not possible, the
refusal's stable code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from odsm.features.enrollments.deadline import add_months
from odsm.models import RoadTestSettings

NEXT_STEP = {"G2": "G1", "G": "G2"}


def day_text(day: date) -> str:
    """ "Apr 1, 2025", as a desk reads a date aloud."""
    return f"{day:%b} {day.day}, {day.year}"


@dataclass(frozen=True)
class Standing:
    """What eligibility reads: the steps held with their dates, the BDE certification, the last fails."""

    name: str
    held: dict[str, date | None]
    bde_certified_on: date | None
    last_fail: dict[str, date] = field(default_factory=dict)  # class -> the day of the latest failed test


@dataclass
class Verdict:
    licence_class: str
    eligible_from: date | None = None
    programme_ends: date | None = None
    retest_from: date | None = None
    # Why the test can't be taken on the day asked (None: it can): a stable code with its reasons.
    code: str | None = None
    reasons: list[str] = field(default_factory=list)


def _programme_ends(st: Standing, cfg: RoadTestSettings) -> date | None:
    g1 = st.held.get("G1")
    return add_months(g1, 12 * cfg.programme_years) if g1 else None


def _waiting(st: Standing, licence_class: str, cfg: RoadTestSettings, v: Verdict) -> date | None:
    """The end of the waiting period after the step before, with its reason; None when it can't start."""
    before = NEXT_STEP[licence_class]
    if before not in st.held:
        v.code = "road_test.previous_step_missing"
        v.reasons.append(
            f"{st.name} has no {before} licence on file: the {licence_class} test comes after the {before}."
        )
        return None
    issued = st.held[before]
    if issued is None:
        v.code = "road_test.previous_step_missing"
        v.reasons.append(f"The {before} issue date is not on file: record it to work out the earliest test date.")
        return None
    if licence_class == "G2" and st.bde_certified_on is not None:
        months = cfg.g2_after_g1_with_bde_months
        start = max(add_months(issued, months), st.bde_certified_on)
        v.reasons.append(
            f"G1 issued {day_text(issued)}; with the BDE course certified on {day_text(st.bde_certified_on)}, "
            f"the G2 test can be taken {months} months after the G1: from {day_text(start)}."
        )
        return start
    months = cfg.g2_after_g1_months if licence_class == "G2" else cfg.g_after_g2_months
    start = add_months(issued, months)
    without = " without a certified BDE course" if licence_class == "G2" else ""
    v.reasons.append(
        f"{before} issued {day_text(issued)};{without} the {licence_class} test can be taken "
        f"{months} months after the {before}: from {day_text(start)}."
    )
    return start


def verdict(st: Standing, licence_class: str, cfg: RoadTestSettings, on: date) -> Verdict:
    """Whether `licence_class`'s test can be taken on `on`, the earliest day it can, and why."""
    v = Verdict(licence_class=licence_class, programme_ends=_programme_ends(st, cfg))
    if licence_class in st.held or (licence_class == "G2" and "G" in st.held):
        v.code = "road_test.already_holds_class"
        current = "G" if "G" in st.held else licence_class
        v.reasons.append(f"{st.name} already holds a {current} licence: there is no {licence_class} test to take.")
        return v
    waiting = _waiting(st, licence_class, cfg, v)
    if waiting is None:
        return v
    earliest = waiting
    failed = st.last_fail.get(licence_class)
    if failed is not None:
        v.retest_from = failed + timedelta(days=cfg.retest_days)
        earliest = max(earliest, v.retest_from)
        v.reasons.append(
            f"Failed the {licence_class} test on {day_text(failed)}; a retest needs {cfg.retest_days} days: "
            f"from {day_text(v.retest_from)}."
        )
    v.eligible_from = earliest
    ends = v.programme_ends
    if ends is not None:
        v.reasons.append(
            f"The licence programme must be finished within {cfg.programme_years} years of the G1: by {day_text(ends)}."
        )
    if ends is not None and (on > ends or earliest > ends):
        v.code = "road_test.programme_expired"
        v.reasons.append(
            f"The {cfg.programme_years} years ran out on {day_text(ends)}: the student must start again with a new G1."
        )
    elif v.retest_from is not None and on < v.retest_from:
        v.code = "road_test.retest_too_soon"
    elif on < waiting:
        v.code = "road_test.not_yet_eligible"
    return v
