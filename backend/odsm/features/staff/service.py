"""Staff accounts and sign-in: switching it on and off, accounts and roles, sessions, and the lockout."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.core.errors import ValidationFailed
from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.core.versioning import apply_changes, check_version, guard_stale
from odsm.models import Instructor, SignInSettings, StaffAccount, StaffSession

from . import repository as repo
from .desk import Access
from .errors import (
    LastOwner,
    LoginTaken,
    SignInAlreadyOn,
    SignInOff,
    SignInSettingsVersionConflict,
    StaffNotFound,
    StaffVersionConflict,
    WrongCredentials,
    WrongRecoveryCode,
)
from .lockout import count_failure, refuse_while_locked
from .passwords import (
    Passwords,
    new_recovery_code,
    new_token,
    normal_recovery_code,
    passwords_at,
    token_digest,
)
from .permissions import OWN_ONLY_FOR_INSTRUCTOR, PERMISSION_ROLES, PERMISSION_WORDS, Permission, Role, role_may
from .schemas import (
    AuthStatus,
    EnableSignIn,
    PasswordSet,
    PermissionRow,
    PermissionTable,
    Recover,
    SignedIn,
    SignIn,
    SignInEnabled,
    SignInSettingsRead,
    SignInSettingsUpdate,
    StaffCreate,
    StaffPage,
    StaffRead,
    StaffUpdate,
)


def roles_that_may_certify(s: Session) -> list[Role]:
    """The roles whose accounts may certify with MTO under the school's sign-in settings (the permission
    table's rule: the owner, and the office when the owner allows it)."""
    settings = repo.sign_in_settings(s)
    office = bool(settings and settings.office_may_certify)
    return [r for r in Role if role_may(r, Permission.CERTIFY, office_may_certify=office)]


def accounts_that_may_certify(s: Session) -> list[StaffAccount]:
    """For the certification feature: the active accounts whose role may certify, by name."""
    return list(s.scalars(repo.active_with_roles([r.value for r in roles_that_may_certify(s)])))


def find_account(s: Session, staff_id: int) -> StaffAccount | None:
    return s.get(StaffAccount, staff_id)


def _settings_read(row: SignInSettings | None) -> SignInSettingsRead:
    if row is None:
        row = SignInSettings(
            enabled=False, min_password_length=10, idle_lock_minutes=10, failures_before_lock=5,
            lock_minutes=15, session_max_hours=12, office_may_certify=False, version=1,
        )  # fmt: skip
    return SignInSettingsRead.model_validate(row)


