"""Reminder wording: jinja2 templates rendered in its SandboxedEnvironment, so a template can read the
fields it is given and nothing else (no attribute of Python's, no call that runs code). A template is
checked when it is saved: bad syntax, or a field its rule does not have, is refused by name."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import TemplateSyntax, TemplateUnknownField

if TYPE_CHECKING:
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

LESSON_TOMORROW = "lesson_tomorrow"
BDE_DEADLINE = "bde_deadline"
ROAD_TEST = "road_test"
OVERDUE_BALANCE = "overdue_balance"
OWNER_DI_LICENCE = "owner_di_licence"
OWNER_VEHICLE = "owner_vehicle"
RULES = (LESSON_TOMORROW, BDE_DEADLINE, ROAD_TEST, OVERDUE_BALANCE, OWNER_DI_LICENCE, OWNER_VEHICLE)
CHANNELS = ("email", "sms")

STUDENT = ("first_name", "last_name")
SCHOOL = ("name",)
# The fields each rule's templates may use: the student's and the lesson's (or the record the rule is about).
FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    LESSON_TOMORROW: {
        "student": STUDENT,
        "lesson": ("date", "start_time", "end_time", "pickup_location", "instructor"),
        "school": SCHOOL,
    },
    BDE_DEADLINE: {"student": STUDENT, "enrollment": ("deadline", "days_left"), "school": SCHOOL},
    ROAD_TEST: {
        "student": STUDENT,
        "road_test": ("centre", "centre_address", "date", "time", "licence_class", "days_left"),
        "school": SCHOOL,
    },
    OVERDUE_BALANCE: {
        "student": STUDENT,
        "invoice": ("number", "amount_left", "total", "due_date", "days_overdue"),
        "school": SCHOOL,
    },
    OWNER_DI_LICENCE: {"instructor": ("first_name", "last_name", "expires_on"), "school": SCHOOL},
    OWNER_VEHICLE: {"vehicle": ("plate", "make", "model", "what", "expires_on"), "school": SCHOOL},
}

DEFAULTS: dict[tuple[str, str], tuple[str, str]] = {
    (LESSON_TOMORROW, "email"): (
        "Your driving lesson tomorrow at {{ lesson.start_time }}",
        # The sentence ends on a name, not on a 12-hour time ("11:00 a.m."), so it never ends in "..".
        "Hello {{ student.first_name }},\n\nThis is a reminder of your in-car lesson on {{ lesson.date }} "
        "from {{ lesson.start_time }} to {{ lesson.end_time }} with {{ lesson.instructor }}."
        "{% if lesson.pickup_location %}\nPickup: {{ lesson.pickup_location }}.{% endif %}\n\n"
        "If you can't come, please let us know as soon as you can.",
    ),
    (LESSON_TOMORROW, "sms"): (
        "",
        "{{ school.name }}: {{ student.first_name }}, your driving lesson is tomorrow {{ lesson.date }} "
        "at {{ lesson.start_time }} with {{ lesson.instructor }}.",
    ),
    (BDE_DEADLINE, "email"): (
        "Your BDE course must be finished by {{ enrollment.deadline }}",
        "Hello {{ student.first_name }},\n\nYour Beginner Driver Education course must be finished by "
        "{{ enrollment.deadline }} ({{ enrollment.days_left }} days from today). "
        "Call us to book your remaining lessons.",
    ),
    (BDE_DEADLINE, "sms"): (
        "",
        "{{ school.name }}: {{ student.first_name }}, your BDE course must be finished by "
        "{{ enrollment.deadline }}. Call us to book your lessons.",
    ),
    (ROAD_TEST, "email"): (
        "Your {{ road_test.licence_class }} road test on {{ road_test.date }}",
        "Hello {{ student.first_name }},\n\nThis is a reminder of your {{ road_test.licence_class }} road test on "
        "{{ road_test.date }} at {{ road_test.time }} at the {{ road_test.centre }} DriveTest centre."
        "{% if road_test.centre_address %}\nAddress: {{ road_test.centre_address }}.{% endif %}\n\n"
        "Bring your licence, and arrive early. If you can't make it, call us as soon as you can.",
    ),
    (ROAD_TEST, "sms"): (
        "",
        "{{ school.name }}: {{ student.first_name }}, your {{ road_test.licence_class }} road test is on "
        "{{ road_test.date }} at {{ road_test.time }}, {{ road_test.centre }} DriveTest centre.",
    ),
    (OVERDUE_BALANCE, "email"): (
        "Invoice {{ invoice.number }}: {{ invoice.amount_left }} is past due",
        "Hello {{ student.first_name }},\n\nInvoice {{ invoice.number }} was due on {{ invoice.due_date }} and "
        "{{ invoice.amount_left }} of it is still unpaid. Please pay at the front desk or call us to arrange it."
        "\n\nIf you paid in the last few days, thank you, and please disregard this reminder.",
    ),
    (OVERDUE_BALANCE, "sms"): (
        "",
        "{{ school.name }}: {{ student.first_name }}, invoice {{ invoice.number }} ({{ invoice.amount_left }} left) "
        "was due on {{ invoice.due_date }}. Please pay at the front desk.",
    ),
    (OWNER_DI_LICENCE, "email"): (
        "{{ instructor.first_name }} {{ instructor.last_name }}'s DI licence expires {{ instructor.expires_on }}",
        "The driving instructor licence of {{ instructor.first_name }} {{ instructor.last_name }} expires on "
        "{{ instructor.expires_on }}. Lessons can't be booked with them after that day until it is renewed.",
    ),
    (OWNER_VEHICLE, "email"): (
        "{{ vehicle.plate }}: {{ vehicle.what }} expires {{ vehicle.expires_on }}",
        "The {{ vehicle.what }} of {{ vehicle.make }} {{ vehicle.model }} ({{ vehicle.plate }}) expires on "
        "{{ vehicle.expires_on }}. Lessons can't be booked in it after that day until it is renewed.",
    ),
}

# Made-up records for a template's preview on the settings screen: every field each rule offers.
SAMPLE: dict[str, dict[str, str]] = {
    "student": {"first_name": "Alex", "last_name": "Martin"},
    "lesson": {
        "date": "Thursday, March 5",
        "start_time": "10:00 a.m.",
        "end_time": "11:00 a.m.",
        "pickup_location": "100 Queen St W",
        "instructor": "Sam Lee",
    },
    "enrollment": {"deadline": "2031-04-30", "days_left": "21"},
    "road_test": {
        "centre": "Toronto Downsview",
        "centre_address": "37 Carl Hall Rd",
        "date": "Tuesday, March 10",
        "time": "9:30 a.m.",
        "licence_class": "G2",
        "days_left": "3",
    },
    "invoice": {
        "number": "INV-000042",
        "amount_left": "$125.50",
        "total": "$452.00",
        "due_date": "Friday, February 13",
        "days_overdue": "14",
    },
    "instructor": {"first_name": "Sam", "last_name": "Lee", "expires_on": "2031-04-30"},
    "vehicle": {
        "plate": "CDRV 123",
        "make": "Toyota",
        "model": "Corolla",
        "what": "insurance",
        "expires_on": "2031-04-30",
    },
}


def sample_context(rule: str, school: str) -> dict[str, Any]:
    context: dict[str, Any] = {record: dict(SAMPLE[record]) for record in FIELDS[rule] if record != "school"}
    context["school"] = {"name": school}
    return context


@cache
def _environment() -> SandboxedEnvironment:
    """jinja2 is imported when a template is first checked or rendered, not at start-up, where it was a few
    per cent of the backend's time to ready."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def channels_of(rule: str) -> tuple[str, ...]:
    return tuple(channel for channel in CHANNELS if (rule, channel) in DEFAULTS)


