"""road tests: the student's licence history (moved from the student's record), DriveTest centres, road
tests with the school car, their settings, and the charges waiting for the school's accounts"""

from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

from odsm.core.audit import append_entries

revision: str = "0014"
down_revision: str | None = "0013"

ORDER = ("G1", "G2", "G")


def _stamp() -> list[sa.Column[datetime]]:
    return [sa.Column("created_at", sa.DateTime(timezone=True), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "licence_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("licence_class", sa.String(length=2), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("road_test_id", sa.Integer(), nullable=True),
        *_stamp(),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_licence_steps_student_id_students")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence_steps")),
        sa.UniqueConstraint("student_id", "licence_class", name=op.f("uq_licence_steps_student_id")),
    )
    op.create_table(
        "road_test_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        *[
            sa.Column(name, sa.Integer(), nullable=False)
            for name in (
                "g2_after_g1_months",
                "g2_after_g1_with_bde_months",
                "g_after_g2_months",
                "programme_years",
                "retest_days",
                "cancel_notice_hours",
                "buffer_before_minutes",
                "buffer_after_minutes",
                "g2_test_minutes",
                "g_test_minutes",
                "g2_fee_cents",
                "g_fee_cents",
                "rental_price_cents",
                "version",
            )
        ],
        sa.PrimaryKeyConstraint("id", name=op.f("pk_road_test_settings")),
    )
    op.create_table(
        "drivetest_centres",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_stamp(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drivetest_centres")),
    )
    op.create_table(
        "road_tests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("licence_class", sa.String(length=2), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("vehicle_id", sa.Integer(), nullable=True),
        sa.Column("instructor_id", sa.Integer(), nullable=True),
        sa.Column("blocked_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("fee_cents", sa.Integer(), nullable=False),
        sa.Column("fee_lost_cents", sa.Integer(), nullable=False),
        sa.Column("result_recorded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamp(),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_road_tests_student_id_students")),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["drivetest_centres.id"], name=op.f("fk_road_tests_centre_id_drivetest_centres")
        ),
        sa.ForeignKeyConstraint(["vehicle_id"], ["vehicles.id"], name=op.f("fk_road_tests_vehicle_id_vehicles")),
        sa.ForeignKeyConstraint(
            ["instructor_id"], ["instructors.id"], name=op.f("fk_road_tests_instructor_id_instructors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_road_tests")),
    )
    with op.batch_alter_table("road_tests", schema=None) as batch_op:
        batch_op.create_index("ix_road_tests_vehicle_blocked", ["vehicle_id", "blocked_from"], unique=False)
        batch_op.create_index("ix_road_tests_instructor_blocked", ["instructor_id", "blocked_from"], unique=False)
        batch_op.create_index("ix_road_tests_student_start", ["student_id", "starts_at"], unique=False)
        batch_op.create_index("ix_road_tests_blocked_from", ["blocked_from"], unique=False)
    op.create_table(
        "road_test_charges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("road_test_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("billed", sa.Boolean(), nullable=False),
        *_stamp(),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_road_test_charges_student_id_students")),
        sa.ForeignKeyConstraint(
            ["road_test_id"], ["road_tests.id"], name=op.f("fk_road_test_charges_road_test_id_road_tests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_road_test_charges")),
    )
    with op.batch_alter_table("road_test_charges", schema=None) as batch_op:
        batch_op.create_index("ix_road_test_charges_billed", ["billed", "student_id"], unique=False)

    _history_from_students(datetime.now(UTC))


def _history_from_students(now: datetime) -> None:
    """Each student's class on file becomes the steps up to it: the G1 dated by the G1 issue date on file,
    the later steps undated (the record never held their dates). Nothing on the student is removed."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, licence_class, g1_issue_date FROM students WHERE licence_class IS NOT NULL")
    ).all()
    steps = sa.table(
        "licence_steps",
        sa.column("student_id", sa.Integer()),
        sa.column("licence_class", sa.String()),
        sa.column("issued_on", sa.Date()),
        sa.column("source", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    batch = []
    for student_id, licence_class, g1_issue_date in rows:
        held = ORDER[: ORDER.index(licence_class) + 1] if licence_class in ORDER else ()
        for step in held:
            issued = _as_date(g1_issue_date) if step == "G1" else None
            batch.append(
                {
                    "student_id": student_id,
                    "licence_class": step,
                    "issued_on": issued,
                    "source": "migrated",
                    "created_at": now,
                }
            )
    if not batch:
        return
    op.bulk_insert(steps, batch)
    # Each step the upgrade made joins the audit chain, as if the app had written it: verify then finds
    # every licence step accounted for. One entry per student, the steps in the order they were made.
    made = conn.execute(
        sa.text(
            "SELECT id, student_id, licence_class, issued_on FROM licence_steps WHERE source = 'migrated' ORDER BY id"
        )
    ).all()
    entries = []
    for step_id, student_id, licence_class, issued_on in made:
        issued = _as_date(issued_on)
        after = {
            "id": step_id,
            "student_id": student_id,
            "licence_class": licence_class,
            "issued_on": issued.isoformat() if issued else None,
            "source": "migrated",
            "road_test_id": None,
            "created_at": now.isoformat(),
        }
        entries.append(
            {
                "entity": "licence_steps",
                "entity_id": str(step_id),
                "action": "create",
                "before": None,
                "after": after,
                "reason": "Licence history made from the class on file (upgrade)",
                "student_id": student_id,
            }
        )
    append_entries(conn, entries, actor="app upgrade")


def _as_date(value: object) -> date | None:
    # A raw SELECT on SQLite hands the date back as its text.
    return date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


def downgrade() -> None:
    # The students' own columns were kept in step with the history, so dropping it loses nothing they held.
    with op.batch_alter_table("road_test_charges", schema=None) as batch_op:
        batch_op.drop_index("ix_road_test_charges_billed")
    op.drop_table("road_test_charges")
    with op.batch_alter_table("road_tests", schema=None) as batch_op:
        batch_op.drop_index("ix_road_tests_blocked_from")
        batch_op.drop_index("ix_road_tests_student_start")
        batch_op.drop_index("ix_road_tests_instructor_blocked")
        batch_op.drop_index("ix_road_tests_vehicle_blocked")
    op.drop_table("road_tests")
    op.drop_table("drivetest_centres")
    op.drop_table("road_test_settings")
    op.drop_table("licence_steps")