class StaffService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.passwords: Passwords = passwords_at(db.settings.password_hash_memory_kib, db.settings.password_hash_passes)

    # --- who is asking ---------------------------------------------------------------------------
    def access(self, token: str | None) -> Access:
        # Sign-in is off at most schools: one Core read answers, with no Session for the request to pay.
        if not self.db.query(repo.sign_in_switched_on):
            return Access(enabled=False)
        return self.db.read(lambda s: self._access(s, token))

    def _access(self, s: Session, token: str | None) -> Access:
        settings = repo.sign_in_settings(s)
        if settings is None or not settings.enabled:
            return Access(enabled=False)
        if not token:
            return Access(enabled=True, office_may_certify=settings.office_may_certify)
        found = s.execute(repo.live_session(token_digest(token))).first()
        account = found[1] if found is not None and found[1].active else None
        if found is not None and session_too_old(found[0], settings, utcnow()):
            account = None  # past the setting's hours: this desk signs in again, however busy it was
        return Access(
            enabled=True,
            account=StaffRead.model_validate(account) if account is not None else None,
            office_may_certify=settings.office_may_certify,
        )

    def status(self, token: str | None) -> AuthStatus:
        def fn(s: Session) -> AuthStatus:
            settings = _settings_read(repo.sign_in_settings(s))
            access = self._access(s, token)
            return AuthStatus(
                enabled=settings.enabled,
                idle_lock_minutes=settings.idle_lock_minutes,
                min_password_length=settings.min_password_length,
                account=access.account,
                permissions=access.permissions(),
            )

        return self.db.read(fn)

    def permission_table(self) -> PermissionTable:
        settings = self.db.read(lambda s: _settings_read(repo.sign_in_settings(s)))
        rows = [
            PermissionRow(
                permission=p,
                description=PERMISSION_WORDS[p],
                roles=sorted(roles, key=list(Role).index),
                own_only_for_instructor=p in OWN_ONLY_FOR_INSTRUCTOR,
            )
            for p, roles in PERMISSION_ROLES.items()
            if p is not Permission.PUBLIC
        ]
        return PermissionTable(rows=rows, office_may_certify=settings.office_may_certify)

    def staff_names(self, ids: set[int]) -> dict[int, str]:
        """For the audit screen: the names of the accounts its entries name (disabled ones too)."""
        if not ids:
            return {}
        return self.db.read(lambda s: {row[0]: row[1] for row in s.execute(repo.names(ids))})

    # --- switching sign-in on and off ----------------------------------------------------------
    def enable(self, data: EnableSignIn) -> SignInEnabled:
        code = new_recovery_code()
        password_hash = self._checked_hash(data.password, minimum=1)
        code_hash = self.passwords.hash(normal_recovery_code(code))

        def fn(s: Session) -> SignInEnabled:
            settings = repo.get_or_create_settings(s)
            if settings.enabled:
                raise SignInAlreadyOn()
            self._check_password_length(data.password, settings.min_password_length)
            owner = s.scalar(repo.by_login(data.login))
            if owner is None:
                owner = StaffAccount(name=data.name, login=data.login, role=Role.OWNER.value, active=True)
                s.add(owner)
            else:  # sign-in was on once: the same login takes back its account as the owner
                owner.name, owner.role, owner.active, owner.instructor_id = data.name, Role.OWNER.value, True, None
            owner.password_hash, owner.failed_attempts, owner.locked_until = password_hash, 0, None
            settings.enabled, settings.recovery_code_hash = True, code_hash
            s.flush()
            audit.primary(s, settings, "enable_sign_in")
            signed = self._open_session(s, owner, settings)
            return SignInEnabled(**signed.model_dump(), recovery_code=code)

        return self.db.write(fn)

    def disable(self, token: str | None, password: str) -> SignInSettingsRead:
        def fn(s: Session) -> SignInSettingsRead:
            settings = repo.sign_in_settings(s)
            if settings is None or not settings.enabled:
                raise SignInOff()
            access = self._access(s, token)
            account = s.get(StaffAccount, access.account.id) if access.account else None
            if (
                account is None
                or account.role != Role.OWNER.value
                or not self.passwords.verify(password, account.password_hash)
            ):
                raise WrongCredentials("That is not the owner's password.")
            settings.enabled = False
            audit.primary(s, settings, "disable_sign_in")
            return _settings_read(settings)

        return self.db.write(fn)

    def recover(self, data: Recover) -> SignedIn:
        """The recovery code resets the owner's password (and unlocks the account), and is used up."""

        def fn(s: Session) -> SignedIn:
            settings = repo.sign_in_settings(s)
            if settings is None or not settings.enabled:
                raise SignInOff()
            if not self.passwords.verify(normal_recovery_code(data.recovery_code), settings.recovery_code_hash):
                raise WrongRecoveryCode()
            self._check_password_length(data.new_password, settings.min_password_length)
            owner = s.scalar(repo.first_owner())
            if owner is None:
                raise WrongRecoveryCode()
            owner.password_hash = self.passwords.hash(data.new_password)
            owner.failed_attempts, owner.locked_until, owner.active, owner.role = 0, None, True, Role.OWNER.value
            settings.recovery_code_hash = None
            # Whoever held the old password is signed out at every desk; the owner signs in afresh here.
            for session in account_sessions(s, owner.id):
                session.ended_at = utcnow()
            audit.primary(s, owner, "recover_owner")
            return self._open_session(s, owner, settings)

        return self.db.write(fn)

    def new_recovery_code(self) -> str:
        code = new_recovery_code()
        code_hash = self.passwords.hash(normal_recovery_code(code))

        def fn(s: Session) -> None:
            settings = repo.get_or_create_settings(s)
            settings.recovery_code_hash = code_hash
            audit.primary(s, settings, "new_recovery_code")

        self.db.write(fn)
        return code

    # --- signing in and out --------------------------------------------------------------------
    def sign_in(self, data: SignIn) -> SignedIn:
        def fn(s: Session) -> tuple[SignedIn | None, Exception | None]:
            settings = repo.sign_in_settings(s)
            if settings is None or not settings.enabled:
                raise SignInOff()
            account = s.scalar(repo.by_login(data.login))
            usable = account if account is not None and account.active else None
            if usable is not None:
                refuse_while_locked(usable, utcnow())
            if not self.passwords.verify(data.password, usable.password_hash if usable else None) or usable is None:
                # The failure is counted and committed; the refusal is raised after the commit.
                return None, count_failure(usable, settings)
            usable.failed_attempts, usable.locked_until, usable.last_failed_at = 0, None, None
            return self._open_session(s, usable, settings), None

        signed, refusal = self.db.write(fn)
        if refusal is not None:
            raise refusal
        assert signed is not None
        return signed

    def _open_session(self, s: Session, account: StaffAccount, settings: SignInSettings) -> SignedIn:
        token = new_token()
        s.add(StaffSession(token_hash=token_digest(token), account_id=account.id))
        s.flush()
        read = StaffRead.model_validate(account)
        access = Access(enabled=True, account=read, office_may_certify=settings.office_may_certify)
        return SignedIn(token=token, account=read, permissions=access.permissions())

    def sign_out(self, token: str | None) -> bool:
        if not token:
            return False

        def fn(s: Session) -> bool:
            found = s.execute(repo.live_session(token_digest(token))).first()
            if found is None:
                return False
            found[0].ended_at = utcnow()
            return True

        return self.db.write(fn)

    # --- settings and accounts -----------------------------------------------------------------
    def settings(self) -> SignInSettingsRead:
        return self.db.read(lambda s: _settings_read(repo.sign_in_settings(s)))

    def update_settings(self, data: SignInSettingsUpdate) -> SignInSettingsRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}
        for name, value in changes.items():
            if value is None:
                raise ValidationFailed.for_field(name, "required", f"{name} cannot be empty.")

        def fn(s: Session) -> SignInSettingsRead:
            row = repo.get_or_create_settings(s)
            check_version(row.version, data.version, SignInSettingsVersionConflict)
            apply_changes(row, changes)
            guard_stale(s.flush, SignInSettingsVersionConflict)
            return _settings_read(row)

        return self.db.write(fn)

    def list(self) -> StaffPage:
        return self.db.read(
            lambda s: StaffPage(items=[StaffRead.model_validate(a) for a in s.scalars(repo.everyone())])
        )

    def create(self, data: StaffCreate) -> StaffRead:
        password_hash = self._checked_hash(data.password, minimum=1)

        def fn(s: Session) -> StaffRead:
            settings = repo.get_or_create_settings(s)
            self._check_password_length(data.password, settings.min_password_length)
            self._check_instructor(s, data.role, data.instructor_id)
            if s.scalar(repo.by_login(data.login)) is not None:
                raise LoginTaken(details={"login": data.login})
            account = StaffAccount(
                name=data.name, login=data.login, role=data.role.value, active=True, password_hash=password_hash,
                instructor_id=data.instructor_id if data.role is Role.INSTRUCTOR else None,
            )  # fmt: skip
            s.add(account)
            s.flush()
            return StaffRead.model_validate(account)

        return self.db.write(fn)

    def update(self, staff_id: int, data: StaffUpdate) -> StaffRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}
        for name in ("name", "role", "active"):
            if name in changes and changes[name] is None:
                raise ValidationFailed.for_field(name, "required", f"{name} cannot be empty.")

        def fn(s: Session) -> StaffRead:
            account = self._account(s, staff_id)
            check_version(account.version, data.version, StaffVersionConflict)
            values: dict[str, Any] = {k: (v.value if isinstance(v, Role) else v) for k, v in changes.items()}
            role = Role(values.get("role", account.role))
            instructor_id = values.get("instructor_id", account.instructor_id)
            self._check_instructor(s, role, instructor_id)
            if role is not Role.INSTRUCTOR:
                values["instructor_id"] = None
            stays_owner = role is Role.OWNER and values.get("active", account.active)
            was_owner = account.role == Role.OWNER.value and account.active
            if was_owner and not stays_owner and (s.scalar(repo.active_owners()) or 0) <= 1:
                raise LastOwner(details={"staff_id": staff_id})
            apply_changes(account, values)
            guard_stale(s.flush, StaffVersionConflict)
            if not account.active:  # a disabled account's desks are signed out
                for session in account_sessions(s, account.id):
                    session.ended_at = utcnow()
            return StaffRead.model_validate(account)

        return self.db.write(fn)

    def set_password_from(self, staff_id: int, data: PasswordSet) -> StaffRead:
        return self.set_password(staff_id, data.password)

    def set_password(self, staff_id: int, password: str) -> StaffRead:
        password_hash = self._checked_hash(password, minimum=1)

        def fn(s: Session) -> StaffRead:
            settings = repo.get_or_create_settings(s)
            self._check_password_length(password, settings.min_password_length)
            account = self._account(s, staff_id)
            account.password_hash, account.failed_attempts, account.locked_until = password_hash, 0, None
            # A new password signs the account out at every desk: a password someone else learnt stops working.
            for session in account_sessions(s, account.id):
                session.ended_at = utcnow()
            audit.primary(s, account, "set_password")
            return StaffRead.model_validate(account)

        return self.db.write(fn)

    # --- rules ------------------------------------------------------------------------------------
    def _checked_hash(self, password: str, *, minimum: int) -> str:
        self._check_password_length(password, minimum)
        return self.passwords.hash(password)

    @staticmethod
    def _check_password_length(password: str, minimum: int) -> None:
        if len(password) < minimum:
            raise ValidationFailed.for_field(
                "password", "min_length", f"The password needs at least {minimum} characters.", minimum=minimum
            )

    @staticmethod
    def _check_instructor(s: Session, role: Role, instructor_id: int | None) -> None:
        if role is not Role.INSTRUCTOR:
            return
        if instructor_id is None:
            raise ValidationFailed.for_field(
                "instructor_id", "required_for_instructor", "An instructor's account names their instructor record."
            )
        if s.get(Instructor, instructor_id) is None:
            raise ValidationFailed.for_field("instructor_id", "not_found", "No instructor has that id.")

    @staticmethod
    def _account(s: Session, staff_id: int) -> StaffAccount:
        account = s.get(StaffAccount, staff_id)
        if account is None:
            raise StaffNotFound(details={"staff_id": staff_id})
        return account


def session_too_old(session: StaffSession, settings: SignInSettings, now: datetime) -> bool:
    return session.created_at + timedelta(hours=settings.session_max_hours) <= now


def account_sessions(s: Session, account_id: int) -> list[StaffSession]:
    return list(s.scalars(repo.open_sessions(account_id)))
