"""Staff accounts, the school's sign-in settings, and the sessions of those signed in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class StaffAccount(Audited, Base):
    """A person who signs in. Disabled, never deleted: their name stays on the records they touched."""

    __tablename__ = "staff_accounts"
    # The hash never goes into the audit log, nor do the failure counters (a wrong password is not an edit).
    __audit_exclude__ = frozenset({"password_hash", "failed_attempts", "locked_until", "last_failed_at"})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    login: Mapped[str] = mapped_column(String(100), unique=True)
    # owner, office or instructor (odsm.features.staff.permissions.Role)
    role: Mapped[str] = mapped_column(String(20))
    instructor_id: Mapped[int | None] = mapped_column(ForeignKey("instructors.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class SignInSettings(Audited, Base):
    """One row, this feature's own: sign-in is off until the owner switches it on."""

    __tablename__ = "sign_in_settings"
    __audit_exclude__ = frozenset({"recovery_code_hash"})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    min_password_length: Mapped[int] = mapped_column(Integer, default=10)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=10)
    failures_before_lock: Mapped[int] = mapped_column(Integer, default=5)
    lock_minutes: Mapped[int] = mapped_column(Integer, default=15)
    # A session ends this many hours after sign-in, even while the desk is in use (a shift, not a week).
    session_max_hours: Mapped[int] = mapped_column(Integer, default=12, server_default="12")
    # The owner may let the office certify students with MTO.
    office_may_certify: Mapped[bool] = mapped_column(Boolean, default=False)
    # The one-time recovery code, hashed; None once it is used up.
    recovery_code_hash: Mapped[str | None] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class StaffSession(Base):
    """One sign-in at one desk: an opaque token, kept only as its sha256. Several desks at once."""

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("staff_accounts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
