"""Reminders over real HTTP, sent to a real SMTP server on loopback and read back: each rule queues what it
should and nothing twice, only for students who agreed, and a message no longer relevant is dropped with a
note instead of going out late."""

from __future__ import annotations

import csv
import itertools
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from odsm.models import OutboxMessage

from ..conftest import LiveServer, student_payload
from ..enrollments.builders import TZ, School, at, ok, refused, today
from .smtp_server import PASSWORD, USER, Inbox, free_port, start

OWNER = "owner@maple.example"
# The loopback server asks for a login without TLS (no certificate in a test); aiosmtpd warns of that.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


class Reminders:
    def __init__(self, school: School) -> None:
        self.school = school
        self.c = school.c

    def settings(self, **changes: Any) -> dict[str, Any]:
        current = ok(self.c.get("/api/v1/reminders/settings"))
        return ok(self.c.patch("/api/v1/reminders/settings", json={"version": current["version"], **changes}))

    def consent(self, student_id: int, agreed: bool = True) -> dict[str, Any]:
        current = ok(self.c.get(f"/api/v1/reminders/consents/{student_id}"))
        body = {"agreed": agreed, "version": current["version"]}
        return ok(self.c.put(f"/api/v1/reminders/consents/{student_id}", json=body))

    def fill(self) -> dict[str, Any]:
        return ok(self.c.post("/api/v1/reminders/fill"))

    def send(self, password: str | None = PASSWORD) -> dict[str, Any]:
        return ok(self.c.post("/api/v1/system/reminders/send", json={"smtp_password": password}))

    def outbox(self, status: str | None = None) -> list[dict[str, Any]]:
        params = {"status": status} if status else {}
        items: list[dict[str, Any]] = ok(self.c.get("/api/v1/reminders/outbox", params=params))["items"]
        return items


@pytest.fixture
def school(live: LiveServer) -> School:
    school = School(live)
    school.settings(name="Maple Driving School")
    return school


@pytest.fixture
def rem(school: School, inbox: Inbox) -> Reminders:
    """Reminders set up to send now: the day-before reminder due from midnight, no quiet hours, the loopback
    SMTP server with a login, and the owner rules off unless a test turns them on."""
    r = Reminders(school)
    r.settings(
        lesson_tomorrow_send_minute=0,
        quiet_start_minute=0,
        quiet_end_minute=0,
        smtp_host="127.0.0.1",
        smtp_port=inbox.port,
        smtp_user=USER,
        smtp_from="desk@maple.example",
        smtp_tls="none",
        owner_di_licence_on=False,
        owner_vehicle_on=False,
        bde_deadline_on=False,
    )
    return r


_seq = itertools.count(1)


def new_student(school: School, **kw: Any) -> dict[str, Any]:
    n = next(_seq)
    body = student_payload(
        **{
            "last_name": f"Reyes{n}",
            "licence_number": f"R{n:014d}",
            "licence_class": "G2",
            "consent_to_share": True,
            **kw,
        }
    )
    return ok(school.c.post("/api/v1/students", json=body), 201)


def tomorrow_lesson(school: School, student: dict[str, Any], hour: int = 10) -> dict[str, Any]:
    day = today() + timedelta(days=1)
    return ok(
        school.book(student, school.instructor(first_name="Ines"), school.vehicle(), at(day, hour), at(day, hour + 1)),
        201,
    )


# --- settings ------------------------------------------------------------------------------------


def test_settings_keep_each_rule_and_the_smtp_server_but_never_a_password(school: School) -> None:
    r = Reminders(school)
    first = ok(school.c.get("/api/v1/reminders/settings"))
    assert (first["lesson_tomorrow_on"], first["lesson_tomorrow_send_minute"], first["smtp_tls"]) == (
        True,
        1020,
        "starttls",
    )
    assert "smtp_password" not in first
    changed = r.settings(smtp_host="smtp.maple.example", smtp_port=465, smtp_tls="ssl", owner_vehicle_days=14)
    assert (changed["smtp_host"], changed["smtp_port"], changed["smtp_tls"], changed["owner_vehicle_days"]) == (
        "smtp.maple.example",
        465,
        "ssl",
        14,
    )
    # The password is not a setting: refused by name, nothing stored.
    details = refused(
        school.c.patch("/api/v1/reminders/settings", json={"version": changed["version"], "smtp_password": "x"}),
        422,
        "validation_failed",
    )
    assert details["fields"][0]["field"] == "smtp_password"
    stale = refused(
        school.c.patch("/api/v1/reminders/settings", json={"version": first["version"], "owner_vehicle_days": 3}),
        409,
        "reminders.settings_version_conflict",
    )
    assert stale is not None
    refused(
        school.c.patch("/api/v1/reminders/settings", json={"version": changed["version"], "smtp_tls": "maybe"}),
        422,
        "validation_failed",
    )


