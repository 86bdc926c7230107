"""The road-test and overdue-balance reminders over real HTTP, sent to a real SMTP server on loopback: each
queues what it should only for students who agreed, not before it is due, and a message no longer relevant
(the test cancelled or moved, the invoice paid or credited) is dropped with a note instead of going out."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from odsm.models import OutboxMessage, RoadTest

from ..billing.helpers import Till, days_back
from ..conftest import LiveServer
from ..enrollments.builders import PAPER, at, ok, refused, today
from ..road_tests.roadtest_builders import RoadTests
from .smtp_server import USER, Inbox
from .test_reminders import Reminders, new_student

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
ADULT = "1990-05-01"


@pytest.fixture
def till(live: LiveServer) -> Till:
    till = Till(live)
    till.settings(name="Maple Driving School")
    return till


@pytest.fixture
def rem(till: Till, inbox: Inbox) -> Reminders:
    """Reminders set up to send now to the loopback server, with only the two rules here switched on."""
    r = Reminders(till)
    r.settings(
        quiet_start_minute=0,
        quiet_end_minute=0,
        smtp_host="127.0.0.1",
        smtp_port=inbox.port,
        smtp_user=USER,
        smtp_from="desk@maple.example",
        smtp_tls="none",
        lesson_tomorrow_on=False,
        bde_deadline_on=False,
        owner_di_licence_on=False,
        owner_vehicle_on=False,
    )
    return r


def g1_driver(till: Till, first: str, email: str) -> dict[str, Any]:
    g1 = date(today().year - 2, 1, 15).isoformat()
    return new_student(till, licence_class="G1", g1_issue_date=g1, first_name=first, email=email, date_of_birth=ADULT)


def road_test_in(till: Till, student: dict[str, Any], days: int, hour: int = 10) -> dict[str, Any]:
    return RoadTests(till).booked(student, at(today() + timedelta(days=days), hour))


# --- settings ------------------------------------------------------------------------------------


def test_the_two_rules_start_on_with_their_timings_and_refuse_a_repeat_of_zero(till: Till) -> None:
    r = Reminders(till)
    first = ok(till.c.get("/api/v1/reminders/settings"))
    assert (first["road_test_on"], first["road_test_days"]) == (True, 3)
    assert (first["overdue_balance_on"], first["overdue_balance_days"], first["overdue_balance_repeat_days"]) == (
        True,
        14,
        14,
    )
    changed = r.settings(road_test_days=5, overdue_balance_on=False, overdue_balance_repeat_days=7)
    assert (changed["road_test_days"], changed["overdue_balance_on"], changed["overdue_balance_repeat_days"]) == (
        5,
        False,
        7,
    )
    details = refused(
        till.c.patch(
            "/api/v1/reminders/settings", json={"version": changed["version"], "overdue_balance_repeat_days": 0}
        ),
        422,
        "validation_failed",
    )
    assert details["fields"][0]["field"] == "overdue_balance_repeat_days"
    rules = {t["rule"]: t for t in ok(till.c.get("/api/v1/reminders/templates"))}
    assert "road_test.centre" in rules["road_test"]["fields"]
    assert "invoice.amount_left" in rules["overdue_balance"]["fields"]


# --- a road test in N days -----------------------------------------------------------------------


def test_a_road_test_in_three_days_reaches_the_student_through_smtp(till: Till, rem: Reminders, inbox: Inbox) -> None:
    student = g1_driver(till, "Maya", "maya@example.com")
    rem.consent(student["id"])
    test = road_test_in(till, student, 3, 10)
    out = rem.send()
    assert (out["fill"]["queued"], out["sent"], out["failed"]) == (1, 1, 0)
    [got] = inbox.received
    assert got.envelope_to == ["maya@example.com"]
    day = today() + timedelta(days=3)
    when = f"{day:%A}, {day:%B} {day.day}"
    assert got.message["Subject"] == f"Your G2 road test on {when}"
    text = got.message.get_content()
    assert "Hello Maya," in text and f"G2 road test on {when} at 10:00 a.m. at the " in text
    assert 'To stop them, reply with "unsubscribe"' in text
    [message] = rem.outbox()
    assert message["status"] == "sent" and message["dedupe_key"].startswith(f"road-test:{test['id']}:days-before:")
    again = rem.send()
    assert (again["fill"]["queued"], again["fill"]["already_queued"], again["sent"]) == (0, 1, 0)


def test_a_road_test_further_ahead_is_not_yet_reminded_of(till: Till, rem: Reminders, inbox: Inbox) -> None:
    student = g1_driver(till, "Noor", "noor@example.com")
    rem.consent(student["id"])
    road_test_in(till, student, 4)
    out = rem.send()
    assert out["fill"]["queued"] == 0 and rem.outbox() == [] and inbox.received == []
    # With the timing set to four days, it is due.
    rem.settings(road_test_days=4)
    assert rem.send()["sent"] == 1


def test_a_road_test_reminder_needs_consent_and_the_rule_on(till: Till, rem: Reminders, inbox: Inbox) -> None:
    quiet = g1_driver(till, "Ravi", "ravi@example.com")
    road_test_in(till, quiet, 2)
    out = rem.send()
    assert out["fill"]["queued"] == 0 and out["fill"]["skipped"] == {"no_consent": 1}
    rem.consent(quiet["id"])
    rem.settings(road_test_on=False)
    assert rem.send()["fill"]["queued"] == 0
    assert rem.outbox() == [] and inbox.received == []


def test_a_cancelled_road_test_drops_its_reminder_with_a_note(till: Till, rem: Reminders, inbox: Inbox) -> None:
    student = g1_driver(till, "Lina", "lina@example.com")
    rem.consent(student["id"])
    test = road_test_in(till, student, 3)
    assert rem.fill()["queued"] == 1
    ok(RoadTests(till).cancel(test))
    out = rem.send()
    assert (out["dropped"], out["sent"]) == (1, 0)
    [message] = rem.outbox("dropped")
    assert message["drop_note"] == "The road test was cancelled."
    assert inbox.received == []


def test_a_moved_road_test_drops_the_old_reminder_and_reminds_of_the_new_time(
    till: Till, rem: Reminders, inbox: Inbox
) -> None:
    student = g1_driver(till, "Omar", "omar@example.com")
    rem.consent(student["id"])
    test = road_test_in(till, student, 3, 10)
    assert rem.fill()["queued"] == 1

    def move(s: Session) -> None:
        row = s.get(RoadTest, test["id"])
        assert row is not None
        for name in ("starts_at", "ends_at", "blocked_from", "blocked_until"):
            setattr(row, name, getattr(row, name) + timedelta(hours=4))

    till.live.db.write(move)
    # The same run queues a reminder of the new time and drops the old one before it goes.
    out = rem.send()
    assert (out["fill"]["queued"], out["dropped"], out["sent"]) == (1, 1, 1)
    [dropped] = rem.outbox("dropped")
    assert dropped["drop_note"].startswith("The road test moved to ") and dropped["drop_note"].endswith("2:00 p.m.")
    [got] = inbox.received
    assert " at 2:00 p.m. at the " in got.message.get_content()


def test_a_withdrawn_consent_drops_a_queued_road_test_reminder(till: Till, rem: Reminders, inbox: Inbox) -> None:
    student = g1_driver(till, "Ada", "ada@example.com")
    rem.consent(student["id"])
    road_test_in(till, student, 1)
    assert rem.fill()["queued"] == 1
    rem.consent(student["id"], False)
    assert rem.send()["dropped"] == 1
    [message] = rem.outbox()
    assert message["drop_note"] == "The student withdrew their consent to reminders."
    assert inbox.received == []


# --- an overdue balance --------------------------------------------------------------------------


def debtor(till: Till, first: str, email: str) -> dict[str, Any]:
    return new_student(till, first_name=first, email=email, date_of_birth=ADULT)


def late_invoice(till: Till, student: dict[str, Any], invoiced_days_ago: int = 45) -> dict[str, Any]:
    """An issued invoice dated that many days back: due 30 days after its date (the school's terms)."""
    return till.invoice(student["id"], invoice_date=days_back(invoiced_days_ago), reason=PAPER)


def test_an_overdue_balance_reaches_the_student_with_the_amount_left(till: Till, rem: Reminders, inbox: Inbox) -> None:
    student = debtor(till, "Jun", "jun@example.com")
    rem.consent(student["id"])
    invoice = late_invoice(till, student, 45)  # due 15 days ago
    ok(till.pay(student["id"], 1000), 201)
    left = invoice["total_cents"] - 1000
    out = rem.send()
    assert (out["fill"]["queued"], out["sent"], out["failed"]) == (1, 1, 0)
    [got] = inbox.received
    assert got.envelope_to == ["jun@example.com"]
    number = f"INV-{invoice['number']:06d}"
    amount = f"${left // 100:,}.{left % 100:02d}"
    assert got.message["Subject"] == f"Invoice {number}: {amount} is past due"
    due = date.fromisoformat(invoice["due_on"])
    assert invoice["due_on"] == days_back(15)
    text = got.message.get_content()
    assert f"was due on {due:%A}, {due:%B} {due.day} and {amount} of it is still unpaid" in text
    # At most one reminder per invoice every 14 days: the next runs queue nothing more.
    again = rem.send()
    assert (again["fill"]["queued"], again["sent"], again["fill"]["skipped"]) == (0, 0, {"reminded_recently": 1})


def test_an_invoice_not_yet_overdue_long_enough_is_not_reminded_of(till: Till, rem: Reminders, inbox: Inbox) -> None:
    student = debtor(till, "Eva", "eva@example.com")
    rem.consent(student["id"])
    late_invoice(till, student, 40)  # due 10 days ago: under the 14 days
    till.invoice(student["id"])  # today's: not due for 30 days
    out = rem.send()
    assert out["fill"]["queued"] == 0 and rem.outbox() == [] and inbox.received == []
    rem.settings(overdue_balance_days=10)
    assert rem.send()["sent"] == 1


def test_an_overdue_balance_needs_consent(till: Till, rem: Reminders, inbox: Inbox) -> None:
    student = debtor(till, "Kai", "kai@example.com")
    late_invoice(till, student)
    out = rem.send()
    assert out["fill"]["queued"] == 0 and out["fill"]["skipped"] == {"no_consent": 1}
    assert inbox.received == []


def test_an_invoice_paid_before_sending_drops_its_reminder_with_a_note(
    till: Till, rem: Reminders, inbox: Inbox
) -> None:
    student = debtor(till, "Zoe", "zoe@example.com")
    rem.consent(student["id"])
    invoice = late_invoice(till, student)
    assert rem.fill()["queued"] == 1
    ok(till.pay(student["id"], invoice["total_cents"]), 201)
    out = rem.send()
    assert (out["fill"]["queued"], out["dropped"], out["sent"]) == (0, 1, 0)
    [message] = rem.outbox("dropped")
    assert message["drop_note"] == "The invoice was paid."
    assert inbox.received == []


def test_an_invoice_credited_before_sending_drops_its_reminder_with_a_note(
    till: Till, rem: Reminders, inbox: Inbox
) -> None:
    student = debtor(till, "Ian", "ian@example.com")
    rem.consent(student["id"])
    invoice = late_invoice(till, student)
    assert rem.fill()["queued"] == 1
    ok(till.c.post(f"/api/v1/invoices/{invoice['id']}/credit-notes", json={"reason": "Charged in error"}), 201)
    out = rem.send()
    assert (out["dropped"], out["sent"]) == (1, 0)
    [message] = rem.outbox("dropped")
    assert message["drop_note"] == "The invoice was credited."
    assert inbox.received == []


def test_a_part_payment_before_sending_drops_the_old_amount_and_reminds_of_the_new_one(
    till: Till, rem: Reminders, inbox: Inbox
) -> None:
    student = debtor(till, "Lea", "lea@example.com")
    rem.consent(student["id"])
    invoice = late_invoice(till, student)
    assert rem.fill()["queued"] == 1
    ok(till.pay(student["id"], 500), 201)
    left = invoice["total_cents"] - 500
    amount = f"${left // 100:,}.{left % 100:02d}"
    out = rem.send()
    assert (out["fill"]["queued"], out["dropped"], out["sent"]) == (0, 1, 0)
    [message] = rem.outbox("dropped")
    assert message["drop_note"] == f"The amount left changed to {amount}: a new reminder says so."
    assert inbox.received == []
    # The dropped one reached no one: the next run reminds of the new amount.
    out = rem.send()
    assert (out["fill"]["queued"], out["sent"]) == (1, 1)
    [got] = inbox.received
    assert got.message["Subject"].endswith(f"{amount} is past due")


def test_the_reminder_repeats_once_its_quiet_days_have_passed(till: Till, rem: Reminders, inbox: Inbox) -> None:
    student = debtor(till, "Mo", "mo@example.com")
    rem.consent(student["id"])
    late_invoice(till, student)
    assert rem.send()["sent"] == 1

    def age(s: Session) -> None:
        """As if that reminder had been queued and sent 15 days ago."""
        for row in s.query(OutboxMessage).all():
            row.due_at = row.due_at - timedelta(days=15)
            row.dedupe_key = row.dedupe_key.replace(today().isoformat(), days_back(15))

    till.live.db.write(age)
    out = rem.send()
    assert (out["fill"]["queued"], out["sent"]) == (1, 1)
    assert len(inbox.received) == 2


def test_the_templates_of_the_two_rules_preview_in_the_sandbox(till: Till) -> None:
    for rule, channel in (("road_test", "email"), ("overdue_balance", "sms")):
        [template] = [
            t for t in ok(till.c.get("/api/v1/reminders/templates")) if (t["rule"], t["channel"]) == (rule, channel)
        ]
        body = {"subject": template["subject"], "body": template["body"]}
        preview = ok(till.c.post(f"/api/v1/reminders/templates/{rule}/{channel}/preview", json=body))
        assert "{{" not in preview["body"] and "Alex" in preview["body"]
    bad = {"subject": "", "body": "{{ invoice.owner_password }}"}
    details = refused(
        till.c.post("/api/v1/reminders/templates/overdue_balance/email/preview", json=bad),
        422,
        "reminders.template_unknown_field",
    )
    assert details["name"] == "invoice.owner_password"
