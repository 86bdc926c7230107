"""Times in the school's format: one a.m./p.m. for a span that shares it, both when it crosses noon."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from odsm.core.clock_text import minute_range_text, minute_text, span_text

TORONTO = ZoneInfo("America/Toronto")
DASH = "\u2013"


@pytest.mark.parametrize(
    ("minute", "twelve", "twenty_four"),
    [(0, "12:00 a.m.", "00:00"), (16 * 60, "4:00 p.m.", "16:00"), (12 * 60 + 5, "12:05 p.m.", "12:05")],
)
def test_a_minute_of_the_day_in_either_format(minute: int, twelve: str, twenty_four: str) -> None:
    assert (minute_text(minute, "12h"), minute_text(minute, "24h")) == (twelve, twenty_four)


def test_a_range_names_a_p_m_once_when_both_ends_share_it() -> None:
    assert minute_range_text(16 * 60, 17 * 60, "12h") == f"4:00{DASH}5:00 p.m."
    assert minute_range_text(11 * 60 + 30, 12 * 60 + 30, "12h") == f"11:30 a.m.{DASH}12:30 p.m."
    assert minute_range_text(16 * 60, 17 * 60, "24h") == f"16:00{DASH}17:00"


def test_a_span_reads_on_the_schools_clock_whatever_the_instants_zone() -> None:
    start, end = datetime(2031, 6, 10, 20, tzinfo=UTC), datetime(2031, 6, 10, 21, tzinfo=UTC)
    assert span_text(start, end, TORONTO, "12h") == f"4:00{DASH}5:00 p.m. on Tue, Jun 10"
    late, after = datetime(2031, 6, 11, 3, 30, tzinfo=UTC), datetime(2031, 6, 11, 4, 30, tzinfo=UTC)
    assert span_text(late, after, TORONTO, "24h") == f"23:30 on Tue, Jun 10{DASH}00:30 on Wed, Jun 11"
