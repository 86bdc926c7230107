from odsm.core.errors import AppError
from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class TemplateUnknownField(AppError):
    status_code = 422
    code = "reminders.template_unknown_field"
    default_message = "The template uses a field reminders don't have. Use one of the fields listed."


class TemplateSyntax(AppError):
    status_code = 422
    code = "reminders.template_syntax"
    default_message = "The template can't be read: a {{ or {% is not closed. Check the line named."


class GatewayPatternInvalid(AppError):
    status_code = 422
    code = "reminders.gateway_pattern_invalid"
    default_message = (
        "The SMS gateway address needs {number} where the phone number goes, such as {number}@sms.example.ca."
    )


class LoginNeedsTls(AppError):
    status_code = 422
    code = "reminders.tls_required_for_login"
    default_message = (
        "The email server asks for a login, so the connection needs STARTTLS or SSL: without it the password "
        "would travel unprotected. Choose STARTTLS or SSL."
    )


class SettingsVersionConflict(Conflict):
    code = "reminders.settings_version_conflict"
    default_message = "Someone else changed the reminder settings since you opened them. Reload to see their changes."


class ConsentVersionConflict(RecordVersionConflict, record="reminder_consent"):
    pass


class TemplateVersionConflict(RecordVersionConflict, record="reminder_template"):
    pass


class MessageNotFound(RecordNotFound, record="reminder_message"):
    pass


class MessageNotRetryable(Conflict):
    code = "reminders.not_retryable"
    default_message = "Only a failed or waiting message can be sent again; this one was sent or dropped."


class MessageVersionConflict(RecordVersionConflict, record="reminder_message"):
    pass


class ExportNotWritable(AppError):
    status_code = 422
    code = "reminders.export_not_writable"
    default_message = "The SMS file could not be written there. Choose another folder or drive."
