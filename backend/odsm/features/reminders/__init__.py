"""Reminders: rules fill an outbox, and main's timer sends it (email by SMTP, SMS by CSV or a gateway)."""
