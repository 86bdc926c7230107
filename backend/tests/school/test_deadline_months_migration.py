"""The migration that turns the deadline in days into calendar months keeps a school's stricter choice."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from odsm.core.migrations import alembic_config
from odsm.core.unit_of_work import Database
from odsm.features.school.service import SchoolService

BEFORE = "0005"


def _read(db: Database, column: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT {column} FROM school_settings")).scalar_one())


def _upgraded_from_days(db: Database, days: int) -> int:
    """Stores `days` under the old schema, upgrades, and answers the months it became."""
    cfg = alembic_config(db.engine)
    command.downgrade(cfg, BEFORE)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE school_settings SET completion_deadline_days = :days"), {"days": days})
    command.upgrade(cfg, "head")
    return _read(db, "completion_deadline_months")


def test_days_become_the_most_months_that_fit_and_back(db: Database) -> None:
    SchoolService(db).get()  # the settings row, at 12 months
    # 6 months can span 184 days, 7 months 215: a 200-day deadline keeps 6, never longer than 200 days.
    assert _upgraded_from_days(db, 200) == 6
    command.downgrade(alembic_config(db.engine), BEFORE)
    assert _read(db, "completion_deadline_days") == 182
    command.upgrade(alembic_config(db.engine), "head")
    assert _upgraded_from_days(db, 365) == 12
    assert _upgraded_from_days(db, 20) == 1
