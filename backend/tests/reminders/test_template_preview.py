"""A template's preview on the settings screen: the unsaved wording rendered by the outbox's own sandbox with
made-up records, and refused by name where saving it would be."""

from __future__ import annotations

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, ok, refused

PREVIEW = "/api/v1/reminders/templates/{rule}/{channel}/preview"


@pytest.fixture
def school(live: LiveServer) -> School:
    school = School(live)
    school.settings(name="Maple Driving School")
    return school


def test_the_preview_renders_the_fields_and_the_opt_out_and_saves_nothing(school: School) -> None:
    version = ok(school.c.get("/api/v1/reminders/settings"))["version"]
    ok(school.c.patch("/api/v1/reminders/settings", json={"version": version, "smtp_from": "desk@maple.example"}))
    body = {"subject": "Lesson at {{ lesson.start_time }}", "body": "Hi {{ student.first_name }}, {{ school.name }}."}
    shown = ok(school.c.post(PREVIEW.format(rule="lesson_tomorrow", channel="email"), json=body))
    assert shown["subject"] == "Lesson at 10:00 a.m."
    assert shown["body"].startswith("Hi Alex, Maple Driving School.")
    assert "You receive this because you agreed to reminders from Maple Driving School." in shown["body"]
    assert "desk@maple.example" in shown["body"]
    assert all(t["built_in"] for t in ok(school.c.get("/api/v1/reminders/templates")))


def test_an_sms_preview_carries_no_email_footer(school: School) -> None:
    body = {"subject": "", "body": "{{ vehicle.plate }}"}
    refused(school.c.post(PREVIEW.format(rule="owner_vehicle", channel="sms"), json=body), 422, "validation_failed")
    shown = ok(
        school.c.post(PREVIEW.format(rule="bde_deadline", channel="sms"), json={"body": "By {{ enrollment.deadline }}"})
    )
    assert shown == {"subject": "", "body": "By 2031-04-30"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("{{ cycler.__init__.__globals__ }}", "reminders.template_unknown_field"),
        ("{{ student.first_name ", "reminders.template_syntax"),
    ],
)
def test_a_preview_of_a_template_that_could_not_be_saved_is_refused_by_name(
    school: School, text: str, code: str
) -> None:
    details = refused(
        school.c.post(PREVIEW.format(rule="lesson_tomorrow", channel="email"), json={"subject": "Hi", "body": text}),
        422,
        code,
    )
    assert details["field"] == "body"
