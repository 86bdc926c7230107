"""The refusals of sign-in and staff accounts, each with a stable code the sign-in screen branches on."""

from __future__ import annotations

from odsm.core.errors import AppError
from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class PermissionDenied(AppError):
    status_code = 403
    code = "permission_denied"
    default_message = "Your account may not do this. Ask the school's owner."


class SignInRequired(AppError):
    status_code = 401
    code = "auth.sign_in_required"
    default_message = "Sign in to continue."


class WrongCredentials(AppError):
    """The same answer for an unknown login and a wrong password: the desk learns nothing of which."""

    status_code = 401
    code = "auth.wrong_credentials"
    default_message = "That login and password don't match."


class TryAgainLater(AppError):
    status_code = 429
    code = "auth.try_again_later"
    default_message = "Too many wrong passwords. Wait a moment, then try again."


class AccountLocked(AppError):
    status_code = 423
    code = "auth.account_locked"
    default_message = "This account is locked after too many wrong passwords. Try again later, or ask the owner."


class WrongRecoveryCode(AppError):
    status_code = 401
    code = "auth.wrong_recovery_code"
    default_message = "That recovery code is not right, or it was already used."


class SignInAlreadyOn(Conflict):
    code = "auth.already_on"
    default_message = "Sign-in is already on."


class SignInOff(Conflict):
    code = "auth.off"
    default_message = "Sign-in is off: there are no accounts to sign in to."


class LastOwner(Conflict):
    code = "staff.last_owner"
    default_message = "The school's last active owner can't be disabled or made another role."


class LoginTaken(Conflict):
    code = "staff.login_taken"
    default_message = "Another account already has that login."


class StaffNotFound(RecordNotFound, record="staff account"):
    code = "staff.not_found"
    default_message = "No staff account has that id."


class StaffVersionConflict(RecordVersionConflict, record="staff account"):
    code = "staff.version_conflict"


class SignInSettingsVersionConflict(RecordVersionConflict, record="sign-in settings"):
    code = "sign_in_settings.version_conflict"