def test_a_gateway_address_needs_the_number_placeholder(school: School) -> None:
    r = Reminders(school)
    current = ok(school.c.get("/api/v1/reminders/settings"))
    body = {
        "version": current["version"],
        "sms_on": True,
        "sms_mode": "gateway",
        "sms_gateway_pattern": "sms.example.ca",
    }
    details = refused(school.c.patch("/api/v1/reminders/settings", json=body), 422, "reminders.gateway_pattern_invalid")
    assert details["field"] == "sms_gateway_pattern"
    saved = r.settings(sms_on=True, sms_mode="gateway", sms_gateway_pattern="{number}@sms.example.ca")
    assert saved["sms_gateway_pattern"] == "{number}@sms.example.ca"


def test_a_login_needs_starttls_or_ssl_unless_the_server_is_on_this_computer(school: School) -> None:
    r = Reminders(school)
    current = ok(school.c.get("/api/v1/reminders/settings"))
    clear = {"smtp_host": "smtp.maple.example", "smtp_user": USER, "smtp_tls": "none"}
    details = refused(
        school.c.patch("/api/v1/reminders/settings", json={"version": current["version"], **clear}),
        422,
        "reminders.tls_required_for_login",
    )
    assert (details["field"], details["rule"]) == ("smtp_tls", "tls_required_for_login")
    # Nothing of the refused change was kept.
    assert ok(school.c.get("/api/v1/reminders/settings")) == current
    # Allowed: the same login over STARTTLS; no login over a plain connection; a relay on this computer.
    assert r.settings(**{**clear, "smtp_tls": "starttls"})["smtp_tls"] == "starttls"
    saved = r.settings(smtp_user="", smtp_tls="none")
    assert (saved["smtp_user"], saved["smtp_tls"]) == ("", "none")
    # Adding the login afterwards to that plain connection is refused too: the rule reads the whole result.
    refused(
        school.c.patch("/api/v1/reminders/settings", json={"version": saved["version"], "smtp_user": USER}),
        422,
        "reminders.tls_required_for_login",
    )
    local = r.settings(smtp_host="localhost", smtp_user=USER)
    assert (local["smtp_host"], local["smtp_tls"]) == ("localhost", "none")


# --- consent -------------------------------------------------------------------------------------


def test_consent_is_recorded_with_its_moment_and_audited(school: School) -> None:
    student = new_student(school)
    never = ok(school.c.get(f"/api/v1/reminders/consents/{student['id']}"))
    assert (never["agreed"], never["recorded_at"], never["version"]) == (False, None, None)
    yes = Reminders(school).consent(student["id"], True)
    assert yes["agreed"] is True and yes["recorded_at"] is not None
    entries = ok(school.c.get("/api/v1/audit", params={"entity": "reminder_consents"}))["items"]
    assert [(e["student_id"], e["after"]["agreed"]) for e in entries] == [(student["id"], True)]
    # A stale yes/no is a conflict; an unknown student is not found.
    refused(
        school.c.put(f"/api/v1/reminders/consents/{student['id']}", json={"agreed": False, "version": None}),
        409,
        "reminder_consent.version_conflict",
    )
    refused(school.c.put("/api/v1/reminders/consents/999999", json={"agreed": True}), 404, "student.not_found")


# --- templates -----------------------------------------------------------------------------------


