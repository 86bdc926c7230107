"""A lesson's label names its time from the stored value; a value that is no time must not fail the log's page."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from odsm.features.audit.record_names import Names

TORONTO = ZoneInfo("America/Toronto")


def test_a_stored_time_reads_in_the_schools_zone() -> None:
    names = Names(tz=TORONTO, time_format="12h")
    said = names.moment(datetime(2026, 6, 10, 20, 0, tzinfo=UTC).isoformat())
    assert said.endswith("at 4:00 p.m.")


def test_a_stored_value_that_is_no_time_reads_as_unknown() -> None:
    names = Names(tz=TORONTO, time_format="12h")
    assert names.moment("not a time") == "an unknown time"
    assert names.moment(None) == "an unknown time"
