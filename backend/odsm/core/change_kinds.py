"""The kinds of record a change stream names: one per screen-visible aggregate, taken from the tables written.

The renderer refreshes by kind (its query keys start with one), so a table maps to the kind of the
record it belongs to: an instructor's weekly hours are an `instructors` change. A table not named here
is reported by its own name, which the renderer treats as "everything": a new table never goes unseen.
"""

from __future__ import annotations

# Sent when what changed is not known (a stream that reconnected may have missed changes).
EVERYTHING = "everything"

_KIND_OF_TABLE = {
    "students": "students",
    "instructors": "instructors",
    "instructor_availability": "instructors",
    "instructor_time_off": "instructors",
    "vehicles": "vehicles",
    "odometer_readings": "vehicles",
    "courses": "courses",
    "enrollments": "enrollments",
    "enrollment_hours": "enrollments",
    "lessons": "lessons",
    "licence_steps": "students",
    # The calendar reads road tests with the lessons (they hold the car and the instructor too).
    "road_tests": "lessons",
    "road_test_charges": "lessons",
    "drivetest_centres": "settings",
    "road_test_settings": "settings",
    "classroom_sessions": "classroom",
    "classroom_attendance": "classroom",
    "classroom_roster": "classroom",
    "school_settings": "settings",
    "audit_log": "audit",
    "billing_products": "billing",
    "billing_settings": "billing",
    "billing_counters": "billing",
    "invoices": "billing",
    "invoice_lines": "billing",
    "invoice_owing": "billing",
    "invoice_tax_rates": "billing",
    "payments": "billing",
    "payment_allocations": "billing",
    "prepaid_minutes": "billing",
    # Reminders: what the outbox and the settings screens show; consent is part of the student's record.
    "reminder_settings": "settings",
    "reminder_templates": "settings",
    "reminder_outbox": "settings",
    "reminder_consents": "students",
    # Staff accounts and the sign-in switch are shown in Settings.
    "staff_accounts": "settings",
    "sign_in_settings": "settings",
}
# Bookkeeping no screen shows: a stored Idempotency-Key answer changes nothing anyone sees.
# Bookkeeping no screen shows: a desk signing in (a session row) changes nothing another desk displays.
SILENT_TABLES = frozenset({"idempotency_keys", "alembic_version", "staff_sessions"})


def kind_of_table(table: str) -> str | None:
    if table in SILENT_TABLES:
        return None
    return _KIND_OF_TABLE.get(table, table)


def encode_kinds(kinds: set[str] | frozenset[str]) -> str:
    return ",".join(sorted(kinds))


def decode_kinds(payload: str) -> frozenset[str]:
    return frozenset(kind for kind in payload.split(",") if kind)
