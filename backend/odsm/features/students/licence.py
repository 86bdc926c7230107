"""The Ontario driver's licence number: one letter and 14 digits, shown as A1234-56789-01234.

The letter-is-surname and YYMMDD-birth-date patterns come from community reverse engineering,
not from MTO, so they only ever produce soft warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

LICENCE_FORMAT = "A1234-56789-01234"
_SEPARATORS = re.compile(r"[\s-]+")
_NORMALISED = re.compile(r"^[A-Z][0-9]{14}$")


class LicenceNumberInvalid(ValueError):
    pass


def normalise_licence_number(raw: str) -> str:
    candidate = _SEPARATORS.sub("", raw).upper()
    if not _NORMALISED.match(candidate):
        raise LicenceNumberInvalid(f"An Ontario licence number is one letter and 14 digits, like {LICENCE_FORMAT}.")
    return candidate


def display_licence_number(normalised: str) -> str:
    return f"{normalised[:5]}-{normalised[5:10]}-{normalised[10:]}"


@dataclass(frozen=True)
class LicenceWarning:
    code: str
    field: str
    message: str


def licence_warnings(normalised: str, last_name: str, date_of_birth: date | None) -> list[LicenceWarning]:
    warnings: list[LicenceWarning] = []
    initial = next((c for c in last_name.upper() if c.isalpha()), "")
    if initial and normalised[0] != initial:
        warnings.append(
            LicenceWarning(
                "licence.surname_initial_mismatch",
                "licence_number",
                f"Ontario licence numbers usually start with the surname's initial ({initial}); "
                f"this one starts with {normalised[0]}.",
            )
        )
    if date_of_birth is not None:
        yy, mm, dd = normalised[9:11], int(normalised[11:13]), normalised[13:15]
        expected_yy = f"{date_of_birth.year % 100:02d}"
        expected_dd = f"{date_of_birth.day:02d}"
        month_matches = mm in {date_of_birth.month, date_of_birth.month + 50}
        if not (yy == expected_yy and dd == expected_dd and month_matches):
            warnings.append(
                LicenceWarning(
                    "licence.birth_date_mismatch",
                    "licence_number",
                    "The last six digits usually encode the birth date as YYMMDD (month plus 50 for women); "
                    f"they do not match {date_of_birth.isoformat()}.",
                )
            )
    return warnings
