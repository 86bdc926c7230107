"""Reminders: settings, consent, templates, and the outbox's fill, send and SMS export."""

from __future__ import annotations

import csv
import io
import logging
from datetime import datetime, timedelta
from email.message import EmailMessage
from functools import partial
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from odsm.core.durable_files import publish
from odsm.core.errors import ValidationFailed
from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.core.versioning import apply_changes, check_version, guard_stale
from odsm.features.school.clock import day_bounds, local_today, zone
from odsm.features.school.service import load_settings
from odsm.features.students.errors import StudentNotFound
from odsm.models import OutboxMessage, OutboxStatus, ReminderConsent, ReminderSettings, ReminderTemplate

from . import repository as repo
from . import rules
from .delivery import Mailer, SmtpConfig, build_email, describe, opt_out_line
from .errors import (
    ConsentVersionConflict,
    ExportNotWritable,
    GatewayPatternInvalid,
    LoginNeedsTls,
    MessageNotFound,
    MessageNotRetryable,
    MessageVersionConflict,
    SettingsVersionConflict,
    TemplateVersionConflict,
)
from .schemas import (
    ConsentRead,
    ConsentSet,
    FillResult,
    MessageRead,
    ReminderSettingsRead,
    ReminderSettingsUpdate,
    SendResult,
    SmsExportResult,
    TemplatePreview,
    TemplateRead,
    TemplateSave,
)
from .templates import DEFAULTS, FIELDS, RULES, channels_of, check, render, sample_context

log = logging.getLogger(__name__)

# A message failing this many times stops being retried on its own; "Retry" on the outbox screen restarts it.
MAX_ATTEMPTS = 8
# Every workstation's app runs the send timer. A run claims each message in a short write of its own before
# the email goes (status "sending", claim time in updated_at, version bumped), so only one desk sends it; a
# claim this old counts as abandoned (the desk closed or crashed mid-send) and another run may take it.
CLAIM_EXPIRES = timedelta(minutes=10)


def in_quiet_hours(settings: ReminderSettings, minute: int) -> bool:
    start, end = settings.quiet_start_minute, settings.quiet_end_minute
    if start == end:
        return False
    return start <= minute < end if start < end else (minute >= start or minute < end)


LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def _login_over_tls(row: ReminderSettings) -> None:
    """A login without TLS would send the SMTP password in clear over the network; a relay on this very
    computer (loopback) never puts it on the wire, and with no server named nothing is sent at all."""
    host = row.smtp_host.lower()
    if row.smtp_user and row.smtp_tls == "none" and host and host not in LOOPBACK_HOSTS:
        raise LoginNeedsTls(details={"field": "smtp_tls", "rule": "tls_required_for_login"})


def _gateway_ok(row: ReminderSettings) -> None:
    if row.sms_on and row.sms_mode == "gateway" and "{number}" not in row.sms_gateway_pattern:
        raise GatewayPatternInvalid(details={"field": "sms_gateway_pattern", "rule": "needs_number_placeholder"})


def _claimable(row: OutboxMessage, now: datetime) -> bool:
    """Waiting to go, or claimed by a send run so long ago that the run is taken to have died."""
    if row.status in (OutboxStatus.QUEUED, OutboxStatus.FAILED):
        return True
    return row.status == OutboxStatus.SENDING and row.updated_at < now - CLAIM_EXPIRES


