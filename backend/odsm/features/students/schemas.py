from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, computed_field
from pydantic_core import PydanticCustomError

from odsm.core.bounded import Address, Flag, Line, Name, Notes, Phone, SchoolDate, Short, Version, omitted
from odsm.core.import_outcome import ImportOutcome, ImportProblem

from .licence import LICENCE_FORMAT, LicenceNumberInvalid, display_licence_number, normalise_licence_number


class LicenceClass(StrEnum):
    G1 = "G1"
    G2 = "G2"
    G = "G"


def _licence(value: str | None) -> str | None:
    if value is None or value.strip() == "":
        return None
    try:
        return normalise_licence_number(value)
    except LicenceNumberInvalid as exc:
        raise PydanticCustomError("licence_format", "{reason}", {"reason": str(exc), "format": LICENCE_FORMAT}) from exc


LicenceNumber = Annotated[
    Short | None,
    AfterValidator(_licence),
    Field(description=f"Ontario licence number, with or without dashes: {LICENCE_FORMAT}"),
]


# Building blocks, not API shapes of their own. Pydantic lays out a model's fields base by base from the
# last base to the first, so each model lists its bases in reverse to keep its fields in the API's order.
class _Versioned(BaseModel):
    version: Version


class _Identity(BaseModel):
    first_name: Name
    last_name: Name
    date_of_birth: SchoolDate


class _IdentityChange(BaseModel):
    """Leave a field out to keep it; the identity can't be cleared, so null is refused."""

    first_name: Name = omitted()
    last_name: Name = omitted()
    date_of_birth: SchoolDate = omitted()


class _Details(BaseModel):
    phone: Phone | None = None
    email: EmailStr | None = None
    address: Address | None = None
    licence_number: LicenceNumber = None
    licence_class: LicenceClass | None = None
    g1_issue_date: SchoolDate | None = None
    licence_expiry: SchoolDate | None = None
    guardian_name: Line | None = None
    guardian_phone: Phone | None = None
    guardian_email: EmailStr | None = None
    emergency_contact_name: Line | None = None
    emergency_contact_phone: Phone | None = None
    notes: Notes | None = None


class StudentFields(_Details, _Identity):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class StudentCreate(StudentFields):
    consent_to_share: Flag = Field(
        default=False, description="Consent to share with MTO, IBC and the MTO course inspector"
    )


class StudentUpdate(_Details, _IdentityChange, _Versioned):
    """Only the fields sent are changed. `version` is the one the client last saw."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    consent_to_share: Flag | None = None


class StudentArchive(_Versioned):
    model_config = ConfigDict(extra="forbid")


class Warning(BaseModel):
    code: str
    field: str
    message: str


class StudentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    first_name: str
    last_name: str
    date_of_birth: date
    phone: str | None
    email: str | None
    address: str | None
    licence_number: str | None
    licence_class: LicenceClass | None
    g1_issue_date: date | None
    licence_expiry: date | None
    guardian_name: str | None
    guardian_phone: str | None
    guardian_email: str | None
    emergency_contact_name: str | None
    emergency_contact_phone: str | None
    consent_at: datetime | None
    notes: str | None
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int
    warnings: list[Warning] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def licence_number_display(self) -> str | None:
        return display_licence_number(self.licence_number) if self.licence_number else None


class StudentPage(BaseModel):
    items: list[StudentRead]
    total: int
    offset: int
    limit: int


__all__ = ["ImportOutcome", "ImportProblem"]
