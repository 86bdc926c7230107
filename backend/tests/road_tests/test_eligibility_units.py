"""Eligibility as a pure function: each rule's allowed and refused day, with the reasons in desk words."""

from __future__ import annotations

from datetime import date

from odsm.features.road_tests.eligibility import Standing, verdict
from odsm.models import RoadTestSettings

G1 = date(2025, 4, 1)


def cfg(**kw: int) -> RoadTestSettings:
    defaults = {"g2_after_g1_months": 12, "g2_after_g1_with_bde_months": 8, "g_after_g2_months": 12,
                "programme_years": 5, "retest_days": 10}  # fmt: skip
    return RoadTestSettings(**{**defaults, **kw})


def standing(held: dict[str, date | None], bde: date | None = None, fails: dict[str, date] | None = None) -> Standing:
    return Standing(name="Amara Okafor", held=held, bde_certified_on=bde, last_fail=fails or {})


def test_the_g2_test_comes_twelve_months_after_the_g1_without_bde() -> None:
    v = verdict(standing({"G1": G1}), "G2", cfg(), date(2026, 4, 1))
    assert (v.code, v.eligible_from) == (None, date(2026, 4, 1))
    assert "without a certified BDE course" in v.reasons[0] and "12 months" in v.reasons[0]
    early = verdict(standing({"G1": G1}), "G2", cfg(), date(2026, 3, 31))
    assert early.code == "road_test.not_yet_eligible"


def test_a_certified_bde_course_brings_the_g2_test_to_eight_months() -> None:
    st = standing({"G1": G1}, bde=date(2025, 9, 1))
    assert verdict(st, "G2", cfg(), date(2025, 12, 1)).code is None
    assert verdict(st, "G2", cfg(), date(2025, 11, 30)).code == "road_test.not_yet_eligible"
    assert "certified on Sep 1, 2025" in verdict(st, "G2", cfg(), date(2025, 12, 1)).reasons[0]


def test_a_bde_course_certified_late_counts_from_its_certification() -> None:
    st = standing({"G1": G1}, bde=date(2026, 1, 15))
    assert verdict(st, "G2", cfg(), date(2026, 1, 14)).eligible_from == date(2026, 1, 15)


def test_the_months_are_school_settings() -> None:
    assert verdict(standing({"G1": G1}), "G2", cfg(g2_after_g1_months=10), date(2026, 2, 1)).code is None


def test_the_g_test_comes_twelve_months_after_the_g2() -> None:
    held = {"G1": G1, "G2": date(2026, 5, 10)}
    assert verdict(standing(held), "G", cfg(), date(2027, 5, 10)).code is None
    assert verdict(standing(held), "G", cfg(), date(2027, 5, 9)).code == "road_test.not_yet_eligible"


def test_a_retest_waits_ten_days_after_a_fail() -> None:
    st = standing({"G1": G1}, fails={"G2": date(2026, 6, 1)})
    ok = verdict(st, "G2", cfg(), date(2026, 6, 11))
    assert (ok.code, ok.retest_from) == (None, date(2026, 6, 11))
    soon = verdict(st, "G2", cfg(), date(2026, 6, 10))
    assert soon.code == "road_test.retest_too_soon"
    assert any("Failed the G2 test on Jun 1, 2026" in r for r in soon.reasons)


def test_a_student_who_holds_the_class_has_no_test_to_take() -> None:
    held = {"G1": G1, "G2": date(2026, 5, 10)}
    assert verdict(standing(held), "G2", cfg(), date(2027, 1, 1)).code == "road_test.already_holds_class"
    assert verdict(standing({**held, "G": date(2027, 6, 1)}), "G2", cfg(), date(2028, 1, 1)).code == (
        "road_test.already_holds_class"
    )
    assert verdict(standing({"G1": G1}), "G2", cfg(), date(2027, 1, 1)).code is None


def test_the_programme_must_finish_within_five_years_of_the_g1() -> None:
    held = {"G1": G1, "G2": date(2026, 5, 10)}
    last = verdict(standing(held), "G", cfg(), date(2030, 4, 1))
    assert (last.code, last.programme_ends) == (None, date(2030, 4, 1))
    late = verdict(standing(held), "G", cfg(), date(2030, 4, 2))
    assert late.code == "road_test.programme_expired"
    assert any("ran out on Apr 1, 2030" in r for r in late.reasons)


def test_a_test_without_the_step_before_or_its_date_cannot_be_worked_out() -> None:
    assert verdict(standing({"G1": G1}), "G", cfg(), date(2027, 1, 1)).code == "road_test.previous_step_missing"
    undated = verdict(standing({"G1": None}), "G2", cfg(), date(2027, 1, 1))
    assert undated.code == "road_test.previous_step_missing" and undated.eligible_from is None