class RemindersService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- settings ------------------------------------------------------------------------------

    def settings(self) -> ReminderSettingsRead:
        return self.db.write(lambda s: ReminderSettingsRead.model_validate(repo.settings(s)))

    def update_settings(self, data: ReminderSettingsUpdate) -> ReminderSettingsRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}
        for name, value in changes.items():
            if value is None:
                raise ValidationFailed.for_field(name, "required", f"{name} cannot be empty.")

        def fn(s: Session) -> ReminderSettingsRead:
            row = repo.settings(s)
            check_version(row.version, data.version, SettingsVersionConflict)
            apply_changes(row, changes)
            _gateway_ok(row)
            _login_over_tls(row)
            s.flush()
            return ReminderSettingsRead.model_validate(row)

        return guard_stale(lambda: self.db.write(fn), SettingsVersionConflict, your_version=data.version)

    # --- consent -------------------------------------------------------------------------------

    def consent(self, student_id: int) -> ConsentRead:
        def fn(s: Session) -> ConsentRead:
            if repo.student(s, student_id) is None:
                raise StudentNotFound(details={"id": student_id})
            row = repo.consent(s, student_id)
            if row is None:
                return ConsentRead(student_id=student_id, agreed=False, recorded_at=None, version=None)
            return ConsentRead(
                student_id=student_id, agreed=row.agreed, recorded_at=row.recorded_at, version=row.version
            )

        return self.db.read(fn)

    def set_consent(self, student_id: int, data: ConsentSet) -> ConsentRead:
        def fn(s: Session) -> ConsentRead:
            if repo.student(s, student_id) is None:
                raise StudentNotFound(details={"id": student_id})
            row = repo.consent(s, student_id)
            if row is None:
                if data.version is not None:
                    raise ConsentVersionConflict(details={"your_version": data.version, "current_version": None})
                row = ReminderConsent(student_id=student_id, agreed=data.agreed, recorded_at=utcnow())
                s.add(row)
            else:
                check_version(row.version, data.version or 0, ConsentVersionConflict)
                row.agreed = data.agreed
                row.recorded_at = utcnow()
            s.flush()
            return ConsentRead(
                student_id=student_id, agreed=row.agreed, recorded_at=row.recorded_at, version=row.version
            )

        return guard_stale(lambda: self.db.write(fn), ConsentVersionConflict, your_version=data.version)

    # --- templates -----------------------------------------------------------------------------

    def templates(self) -> list[TemplateRead]:
        def fn(s: Session) -> list[TemplateRead]:
            saved = {(t.rule, t.channel): t for t in repo.templates(s)}
            out = []
            for rule in RULES:
                fields = sorted(f"{record}.{f}" for record, names in FIELDS[rule].items() for f in names)
                for channel in channels_of(rule):
                    row = saved.get((rule, channel))
                    subject, body = (row.subject, row.body) if row else DEFAULTS[(rule, channel)]
                    out.append(
                        TemplateRead(
                            rule=rule,
                            channel=channel,
                            subject=subject,
                            body=body,
                            built_in=row is None,
                            fields=fields,
                            version=row.version if row else None,
                        )
                    )
            return out

        return self.db.read(fn)

    def save_template(self, rule: str, channel: str, data: TemplateSave) -> TemplateRead:
        if channel not in channels_of(rule):
            raise ValidationFailed.for_field(
                "channel", "no_such_channel", f"The {rule} reminder has no {channel} wording."
            )
        check(rule, channel, "subject", data.subject)
        check(rule, channel, "body", data.body)

        def fn(s: Session) -> TemplateRead:
            row = repo.template(s, rule, channel)
            if row is None:
                if data.version is not None:
                    raise TemplateVersionConflict(details={"your_version": data.version, "current_version": None})
                row = ReminderTemplate(rule=rule, channel=channel, subject=data.subject, body=data.body)
                s.add(row)
            else:
                check_version(row.version, data.version or 0, TemplateVersionConflict)
                row.subject, row.body = data.subject, data.body
            s.flush()
            fields = sorted(f"{record}.{f}" for record, names in FIELDS[rule].items() for f in names)
            return TemplateRead(
                rule=rule,
                channel=channel,
                subject=row.subject,
                body=row.body,
                built_in=False,
                fields=fields,
                version=row.version,
            )

        return guard_stale(lambda: self.db.write(fn), TemplateVersionConflict, your_version=data.version)

    def preview_template(self, rule: str, channel: str, data: TemplateSave) -> TemplatePreview:
        """The wording as a student would read it, with made-up records: checked and rendered by the same
        sandbox as the outbox, so a preview that renders is a template that sends."""
        if channel not in channels_of(rule):
            raise ValidationFailed.for_field(
                "channel", "no_such_channel", f"The {rule} reminder has no {channel} wording."
            )
        check(rule, channel, "subject", data.subject)
        check(rule, channel, "body", data.body)

        def fn(s: Session) -> TemplatePreview:
            reminders, school = repo.settings(s), load_settings(s).name or "Your driving school"
            context = sample_context(rule, school)
            body = render(data.body, context)
            if channel == "email":
                sender = reminders.smtp_from or "the school's email address"
                body += f"\n\n--\n{school}\n{opt_out_line(school, sender)}"
            return TemplatePreview(subject=render(data.subject, context), body=body)

        return self.db.write(fn)

    # --- outbox --------------------------------------------------------------------------------

    def outbox(self, status: str | None, limit: int) -> list[MessageRead]:
        return self.db.read(lambda s: [MessageRead.model_validate(m) for m in repo.messages(s, status, limit)])

    def tomorrow(self, limit: int) -> list[MessageRead]:
        """What goes out by the end of tomorrow: the queued messages due by then."""

        def fn(s: Session) -> list[MessageRead]:
            school = load_settings(s)
            _, end = day_bounds(school, local_today(school) + timedelta(days=1))
            return [MessageRead.model_validate(m) for m in repo.messages(s, OutboxStatus.QUEUED, limit, end)]

        return self.db.read(fn)

    def retry(self, message_id: int, version: int) -> MessageRead:
        def fn(s: Session) -> MessageRead:
            row = repo.message(s, message_id)
            if row is None:
                raise MessageNotFound(details={"id": message_id})
            check_version(row.version, version, MessageVersionConflict)
            if row.status not in (OutboxStatus.FAILED, OutboxStatus.QUEUED):
                raise MessageNotRetryable(details={"id": message_id, "status": row.status})
            row.status, row.attempts, row.last_error = OutboxStatus.QUEUED, 0, None
            s.flush()
            return MessageRead.model_validate(row)

        return guard_stale(lambda: self.db.write(fn), MessageVersionConflict, your_version=version)

    def fill(self) -> FillResult:
        try:
            return self.db.write(lambda s: self._fill(s, utcnow()))
        except IntegrityError:
            # Another workstation queued the same reminders at the same moment (the dedupe key is unique):
            # a second pass sees them queued and adds only what is still missing.
            return self.db.write(lambda s: self._fill(s, utcnow()))

    @staticmethod
    def _fill(s: Session, now: datetime) -> FillResult:
        school = load_settings(s)
        ctx = rules.FillContext(school, repo.settings(s), now, local_today(school), zone(school))
        candidates = [c for rule in rules.all_rules() for c in rule(s, ctx)]
        existing = repo.existing_keys(s, {c.dedupe_key for c in candidates})
        saved = {(t.rule, t.channel): (t.subject, t.body) for t in repo.templates(s)}
        queued = 0
        seen: set[str] = set()
        for c in candidates:
            if c.dedupe_key in existing or c.dedupe_key in seen:
                continue
            seen.add(c.dedupe_key)
            subject, body = saved.get((c.rule, c.channel)) or DEFAULTS[(c.rule, c.channel)]
            context = {**c.context, "school": {"name": school.name or "Your driving school"}}
            s.add(
                OutboxMessage(
                    dedupe_key=c.dedupe_key,
                    rule=c.rule,
                    channel=c.channel,
                    recipient=c.recipient,
                    subject=render(subject, context),
                    body=render(body, context),
                    status=OutboxStatus.QUEUED,
                    attempts=0,
                    due_at=c.due_at,
                    student_id=c.student_id,
                    ref_kind=c.ref_kind,
                    ref_id=c.ref_id,
                    ref_at=c.ref_at,
                )
            )
            queued += 1
        s.flush()
        return FillResult(queued=queued, already_queued=len(existing), skipped=ctx.skipped)

    # --- send ----------------------------------------------------------------------------------

    def send(self, password: str | None) -> SendResult:
        """Fills the outbox, then sends what is due: each message checked first (no longer relevant ->
        dropped with a note), held in quiet hours, SMS in CSV mode left for the export. A failure is
        recorded with its reason and retried on a later run; nothing leaves the outbox unsent."""
        filled = self.fill()
        now = utcnow()
        ids = self.db.read(lambda s: repo.due_messages(s, now, MAX_ATTEMPTS, now - CLAIM_EXPIRES))
        counts = {"sent": 0, "failed": 0, "dropped": 0, "held": 0, "waiting": 0}
        smtp, school_name = self.db.write(lambda s: (SmtpConfig.of(repo.settings(s)), load_settings(s).name))
        mailer = Mailer(smtp, password)
        try:
            for message_id in ids:
                try:
                    outcome, email = self.db.write(
                        partial(self._prepare, message_id=message_id, now=now, school=school_name)
                    )
                except StaleDataError:
                    # Another workstation's run claimed (or dropped) it between our read and our claim.
                    counts["waiting"] += 1
                    continue
                if email is None:
                    counts[outcome] += 1
                    continue
                try:
                    mailer.send(email)
                except Exception as exc:
                    reason = describe(exc)
                    self.db.write(partial(self._record, message_id=message_id, error=reason))
                    counts["failed"] += 1
                else:
                    self.db.write(partial(self._record, message_id=message_id, error=None))
                    counts["sent"] += 1
        finally:
            mailer.close()
        return SendResult(
            fill=filled,
            sent=counts["sent"],
            failed=counts["failed"],
            dropped=counts["dropped"],
            held_quiet_hours=counts["held"],
            waiting=counts["waiting"],
        )

    @staticmethod
    def _prepare(s: Session, *, message_id: int, now: datetime, school: str) -> tuple[str, EmailMessage | None]:
        row = repo.message(s, message_id)
        if row is None or not _claimable(row, now):
            return "waiting", None
        tz = zone(load_settings(s))
        note = rules.why_drop(s, row, now, tz)
        if note is not None:
            row.status, row.drop_note = OutboxStatus.DROPPED, note
            s.flush()
            return "dropped", None
        settings = repo.settings(s)
        local = now.astimezone(tz)
        if in_quiet_hours(settings, local.hour * 60 + local.minute):
            return "held", None
        if not (settings.smtp_host and settings.smtp_from):
            return "waiting", None
        name = school or "Your driving school"
        if row.channel == "sms":
            if settings.sms_mode != "gateway":
                return "waiting", None
            to = settings.sms_gateway_pattern.replace("{number}", row.recipient)
            email = build_email(settings.smtp_from, name, to, "", row.body, opt_out=False)
        else:
            email = build_email(settings.smtp_from, name, row.recipient, row.subject, row.body)
        # The claim: an UPDATE ... WHERE version = <read>, committed before the email goes. A desk that
        # read the same version finds it gone (StaleDataError) or, reading later, finds it "sending".
        row.status, row.updated_at = OutboxStatus.SENDING, utcnow()
        s.flush()
        return "send", email

    @staticmethod
    def _record(s: Session, *, message_id: int, error: str | None) -> None:
        """The outcome of a claimed message's send."""
        row = repo.message(s, message_id)
        if row is None:
            return
        row.attempts += 1
        if error is None:
            row.status, row.sent_at, row.last_error = OutboxStatus.SENT, utcnow(), None
        else:
            row.status, row.last_error = OutboxStatus.FAILED, error
        s.flush()

    # --- SMS export ----------------------------------------------------------------------------

    def export_sms(self, file: str) -> SmsExportResult:
        """Writes the due SMS messages as a CSV for the school's SMS gateway (phone, message) and marks them
        sent. The CSV is written and flushed under a temporary name inside the unit of work, and renamed to
        the chosen name only once the messages are committed as sent: a failed commit leaves no file
        behind that would send them twice, and a file that can't be written marks nothing."""
        target = Path(file)
        temp = target.with_name(f".{target.name}.partial")

        def fn(s: Session) -> SmsExportResult:
            now = utcnow()
            tz = zone(load_settings(s))
            rows: list[OutboxMessage] = []
            dropped = 0
            for message_id in repo.due_messages(s, now, MAX_ATTEMPTS):
                row = repo.message(s, message_id)
                if row is None or row.channel != "sms":
                    continue
                note = rules.why_drop(s, row, now, tz)
                if note is not None:
                    row.status, row.drop_note = OutboxStatus.DROPPED, note
                    dropped += 1
                    continue
                rows.append(row)
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(["phone", "message"])
            for row in rows:
                writer.writerow([row.recipient, row.body])
            temp.write_text(out.getvalue(), encoding="utf-8")
            for row in rows:
                row.status, row.sent_at, row.attempts, row.last_error = OutboxStatus.SENT, now, row.attempts + 1, None
            s.flush()
            return SmsExportResult(file=str(target), messages=len(rows), dropped=dropped)

        try:
            result = self.db.write(fn)
            publish(temp, target)
        except OSError as exc:
            raise ExportNotWritable(
                details={"field": "file", "rule": "writable", "file": file, "cause": exc.strerror or str(exc)}
            ) from exc
        finally:
            temp.unlink(missing_ok=True)  # whatever went wrong, no half-written file stays in the user's folder
        return result
