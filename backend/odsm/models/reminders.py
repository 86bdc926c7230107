"""Reminders: the school's reminder settings, each student's consent, the templates and the outbox.

Their own tables, so that students and school_settings keep their shape."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class ReminderSettings(Audited, Base):
    """One row: which rules run and when, quiet hours, the SMTP server (never its password: main keeps
    that with Electron's safeStorage and hands it to each send), and how SMS goes out."""

    __tablename__ = "reminder_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # To the student (or the guardian of a minor): a lesson tomorrow, sent the day before at this local minute.
    lesson_tomorrow_on: Mapped[bool] = mapped_column(Boolean, default=True)
    lesson_tomorrow_send_minute: Mapped[int] = mapped_column(Integer, default=17 * 60)
    # The BDE deadline at risk: the in-car deadline within this many days and the course not complete.
    bde_deadline_on: Mapped[bool] = mapped_column(Boolean, default=True)
    bde_deadline_days: Mapped[int] = mapped_column(Integer, default=30)
    # To the owner: an instructor's DI licence, a vehicle's insurance or inspection lapsing within N days.
    owner_di_licence_on: Mapped[bool] = mapped_column(Boolean, default=True)
    owner_di_licence_days: Mapped[int] = mapped_column(Integer, default=30)
    owner_vehicle_on: Mapped[bool] = mapped_column(Boolean, default=True)
    owner_vehicle_days: Mapped[int] = mapped_column(Integer, default=30)
    # A booked road test this many days ahead (or sooner, once) for the student who agreed.
    road_test_on: Mapped[bool] = mapped_column(Boolean, default=True)
    road_test_days: Mapped[int] = mapped_column(Integer, default=3)
    # An issued invoice with money left this many days past its due date, at most once per invoice every
    # `overdue_balance_repeat_days`.
    overdue_balance_on: Mapped[bool] = mapped_column(Boolean, default=True)
    overdue_balance_days: Mapped[int] = mapped_column(Integer, default=14)
    overdue_balance_repeat_days: Mapped[int] = mapped_column(Integer, default=14)
    owner_email: Mapped[str] = mapped_column(String(254), default="")
    # Nothing goes out between these local minutes (start > end wraps past midnight; equal means none).
    quiet_start_minute: Mapped[int] = mapped_column(Integer, default=21 * 60)
    quiet_end_minute: Mapped[int] = mapped_column(Integer, default=8 * 60)
    smtp_host: Mapped[str] = mapped_column(String(255), default="")
    smtp_port: Mapped[int] = mapped_column(Integer, default=587)
    smtp_user: Mapped[str] = mapped_column(String(254), default="")
    smtp_from: Mapped[str] = mapped_column(String(254), default="")
    smtp_tls: Mapped[str] = mapped_column(String(10), default="starttls")  # starttls | ssl | none
    sms_on: Mapped[bool] = mapped_column(Boolean, default=False)
    sms_mode: Mapped[str] = mapped_column(String(10), default="csv")  # csv | gateway
    # e.g. "{number}@sms.example.ca": {number} is the phone's ten digits.
    sms_gateway_pattern: Mapped[str] = mapped_column(String(254), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ReminderConsent(Audited, Base):
    """Whether a student agreed to reminders, and when they said so (CASL: express consent, recorded)."""

    __tablename__ = "reminder_consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), unique=True)
    agreed: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    def audit_student_id(self) -> int | None:
        return self.student_id


class ReminderTemplate(Audited, Base):
    """The school's own wording of one rule on one channel (without a row, the built-in wording is used)."""

    __tablename__ = "reminder_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(10))  # email | sms
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (UniqueConstraint("rule", "channel", name="uq_reminder_templates_rule_channel"),)


class OutboxStatus:
    QUEUED = "queued"
    # Taken by one workstation's send run: its claim time is `updated_at`; a claim older than the
    # reminders' CLAIM_EXPIRES counts as abandoned (that desk stopped mid-send) and may be taken again.
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    DROPPED = "dropped"


class OutboxMessage(Audited, Base):
    """One message the rules made. The dedupe key (`lesson:123:day-before:2031-03-05`) keeps a rule from
    queueing the same reminder twice; `ref_at` is the moment the rule was about (a lesson's start, a
    deadline, an expiry), so a moved lesson or renewed licence is dropped at send time, not sent."""

    __tablename__ = "reminder_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(120), unique=True)
    rule: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=OutboxStatus.QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    drop_note: Mapped[str | None] = mapped_column(String(300))
    student_id: Mapped[int | None] = mapped_column(Integer)
    ref_kind: Mapped[str] = mapped_column(String(20))
    ref_id: Mapped[int] = mapped_column(Integer)
    ref_at: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (Index("ix_reminder_outbox_status_due", "status", "due_at"),)

    def audit_student_id(self) -> int | None:
        return self.student_id
