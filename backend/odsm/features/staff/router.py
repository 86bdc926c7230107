"""Sign-in, the sign-in settings and staff accounts.

Routes that hand out a session token (sign in, switch sign-in on, recover) have no `db:` channel: main
calls them through `app:auth:*` and keeps the token, so the renderer never sees it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .access import session_token
from .schemas import (
    AuthStatus,
    DisableSignIn,
    EnableSignIn,
    PasswordSet,
    PermissionTable,
    Recover,
    RecoveryCodeRead,
    SignedIn,
    SignedOut,
    SignIn,
    SignInEnabled,
    SignInSettingsRead,
    SignInSettingsUpdate,
    StaffCreate,
    StaffPage,
    StaffRead,
    StaffUpdate,
)
from .service import StaffService

Svc = Annotated[StaffService, Depends(service_from_app(StaffService))]

auth = APIRouter(prefix="/auth", tags=["auth"])
auth_channel = channels_for("signIn")


@auth.get("/status", response_model=AuthStatus)
def auth_status(request: Request, svc: Svc) -> AuthStatus:
    return svc.status(session_token(request))


@auth.get("/permissions", response_model=PermissionTable, openapi_extra=auth_channel("permissions"))
def permission_table(svc: Svc) -> PermissionTable:
    return svc.permission_table()


@auth.post("/sign-in", response_model=SignedIn, responses=refusals(401, 409, 422, 423, 429))
def sign_in(data: SignIn, svc: Svc) -> SignedIn:
    return svc.sign_in(data)


@auth.post("/sign-out", response_model=SignedOut)
def sign_out(request: Request, svc: Svc) -> SignedOut:
    return SignedOut(signed_out=svc.sign_out(session_token(request)))


@auth.post("/recover", response_model=SignedIn, responses=refusals(401, 409, 422))
def recover_owner(data: Recover, svc: Svc) -> SignedIn:
    return svc.recover(data)


@auth.post("/enable", response_model=SignInEnabled, status_code=201, responses=refusals(401, 403, 409, 422))
def enable_sign_in(data: EnableSignIn, svc: Svc) -> SignInEnabled:
    return svc.enable(data)


@auth.post("/disable", response_model=SignInSettingsRead, responses=refusals(401, 403, 409, 422))
def disable_sign_in(data: DisableSignIn, request: Request, svc: Svc) -> SignInSettingsRead:
    return svc.disable(session_token(request), data.password)


@auth.get(
    "/settings", response_model=SignInSettingsRead, responses=refusals(401, 403), openapi_extra=auth_channel("settings")
)
def get_sign_in_settings(svc: Svc) -> SignInSettingsRead:
    return svc.settings()


@auth.patch(
    "/settings",
    response_model=SignInSettingsRead,
    responses=refusals(401, 403, 409, 422),
    openapi_extra=auth_channel("updateSettings"),
)
def update_sign_in_settings(data: SignInSettingsUpdate, svc: Svc) -> SignInSettingsRead:
    return svc.update_settings(data)


@auth.post(
    "/recovery-code",
    response_model=RecoveryCodeRead,
    responses=refusals(401, 403),
    openapi_extra=auth_channel("newRecoveryCode"),
)
def new_recovery_code(svc: Svc) -> RecoveryCodeRead:
    return RecoveryCodeRead(recovery_code=svc.new_recovery_code())


records = RecordRoutes("staff", Svc, record_id="staff_id")
staff = records.router


@staff.get("", response_model=StaffPage, responses=refusals(401, 403), openapi_extra=records.channel("list"))
def list_staff(svc: Svc) -> StaffPage:
    return svc.list()


records.create("create_staff", StaffService.create, StaffCreate, StaffRead)
records.update("update_staff", StaffService.update, StaffUpdate, StaffRead)
records.action("/password", "setPassword", "set_staff_password", StaffService.set_password_from, PasswordSet, StaffRead)

routers = (auth, staff)
