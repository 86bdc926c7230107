"""The API shapes of sign-in, sign-in settings and staff accounts."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

from odsm.core.bounded import Flag, Id, Label, NulFree, VersionedChange, omitted

from .permissions import Permission, Role

Login = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True, to_lower=True), NulFree]
# Long enough for a passphrase; the school's minimum length is checked by the service.
Password = Annotated[str, StringConstraints(min_length=1, max_length=200), NulFree]
RecoveryCode = Annotated[str, StringConstraints(min_length=1, max_length=100), NulFree]
Minutes = Annotated[int, Strict(), Field(ge=1, le=24 * 60)]
PasswordLength = Annotated[int, Strict(), Field(ge=8, le=200)]
Failures = Annotated[int, Strict(), Field(ge=2, le=100)]
# A session ends after this many hours even at a desk in use: a week at most.
Hours = Annotated[int, Strict(), Field(ge=1, le=7 * 24)]


class StaffRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    login: str
    role: Role
    instructor_id: int | None
    active: bool
    version: int


class StaffPage(BaseModel):
    items: list[StaffRead]


class StaffCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Label
    login: Login
    role: Role
    instructor_id: Id | None = Field(default=None, description="required for the instructor role")
    password: Password


class StaffUpdate(VersionedChange):
    name: Label = omitted()
    role: Role = omitted()
    instructor_id: Id | None = omitted()
    active: Flag = omitted()


class PasswordSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: Password


class SignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: Login
    password: Password


class SignedIn(BaseModel):
    """Main keeps `token` and hands the renderer everything else: the renderer never sees it."""

    token: str
    account: StaffRead
    permissions: list[Permission]


class EnableSignIn(BaseModel):
    """Switching sign-in on creates the owner's account first."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Label
    login: Login
    password: Password


class SignInEnabled(SignedIn):
    """Shown once, to print or write down: it resets the owner's password and is then used up."""

    recovery_code: str


class DisableSignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: Password = Field(description="the signed-in owner's password")


class Recover(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recovery_code: RecoveryCode
    new_password: Password


class RecoveryCodeRead(BaseModel):
    recovery_code: str


class SignInSettingsRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    enabled: bool
    min_password_length: int
    idle_lock_minutes: int
    failures_before_lock: int
    lock_minutes: int
    session_max_hours: int
    office_may_certify: bool
    version: int


class SignInSettingsUpdate(VersionedChange):
    min_password_length: PasswordLength = omitted()
    idle_lock_minutes: Minutes = omitted()
    failures_before_lock: Failures = omitted()
    lock_minutes: Minutes = omitted()
    session_max_hours: Hours = omitted()
    office_may_certify: Flag = omitted()


class AuthStatus(BaseModel):
    """Who is signed in at this desk (None when nobody is, or sign-in is off) and what they may do."""

    enabled: bool
    idle_lock_minutes: int
    min_password_length: int
    account: StaffRead | None
    permissions: list[Permission]


class PermissionRow(BaseModel):
    permission: Permission
    description: str
    roles: list[Role]
    own_only_for_instructor: bool


class PermissionTable(BaseModel):
    rows: list[PermissionRow]
    office_may_certify: bool


class SignedOut(BaseModel):
    signed_out: bool
