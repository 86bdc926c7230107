from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, computed_field
from pydantic_core import PydanticCustomError

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
    Annotated[str, Field(max_length=40)] | None,
    AfterValidator(_licence),
    Field(description=f"Ontario licence number, with or without dashes: {LICENCE_FORMAT}"),
]
Name = Annotated[str, Field(min_length=1, max_length=100)]


# Building blocks, not API shapes of their own. Pydantic lays out a model's fields base by base from the
# last base to the first, so each model lists its bases in reverse to keep its fields in the API's order.
class _Versioned(BaseModel):
    version: int = Field(ge=1)


class _Identity(BaseModel):
    first_name: Name
    last_name: Name
    date_of_birth: date


class _IdentityChange(BaseModel):
    first_name: Name | None = None
    last_name: Name | None = None
    date_of_birth: date | None = None


class _Details(BaseModel):
    phone: str | None = Field(default=None, max_length=40)
    email: EmailStr | None = None
    address: str | None = Field(default=None, max_length=500)
    licence_number: LicenceNumber = None
    licence_class: LicenceClass | None = None
    g1_issue_date: date | None = None
    licence_expiry: date | None = None
    guardian_name: str | None = Field(default=None, max_length=200)
    guardian_phone: str | None = Field(default=None, max_length=40)
    guardian_email: EmailStr | None = None
    emergency_contact_name: str | None = Field(default=None, max_length=200)
    emergency_contact_phone: str | None = Field(default=None, max_length=40)
    notes: str | None = Field(default=None, max_length=5000)


class StudentFields(_Details, _Identity):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class StudentCreate(StudentFields):
    consent_to_share: bool = Field(
        default=False, description="Consent to share with MTO, IBC and the MTO course inspector"
    )


class StudentUpdate(_Details, _IdentityChange, _Versioned):
    """Only the fields sent are changed. `version` is the one the client last saw."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    consent_to_share: bool | None = None


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
