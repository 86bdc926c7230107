"""The road-tests migration moves each student's class on file into the licence history, losing nothing."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from odsm.core.audit import verify_chain
from odsm.core.config import Settings
from odsm.core.migrations import alembic_config, migrate
from odsm.core.unit_of_work import Database
from odsm.features.audit.record_check import record_drift

_COLUMNS = (
    "first_name, last_name, date_of_birth, licence_class, g1_issue_date, search_first_last, search_last_first,"
    " search_first_last_joined, search_last_first_joined, created_at, updated_at, version"
)


def _student(first: str, licence_class: str | None, g1: str | None) -> str:
    values = ", ".join("NULL" if v is None else f"'{v}'" for v in (licence_class, g1))
    key = f"{first.lower()} okafor"
    return (
        f"INSERT INTO students ({_COLUMNS}) VALUES ('{first}', 'Okafor', '2008-03-15', {values}, '{key}', '{key}',"
        f" '{key}', '{key}', '2026-01-01', '2026-01-01', 1)"
    )


def test_each_class_on_file_becomes_the_steps_up_to_it_with_the_g1_date(empty_settings: Settings) -> None:
    db = Database(empty_settings)
    command.upgrade(alembic_config(db.engine), "0009")
    with db.engine.begin() as conn:
        for sql in (
            _student("Ada", "G2", "2024-05-06"),
            _student("Ben", "G1", None),
            _student("Cy", None, "2025-01-02"),
            _student("Di", "G", "2020-02-29"),
        ):
            conn.exec_driver_sql(sql)
    migrate(empty_settings, db.engine)
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.first_name, l.licence_class, l.issued_on, l.source FROM licence_steps l"
                " JOIN students s ON s.id = l.student_id ORDER BY s.first_name, l.id"
            )
        ).all()
        kept = conn.execute(text("SELECT first_name, licence_class, g1_issue_date FROM students ORDER BY id")).all()
    steps = [(name, cls, str(day) if day else None, source) for name, cls, day, source in rows]
    assert steps == [
        ("Ada", "G1", "2024-05-06", "migrated"),
        ("Ada", "G2", None, "migrated"),
        ("Ben", "G1", None, "migrated"),
        ("Di", "G1", "2020-02-29", "migrated"),
        ("Di", "G2", None, "migrated"),
        ("Di", "G", None, "migrated"),
    ]
    # The student's own columns stay as they were: the downgrade loses nothing either.
    assert [(n, c, str(d) if d else None) for n, c, d in kept] == [
        ("Ada", "G2", "2024-05-06"),
        ("Ben", "G1", None),
        ("Cy", None, "2025-01-02"),
        ("Di", "G", "2020-02-29"),
    ]
    # Every step the upgrade made is in the audit chain, which still verifies: only the test's own students,
    # written with raw SQL before the upgrade, show as unaudited.
    drift, _ = db.read(lambda s: record_drift(s, limit=100))
    assert {d.entity for d in drift} == {"students"}
    assert db.read(verify_chain)["ok"] is True
    db.dispose()