def test_a_template_is_saved_and_used_for_the_next_reminders(school: School, rem: Reminders, inbox: Inbox) -> None:
    listed = ok(school.c.get("/api/v1/reminders/templates"))
    assert {(t["rule"], t["channel"]) for t in listed} >= {("lesson_tomorrow", "email"), ("owner_vehicle", "email")}
    body = {"subject": "See you {{ lesson.date }}", "body": "Hi {{ student.first_name }}, {{ lesson.start_time }}."}
    saved = ok(school.c.put("/api/v1/reminders/templates/lesson_tomorrow/email", json=body))
    assert (saved["built_in"], saved["version"]) == (False, 1)
    student = new_student(school, first_name="Noor")
    rem.consent(student["id"])
    tomorrow_lesson(school, student, 10)
    rem.fill()
    [message] = rem.outbox("queued")
    assert message["body"].startswith("Hi Noor, 10:00 a.m.")
    assert message["subject"].startswith("See you ")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi {{ student.password }}", "student.password"),
        ("{{ student.first_name.__class__.__mro__ }}", "student.first_name.__class__.__mro__"),
        ("{{ lesson.student.email }}", "lesson.student.email"),
        ("{{ cycler.__init__.__globals__ }}", "cycler.__init__.__globals__"),
        ("{{ config }}", "config"),
    ],
)
def test_a_template_with_an_unknown_field_is_refused_by_name(school: School, text: str, name: str) -> None:
    details = refused(
        school.c.put("/api/v1/reminders/templates/lesson_tomorrow/email", json={"subject": "Hi", "body": text}),
        422,
        "reminders.template_unknown_field",
    )
    assert (details["field"], details["name"]) == ("body", name)
    assert "student.first_name" in details["allowed"]
    assert all(t["built_in"] for t in ok(school.c.get("/api/v1/reminders/templates")))


def test_a_template_with_bad_syntax_is_refused_with_its_line(school: School) -> None:
    body = {"subject": "Hi", "body": "Line one\n{{ student.first_name "}
    details = refused(
        school.c.put("/api/v1/reminders/templates/lesson_tomorrow/sms", json=body), 422, "reminders.template_syntax"
    )
    assert (details["field"], details["line"]) == ("body", 2)


def test_an_owner_rule_has_no_sms_wording(school: School) -> None:
    body = {"subject": "", "body": "{{ vehicle.plate }}"}
    details = refused(
        school.c.put("/api/v1/reminders/templates/owner_vehicle/sms", json=body), 422, "validation_failed"
    )
    assert details["fields"][0]["field"] == "channel"


# --- a lesson tomorrow -----------------------------------------------------------------------------


def test_tomorrows_lesson_reaches_the_student_through_smtp_with_the_opt_out(
    school: School, rem: Reminders, inbox: Inbox
) -> None:
    student = new_student(school, first_name="Maya", email="maya@example.com")
    rem.consent(student["id"])
    tomorrow_lesson(school, student, 16)
    out = rem.send()
    assert (out["fill"]["queued"], out["sent"], out["failed"]) == (1, 1, 0)
    [got] = inbox.received
    mail = got.message
    assert got.envelope_to == ["maya@example.com"]
    assert inbox.logins == [USER]
    assert mail["Subject"] == "Your driving lesson tomorrow at 4:00 p.m."
    assert mail["From"] == "Maple Driving School <desk@maple.example>"
    assert mail["List-Unsubscribe"] == "<mailto:desk@maple.example?subject=unsubscribe>"
    text = mail.get_content()
    assert "Hello Maya," in text and "from 4:00 p.m. to 5:00 p.m." in text and "Pickup: 100 Queen St W." in text
    assert "Maple Driving School" in text and 'To stop them, reply with "unsubscribe"' in text
    [message] = rem.outbox()
    assert (message["status"], message["attempts"], message["sent_at"] is not None) == ("sent", 1, True)
    assert message["dedupe_key"].startswith(f"lesson:{message['dedupe_key'].split(':')[1]}:day-before:")
    # Filling and sending again queues and sends nothing twice.
    again = rem.send()
    assert (again["fill"]["queued"], again["fill"]["already_queued"], again["sent"]) == (0, 1, 0)
    assert len(inbox.received) == 1


def test_a_student_who_did_not_agree_gets_no_reminder(school: School, rem: Reminders, inbox: Inbox) -> None:
    quiet = new_student(school)
    refused_once = new_student(school)
    rem.consent(refused_once["id"], False)
    tomorrow_lesson(school, quiet, 10)
    tomorrow_lesson(school, refused_once, 12)
    out = rem.send()
    assert out["fill"]["queued"] == 0 and out["fill"]["skipped"] == {"no_consent": 2}
    assert rem.outbox() == [] and inbox.received == []


