from datetime import date

import pytest

from odsm.features.students.licence import (
    LicenceNumberInvalid,
    display_licence_number,
    licence_warnings,
    normalise_licence_number,
)


@pytest.mark.parametrize(
    "raw",
    ["A1234-56789-01234", "a1234 56789 01234", "A12345678901234", " A1234-5678901234 ", "a1234-56789 01234"],
)
def test_licence_number_is_accepted_with_or_without_separators(raw: str) -> None:
    assert normalise_licence_number(raw) == "A12345678901234"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "12345678901234A",
        "A1234-56789-0123",
        "A1234-56789-012345",
        "AB234-56789-01234",
        "A1234_56789_01234",
    ],
)
def test_licence_number_refuses_anything_but_a_letter_and_14_digits(raw: str) -> None:
    with pytest.raises(LicenceNumberInvalid, match="A1234-56789-01234"):
        normalise_licence_number(raw)


def test_licence_number_is_displayed_with_dashes() -> None:
    assert display_licence_number("A12345678901234") == "A1234-56789-01234"


def test_no_warning_when_initial_and_birth_date_match() -> None:
    assert licence_warnings("O12345678080315", "Okafor", date(2008, 3, 15)) == []


def test_no_warning_when_birth_month_carries_the_plus_50() -> None:
    assert licence_warnings("O12345678085315", "Okafor", date(2008, 3, 15)) == []


def test_warns_when_the_letter_is_not_the_surname_initial() -> None:
    warnings = licence_warnings("B12345678080315", "Okafor", date(2008, 3, 15))
    assert [w.code for w in warnings] == ["licence.surname_initial_mismatch"]
    assert warnings[0].field == "licence_number"


def test_warns_when_the_last_six_digits_are_not_the_birth_date() -> None:
    warnings = licence_warnings("O12345678080316", "Okafor", date(2008, 3, 15))
    assert [w.code for w in warnings] == ["licence.birth_date_mismatch"]


def test_surname_initial_skips_leading_punctuation() -> None:
    assert licence_warnings("D12345678080315", "'Dell", date(2008, 3, 15)) == []
