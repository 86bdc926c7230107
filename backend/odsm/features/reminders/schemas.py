from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, Strict, StringConstraints

from odsm.core.bounded import Flag, LocalPath, NulFree, Version, VersionedChange, omitted

MinuteOfDay = Annotated[int, Strict(), Field(ge=0, lt=24 * 60, description="minutes after local midnight")]
Days = Annotated[int, Strict(), Field(ge=0, le=365)]
RepeatDays = Annotated[int, Strict(), Field(ge=1, le=365, description="at most one reminder per this many days")]
Port = Annotated[int, Strict(), Field(ge=1, le=65535)]
Host = Annotated[str, StringConstraints(max_length=255), NulFree]
Address = Annotated[str, StringConstraints(max_length=254), NulFree]
TlsMode = Literal["starttls", "ssl", "none"]
SmsMode = Literal["csv", "gateway"]
Rule = Literal["lesson_tomorrow", "bde_deadline", "road_test", "overdue_balance", "owner_di_licence", "owner_vehicle"]
Channel = Literal["email", "sms"]
Status = Literal["queued", "sent", "failed", "dropped"]


class ReminderSettingsFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    lesson_tomorrow_on: Flag
    lesson_tomorrow_send_minute: MinuteOfDay
    bde_deadline_on: Flag
    bde_deadline_days: Days
    road_test_on: Flag
    road_test_days: Days
    overdue_balance_on: Flag
    overdue_balance_days: Days
    overdue_balance_repeat_days: RepeatDays
    owner_di_licence_on: Flag
    owner_di_licence_days: Days
    owner_vehicle_on: Flag
    owner_vehicle_days: Days
    owner_email: Address
    quiet_start_minute: MinuteOfDay
    quiet_end_minute: MinuteOfDay
    smtp_host: Host
    smtp_port: Port
    smtp_user: Address
    smtp_from: Address
    smtp_tls: TlsMode
    sms_on: Flag
    sms_mode: SmsMode
    sms_gateway_pattern: Address


class ReminderSettingsRead(ReminderSettingsFields):
    model_config = ConfigDict(from_attributes=True)

    version: int


class ReminderSettingsUpdate(VersionedChange):
    lesson_tomorrow_on: Flag = omitted()
    lesson_tomorrow_send_minute: MinuteOfDay = omitted()
    bde_deadline_on: Flag = omitted()
    bde_deadline_days: Days = omitted()
    road_test_on: Flag = omitted()
    road_test_days: Days = omitted()
    overdue_balance_on: Flag = omitted()
    overdue_balance_days: Days = omitted()
    overdue_balance_repeat_days: RepeatDays = omitted()
    owner_di_licence_on: Flag = omitted()
    owner_di_licence_days: Days = omitted()
    owner_vehicle_on: Flag = omitted()
    owner_vehicle_days: Days = omitted()
    owner_email: Address = omitted()
    quiet_start_minute: MinuteOfDay = omitted()
    quiet_end_minute: MinuteOfDay = omitted()
    smtp_host: Host = omitted()
    smtp_port: Port = omitted()
    smtp_user: Address = omitted()
    smtp_from: Address = omitted()
    smtp_tls: TlsMode = omitted()
    sms_on: Flag = omitted()
    sms_mode: SmsMode = omitted()
    sms_gateway_pattern: Address = omitted()


class ConsentRead(BaseModel):
    student_id: int
    agreed: bool
    recorded_at: datetime | None = Field(description="when the student said so; null: never asked")
    version: int | None


class ConsentSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    agreed: Flag
    version: Version | None = Field(default=None, description="the version read; null when none was recorded")


class TemplateRead(BaseModel):
    rule: str
    channel: str
    subject: str
    body: str
    built_in: bool = Field(description="true: the app's own wording, no school template saved")
    fields: list[str]
    version: int | None


class TemplateSave(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: Annotated[str, StringConstraints(max_length=300), NulFree] = ""
    body: Annotated[str, StringConstraints(min_length=1, max_length=5000), NulFree]
    version: Version | None = None


class TemplatePreview(BaseModel):
    subject: str
    body: str = Field(description="the wording rendered with made-up records, and the footer every email carries")


class MessageRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    dedupe_key: str
    rule: str
    channel: str
    recipient: str
    subject: str
    body: str
    status: str
    attempts: int
    last_error: str | None
    due_at: datetime
    sent_at: datetime | None
    drop_note: str | None
    student_id: int | None
    version: int


class OutboxPage(BaseModel):
    items: list[MessageRead]


class RetryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Version


class FillResult(BaseModel):
    queued: int
    already_queued: int
    skipped: dict[str, int] = Field(description="why some reminders were not queued: no_consent, no_email_address…")


class SendRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    smtp_password: SecretStr | None = Field(
        default=None, max_length=1024, description="main's kept SMTP password; used to log in, never stored"
    )


class SendResult(BaseModel):
    fill: FillResult
    sent: int
    failed: int
    dropped: int
    held_quiet_hours: int
    waiting: int = Field(description="SMS waiting for a CSV export, or email waiting for an SMTP server")


class SmsExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: LocalPath = Field(description="Where the CSV goes: a path main's save dialog returned.")


class SmsExportResult(BaseModel):
    file: str
    messages: int
    dropped: int