def test_withdrawn_consent_drops_a_queued_reminder(school: School, rem: Reminders, inbox: Inbox) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    assert rem.fill()["queued"] == 1
    rem.consent(student["id"], False)
    out = rem.send()
    assert (out["dropped"], out["sent"]) == (1, 0)
    [message] = rem.outbox()
    assert (message["status"], message["drop_note"]) == ("dropped", "The student withdrew their consent to reminders.")
    assert inbox.received == []


def test_a_minors_reminder_goes_to_the_guardian(school: School, rem: Reminders, inbox: Inbox) -> None:
    minor_birth = date(today().year - 16, 1, 15).isoformat()
    student = new_student(
        school,
        first_name="Leo",
        date_of_birth=minor_birth,
        email="leo@example.com",
        guardian_name="Ana Ruiz",
        guardian_email="ana@example.com",
    )
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    assert rem.send()["sent"] == 1
    assert [r.envelope_to for r in inbox.received] == [["ana@example.com"]]


def test_a_cancelled_lesson_is_dropped_with_a_note_not_sent(school: School, rem: Reminders, inbox: Inbox) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    lesson = tomorrow_lesson(school, student)
    rem.fill()
    ok(school.c.post(f"/api/v1/lessons/{lesson['id']}/cancel", json={"version": lesson["version"]}))
    out = rem.send()
    assert (out["dropped"], out["sent"]) == (1, 0)
    [message] = rem.outbox("dropped")
    assert message["drop_note"] == "The lesson was cancelled."
    assert inbox.received == []


def test_a_moved_lesson_drops_the_old_reminder_and_queues_one_for_the_new_time(
    school: School, rem: Reminders, inbox: Inbox
) -> None:
    student = new_student(school, first_name="Maya")
    rem.consent(student["id"])
    lesson = tomorrow_lesson(school, student, 10)
    rem.fill()
    day = today() + timedelta(days=1)
    body = {"version": lesson["version"], "starts_at": at(day, 14), "ends_at": at(day, 15)}
    ok(school.c.patch(f"/api/v1/lessons/{lesson['id']}", json=body))
    out = rem.send()
    assert (out["fill"]["queued"], out["dropped"], out["sent"]) == (1, 1, 1)
    [dropped] = rem.outbox("dropped")
    assert dropped["drop_note"].startswith("The lesson moved to ") and dropped["drop_note"].endswith("2:00 p.m.")
    assert [r.message["Subject"] for r in inbox.received] == ["Your driving lesson tomorrow at 2:00 p.m."]


def test_quiet_hours_hold_a_message_until_they_end(school: School, rem: Reminders, inbox: Inbox) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    now = datetime.now(TZ)
    minute = now.hour * 60 + now.minute
    rem.settings(quiet_start_minute=(minute - 60) % 1440, quiet_end_minute=(minute + 60) % 1440)
    out = rem.send()
    assert (out["held_quiet_hours"], out["sent"]) == (1, 0)
    assert [m["status"] for m in rem.outbox()] == ["queued"] and inbox.received == []
    rem.settings(quiet_start_minute=(minute + 120) % 1440, quiet_end_minute=(minute + 180) % 1440)
    assert rem.send()["sent"] == 1 and len(inbox.received) == 1


def test_smtp_down_fails_the_message_and_a_later_run_sends_it(school: School, rem: Reminders, inbox: Inbox) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    closed = free_port()
    rem.settings(smtp_port=closed)
    out = rem.send()
    assert (out["failed"], out["sent"]) == (1, 0)
    [message] = rem.outbox()
    assert (message["status"], message["attempts"]) == ("failed", 1)
    assert message["last_error"].startswith("Could not reach the SMTP server")
    # The server comes back (on that port): the next run sends it, once.
    back = Inbox(closed)
    controller = start(back)
    try:
        assert rem.send()["sent"] == 1
    finally:
        controller.stop()
    assert len(back.received) == 1 and inbox.received == []
    assert [(m["status"], m["attempts"], m["last_error"]) for m in rem.outbox()] == [("sent", 2, None)]


