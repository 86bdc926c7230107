"""Email out through the school's SMTP server with smtplib: STARTTLS, SSL or none, as the settings say.

The password comes with each send call from main (which keeps it with Electron's safeStorage); it is
used for the login and never written anywhere."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from odsm.models import ReminderSettings

TIMEOUT_SECONDS = 15


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    user: str
    from_address: str
    tls: str

    @classmethod
    def of(cls, row: ReminderSettings) -> SmtpConfig:
        return cls(row.smtp_host, row.smtp_port, row.smtp_user, row.smtp_from, row.smtp_tls)


class SmtpUnavailable(Exception):
    """An earlier email of this run could not reach the server: the rest wait for the next run."""


class Mailer:
    """One SMTP session for a send run, opened on the first email and closed at the end."""

    def __init__(self, settings: SmtpConfig, password: str | None) -> None:
        self.settings = settings
        self._password = password
        self._smtp: smtplib.SMTP | None = None
        self._broken: str | None = None

    def _open(self) -> smtplib.SMTP:
        st = self.settings
        if st.tls == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                st.host, st.port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(st.host, st.port, timeout=TIMEOUT_SECONDS)
            if st.tls == "starttls":
                smtp.starttls(context=ssl.create_default_context())
        if st.user:
            smtp.login(st.user, self._password or "")
        return smtp

    def send(self, message: EmailMessage) -> None:
        """Sends one email, or raises with why (the run's later emails fail with the same reason)."""
        if self._broken is not None:
            raise SmtpUnavailable(self._broken)
        try:
            if self._smtp is None:
                self._smtp = self._open()
            self._smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            if self._smtp is None or isinstance(exc, OSError | smtplib.SMTPServerDisconnected):
                self._broken = describe(exc)
                self.close()
            raise

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None


def describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "The SMTP server refused the user name or password."
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"The SMTP server answered {exc.smtp_code}: {text}"[:500]
    if isinstance(exc, SmtpUnavailable):
        return str(exc)
    if isinstance(exc, OSError):
        return f"Could not reach the SMTP server: {exc.strerror or exc}"[:500]
    return f"{type(exc).__name__}: {exc}"[:500]


def opt_out_line(school: str, from_address: str) -> str:
    return (
        f"You receive this because you agreed to reminders from {school}. "
        f'To stop them, reply with "unsubscribe" or write to {from_address}.'
    )


def build_email(
    from_address: str, school: str, to: str, subject: str, body: str, *, opt_out: bool = True
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((school, from_address))
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=from_address.rpartition("@")[2] or None)
    message["List-Unsubscribe"] = f"<mailto:{from_address}?subject=unsubscribe>"
    footer = f"\n\n--\n{school}\n{opt_out_line(school, from_address)}" if opt_out else f"\n\n--\n{school}"
    message.set_content(body + footer)
    return message