def _field_paths(tree: nodes.Template) -> list[tuple[str, int]]:
    """Each field the template reads, as "student.first_name" (or a bare "student"), with its line."""
    from jinja2 import nodes

    accesses = list(tree.find_all((nodes.Getattr, nodes.Getitem)))
    inner = {id(node.node) for node in accesses if isinstance(node, nodes.Getattr | nodes.Getitem)}
    found: list[tuple[str, int]] = []
    for node in accesses:
        if id(node) in inner:  # part of a longer chain, reported by the chain
            continue
        parts: list[str] = []
        cur: nodes.Node = node
        while isinstance(cur, nodes.Getattr | nodes.Getitem):
            if isinstance(cur, nodes.Getattr):
                parts.append(cur.attr)
            else:
                parts.append(str(cur.arg.value) if isinstance(cur.arg, nodes.Const) else "[…]")
            cur = cur.node
        parts.append(cur.name if isinstance(cur, nodes.Name) else "(expression)")
        found.append((".".join(reversed(parts)), node.lineno))
    found += [(name.name, name.lineno) for name in tree.find_all(nodes.Name) if id(name) not in inner]
    return found


def check(rule: str, channel: str, part: str, text: str) -> None:
    """Refuses a template that does not parse, or reads a field the rule does not have."""
    from jinja2 import TemplateSyntaxError

    try:
        tree = _environment().parse(text)
    except TemplateSyntaxError as exc:
        raise TemplateSyntax(
            details={"field": part, "rule": rule, "channel": channel, "line": exc.lineno, "problem": exc.message}
        ) from exc
    allowed = FIELDS[rule]
    known = sorted(f"{record}.{field}" for record, fields in allowed.items() for field in fields)
    for path, line in _field_paths(tree):
        record, _, field = path.partition(".")
        if record in allowed and field in allowed[record]:
            continue
        raise TemplateUnknownField(
            details={"field": part, "name": path, "line": line, "rule": rule, "channel": channel, "allowed": known}
        )


def render(text: str, context: dict[str, Any]) -> str:
    return _environment().from_string(text).render(context)