def test_a_message_another_desk_is_sending_waits_and_is_taken_again_once_that_claim_is_abandoned(
    live: LiveServer, school: School, rem: Reminders, inbox: Inbox
) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    assert rem.fill()["queued"] == 1
    [queued] = rem.outbox()

    def claimed(minutes_ago: int) -> None:
        # What another desk's run leaves in the database once it has claimed the message (and, if it stopped
        # mid-send, never came back to record the outcome).
        at = datetime.now(UTC) - timedelta(minutes=minutes_ago)
        stmt = update(OutboxMessage).where(OutboxMessage.id == queued["id"])
        with live.db.engine.begin() as conn:
            conn.execute(stmt.values(status="sending", updated_at=at, version=OutboxMessage.version + 1))

    claimed(minutes_ago=5)
    out = rem.send()
    assert out["sent"] == 0 and inbox.received == []
    assert [m["status"] for m in rem.outbox()] == ["sending"]
    claimed(minutes_ago=11)
    assert rem.send()["sent"] == 1
    assert len(inbox.received) == 1
    assert [(m["status"], m["attempts"]) for m in rem.outbox()] == [("sent", 1)]


def test_a_wrong_password_fails_with_its_reason_and_is_never_stored(
    school: School, rem: Reminders, inbox: Inbox
) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    assert rem.send(password="wrong-one")["failed"] == 1
    [message] = rem.outbox()
    assert message["last_error"] == "The SMTP server refused the user name or password."
    dump = str(ok(school.c.get("/api/v1/audit", params={"limit": 200}))) + str(rem.outbox()) + str(rem.settings())
    assert "wrong-one" not in dump and PASSWORD not in dump


def test_retry_requeues_a_failed_message_and_refuses_a_sent_one(school: School, rem: Reminders, inbox: Inbox) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    rem.send(password="wrong-one")
    [failed] = rem.outbox()
    again = ok(school.c.post(f"/api/v1/reminders/outbox/{failed['id']}/retry", json={"version": failed["version"]}))
    assert (again["status"], again["attempts"], again["last_error"]) == ("queued", 0, None)
    assert rem.send()["sent"] == 1
    [sent] = rem.outbox()
    refused(
        school.c.post(f"/api/v1/reminders/outbox/{sent['id']}/retry", json={"version": sent["version"]}),
        409,
        "reminders.not_retryable",
    )
    refused(
        school.c.post("/api/v1/reminders/outbox/999999/retry", json={"version": 1}), 404, "reminder_message.not_found"
    )


def test_the_preview_shows_what_goes_out_by_tomorrow(school: School, rem: Reminders) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    rem.fill()
    preview = ok(school.c.get("/api/v1/reminders/outbox/tomorrow"))["items"]
    assert [m["rule"] for m in preview] == ["lesson_tomorrow"]


def test_the_rule_switched_off_queues_nothing(school: School, rem: Reminders) -> None:
    student = new_student(school)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    rem.settings(lesson_tomorrow_on=False)
    assert rem.fill()["queued"] == 0


# --- to the owner --------------------------------------------------------------------------------


def test_the_owner_hears_of_lapsing_licences_insurance_and_inspections(
    school: School, rem: Reminders, inbox: Inbox
) -> None:
    soon = (today() + timedelta(days=10)).isoformat()
    later = (today() + timedelta(days=200)).isoformat()
    lapsing = school.instructor(first_name="Raj", last_name="Patel", di_licence_expiry=soon)
    school.instructor(di_licence_expiry=later)
    school.vehicle(plate="CBXR001", insurance_expiry=soon, inspection_expiry=later)
    rem.settings(owner_email=OWNER, owner_di_licence_on=True, owner_vehicle_on=True, owner_vehicle_days=30)
    out = rem.send()
    assert (out["fill"]["queued"], out["sent"]) == (2, 2)
    subjects = sorted(r.message["Subject"] for r in inbox.received)
    assert subjects[0].startswith("CBXR001: insurance expires ")
    assert subjects[1].startswith("Raj Patel's DI licence expires ")
    assert {tuple(r.envelope_to) for r in inbox.received} == {(OWNER,)}
    keys = sorted(m["dedupe_key"] for m in rem.outbox())
    assert keys[0] == f"instructor:{lapsing['id']}:di-licence:{soon}:email"


