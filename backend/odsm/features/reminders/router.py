from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import PathId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import (
    Channel,
    ConsentRead,
    ConsentSet,
    FillResult,
    MessageRead,
    OutboxPage,
    ReminderSettingsRead,
    ReminderSettingsUpdate,
    RetryRequest,
    Rule,
    SendRequest,
    SendResult,
    SmsExportRequest,
    SmsExportResult,
    Status,
    TemplatePreview,
    TemplateRead,
    TemplateSave,
)
from .service import RemindersService

channel = channels_for("reminders")
router = APIRouter(prefix="/reminders", tags=["reminders"])
system_router = APIRouter(prefix="/system/reminders", tags=["system"])
Svc = Annotated[RemindersService, Depends(service_from_app(RemindersService))]
Limit = Annotated[int, Query(ge=1, le=500)]


@router.get("/settings", response_model=ReminderSettingsRead, openapi_extra=channel("settings-get"))
def get_reminder_settings(svc: Svc) -> ReminderSettingsRead:
    return svc.settings()


@router.patch(
    "/settings",
    response_model=ReminderSettingsRead,
    responses=refusals(409, 422),
    openapi_extra=channel("settings-update"),
)
def update_reminder_settings(data: ReminderSettingsUpdate, svc: Svc) -> ReminderSettingsRead:
    return svc.update_settings(data)


@router.get(
    "/consents/{student_id}",
    response_model=ConsentRead,
    responses=refusals(404, 422),
    openapi_extra=channel("consent-get"),
)
def get_reminder_consent(student_id: PathId, svc: Svc) -> ConsentRead:
    return svc.consent(student_id)


@router.put(
    "/consents/{student_id}",
    response_model=ConsentRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("consent-set"),
)
def set_reminder_consent(student_id: PathId, data: ConsentSet, svc: Svc) -> ConsentRead:
    """Records whether the student agrees to reminders, with the moment they said so (audited)."""
    return svc.set_consent(student_id, data)


@router.get("/templates", response_model=list[TemplateRead], openapi_extra=channel("templates-list"))
def list_reminder_templates(svc: Svc) -> list[TemplateRead]:
    return svc.templates()


@router.put(
    "/templates/{rule}/{channel_name}",
    response_model=TemplateRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("template-save"),
)
def save_reminder_template(rule: Rule, channel_name: Channel, data: TemplateSave, svc: Svc) -> TemplateRead:
    return svc.save_template(rule, channel_name, data)


@router.post(
    "/templates/{rule}/{channel_name}/preview",
    response_model=TemplatePreview,
    responses=refusals(404, 422),
    openapi_extra=channel("template-preview", dry_run=True),
)
def preview_reminder_template(rule: Rule, channel_name: Channel, data: TemplateSave, svc: Svc) -> TemplatePreview:
    """Renders unsaved wording with made-up records in the same sandbox as the outbox (nothing saved)."""
    return svc.preview_template(rule, channel_name, data)


@router.get("/outbox", response_model=OutboxPage, responses=refusals(422), openapi_extra=channel("outbox-list"))
def list_outbox(svc: Svc, status: Status | None = None, limit: Limit = 100) -> OutboxPage:
    return OutboxPage(items=svc.outbox(status, limit))


@router.get(
    "/outbox/tomorrow", response_model=OutboxPage, responses=refusals(422), openapi_extra=channel("outbox-tomorrow")
)
def outbox_tomorrow(svc: Svc, limit: Limit = 100) -> OutboxPage:
    """A preview: the queued messages due by the end of tomorrow."""
    return OutboxPage(items=svc.tomorrow(limit))


@router.post(
    "/outbox/{message_id}/retry",
    response_model=MessageRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("retry"),
)
def retry_reminder(message_id: PathId, data: RetryRequest, svc: Svc) -> MessageRead:
    return svc.retry(message_id, data.version)


@router.post("/fill", response_model=FillResult, openapi_extra=channel("fill"))
def fill_outbox(svc: Svc) -> FillResult:
    """Applies the rules: queues what is due and not queued before (the dedupe key)."""
    return svc.fill()


# No IPC channel: main alone calls these, with the SMTP password it keeps in safeStorage, and with a path
# its save dialog gave.
@system_router.post("/send", response_model=SendResult, responses=refusals(422))
def send_reminders(body: SendRequest, svc: Svc) -> SendResult:
    password = body.smtp_password.get_secret_value() if body.smtp_password else None
    return svc.send(password)


@system_router.post("/sms-export", response_model=SmsExportResult, status_code=201, responses=refusals(422))
def export_sms(body: SmsExportRequest, svc: Svc) -> SmsExportResult:
    return svc.export_sms(body.file)