def test_owner_rules_need_an_owner_email_and_a_renewal_drops_the_warning(school: School, rem: Reminders) -> None:
    soon = (today() + timedelta(days=10)).isoformat()
    person = school.instructor(di_licence_expiry=soon)
    rem.settings(owner_di_licence_on=True)
    assert rem.fill()["skipped"] == {"no_owner_email": 1}
    rem.settings(owner_email=OWNER)
    assert rem.fill()["queued"] == 1
    renewed = ok(school.c.get(f"/api/v1/instructors/{person['id']}"))
    body = {"version": renewed["version"], "di_licence_expiry": (today() + timedelta(days=700)).isoformat()}
    ok(school.c.patch(f"/api/v1/instructors/{person['id']}", json=body))
    rem.settings(smtp_host="")  # nothing could be sent anyway: the drop happens first
    out = rem.send()
    assert out["dropped"] == 1
    assert [m["drop_note"] for m in rem.outbox()] == ["The DI licence was renewed."]


# --- SMS -----------------------------------------------------------------------------------------


def test_sms_waits_for_the_csv_export_then_is_marked_sent(school: School, rem: Reminders, tmp_path: Path) -> None:
    rem.settings(sms_on=True, sms_mode="csv")
    student = new_student(school, first_name="Maya", phone="(416) 555-0142")
    rem.consent(student["id"])
    tomorrow_lesson(school, student, 9)
    out = rem.send()
    assert (out["sent"], out["waiting"]) == (1, 1)  # the email went; the SMS waits
    target = tmp_path / "sms.csv"
    exported = ok(school.c.post("/api/v1/system/reminders/sms-export", json={"file": str(target)}), 201)
    assert exported["messages"] == 1
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["phone", "message"]
    assert rows[1][0] == "4165550142" and "Maya, your driving lesson is tomorrow" in rows[1][1]
    assert sorted(m["status"] for m in rem.outbox()) == ["sent", "sent"]
    again = ok(school.c.post("/api/v1/system/reminders/sms-export", json={"file": str(target)}), 201)
    assert again["messages"] == 0


def test_an_unwritable_export_marks_nothing(school: School, rem: Reminders, tmp_path: Path) -> None:
    rem.settings(sms_on=True, sms_mode="csv")
    student = new_student(school, phone="416-555-0142")
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    rem.fill()
    target = tmp_path / "missing-folder" / "sms.csv"
    details = refused(
        school.c.post("/api/v1/system/reminders/sms-export", json={"file": str(target)}),
        422,
        "reminders.export_not_writable",
    )
    assert details["field"] == "file"
    assert sorted(m["status"] for m in rem.outbox() if m["channel"] == "sms") == ["queued"]


def test_sms_in_gateway_mode_goes_as_email_to_the_gateway(school: School, rem: Reminders, inbox: Inbox) -> None:
    rem.settings(sms_on=True, sms_mode="gateway", sms_gateway_pattern="{number}@sms.example.ca")
    student = new_student(school, phone="+1 416 555 0142", email=None)
    rem.consent(student["id"])
    tomorrow_lesson(school, student)
    out = rem.send()
    assert out["sent"] == 1 and out["fill"]["skipped"] == {"no_email_address": 1}
    assert [r.envelope_to for r in inbox.received] == [["4165550142@sms.example.ca"]]


# --- the BDE deadline at risk --------------------------------------------------------------------


def test_a_bde_deadline_at_risk_reminds_the_student_and_a_far_one_does_not(
    school: School, rem: Reminders, inbox: Inbox
) -> None:
    rem.settings(bde_deadline_on=True, bde_deadline_days=30)
    teacher = school.instructor()
    course = school.course()
    at_risk = new_student(school, first_name="Priya", email="priya@example.com")
    on_time = new_student(school, first_name="Omar", email="omar@example.com")
    for student, first_class in ((at_risk, today() - timedelta(days=350)), (on_time, today() - timedelta(days=30))):
        rem.consent(student["id"])
        enrollment = school.enrollment(
            student["id"], course["id"], enrolled_on=(first_class - timedelta(days=5)).isoformat()
        )
        session = school.session(teacher["id"], first_class, 18, 2)
        ok(school.attend(session["id"], enrollment["id"], 120))
    out = rem.send()
    assert (out["fill"]["queued"], out["sent"]) == (1, 1)
    [got] = inbox.received
    assert got.envelope_to == ["priya@example.com"]
    assert got.message["Subject"].startswith("Your BDE course must be finished by ")
    assert "Hello Priya," in got.message.get_content()
    assert rem.outbox()[0]["dedupe_key"].startswith("enrollment:")
