"""bde courses and lessons: courses, enrollments with an append-only hours ledger, classroom, lessons"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"


def upgrade() -> None:
    op.create_table(
        "courses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("classroom_minutes", sa.Integer(), nullable=False),
        sa.Column("in_car_minutes", sa.Integer(), nullable=False),
        sa.Column("flex_minutes", sa.Integer(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("tax_rate_basis_points", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
    )
    op.create_table(
        "classroom_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instructor_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("room", sa.String(length=60), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instructor_id"], ["instructors.id"], name=op.f("fk_classroom_sessions_instructor_id_instructors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classroom_sessions")),
    )
    with op.batch_alter_table("classroom_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_classroom_sessions_instructor_start", ["instructor_id", "starts_at"], unique=False)
        batch_op.create_index("ix_classroom_sessions_starts_at", ["starts_at"], unique=False)

    op.create_table(
        "enrollments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=False),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("first_class_date", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("final_mark_percent", sa.Integer(), nullable=True),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("certified_on", sa.Date(), nullable=True),
        sa.Column("certified_by", sa.String(length=200), nullable=True),
        sa.Column("mto_reference", sa.String(length=60), nullable=True),
        sa.Column("certification_fee_cents", sa.Integer(), nullable=True),
        sa.Column("classroom_minutes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("classroom_minutes_on_time", sa.Integer(), server_default="0", nullable=False),
        sa.Column("in_car_minutes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("in_car_minutes_on_time", sa.Integer(), server_default="0", nullable=False),
        sa.Column("flex_minutes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("flex_minutes_on_time", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["course_id"], ["courses.id"], name=op.f("fk_enrollments_course_id_courses")),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_enrollments_student_id_students")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollments")),
    )
    with op.batch_alter_table("enrollments", schema=None) as batch_op:
        batch_op.create_index("ix_enrollments_status_deadline", ["status", "deadline"], unique=False)
        batch_op.create_index("ix_enrollments_status_result_deadline", ["status", "result", "deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_enrollments_student_id"), ["student_id"], unique=False)

    op.create_table(
        "classroom_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("enrollment_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrollment_id"], ["enrollments.id"], name=op.f("fk_classroom_attendance_enrollment_id_enrollments")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["classroom_sessions.id"],
            name=op.f("fk_classroom_attendance_session_id_classroom_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classroom_attendance")),
        sa.UniqueConstraint("session_id", "enrollment_id", name=op.f("uq_classroom_attendance_session_id")),
    )
    with op.batch_alter_table("classroom_attendance", schema=None) as batch_op:
        batch_op.create_index("ix_classroom_attendance_student", ["student_id", "session_id"], unique=False)

    op.create_table(
        "enrollment_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrollment_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrollment_id"], ["enrollments.id"], name=op.f("fk_enrollment_hours_enrollment_id_enrollments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollment_hours")),
    )
    with op.batch_alter_table("enrollment_hours", schema=None) as batch_op:
        batch_op.create_index(
            "ix_enrollment_hours_totals", ["enrollment_id", "category", "occurred_on", "minutes"], unique=False
        )

    op.create_table(
        "lessons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("enrollment_id", sa.Integer(), nullable=True),
        sa.Column("instructor_id", sa.Integer(), nullable=False),
        sa.Column("vehicle_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pickup_location", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("actual_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("actual_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("odometer_start", sa.Integer(), nullable=True),
        sa.Column("odometer_end", sa.Integer(), nullable=True),
        sa.Column("skills_covered", sa.JSON(), nullable=False),
        sa.Column("evaluation_notes", sa.Text(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.String(length=500), nullable=True),
        sa.Column("fee_cents", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrollment_id"], ["enrollments.id"], name=op.f("fk_lessons_enrollment_id_enrollments")
        ),
        sa.ForeignKeyConstraint(
            ["instructor_id"], ["instructors.id"], name=op.f("fk_lessons_instructor_id_instructors")
        ),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_lessons_student_id_students")),
        sa.ForeignKeyConstraint(["vehicle_id"], ["vehicles.id"], name=op.f("fk_lessons_vehicle_id_vehicles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lessons")),
    )
    with op.batch_alter_table("lessons", schema=None) as batch_op:
        batch_op.create_index(
            "ix_lessons_enrollment_status", ["enrollment_id", "status", "instructor_id"], unique=False
        )
        batch_op.create_index("ix_lessons_instructor_start", ["instructor_id", "starts_at"], unique=False)
        batch_op.create_index(
            "ix_lessons_instructor_status_enrollment", ["instructor_id", "status", "enrollment_id"], unique=False
        )
        batch_op.create_index("ix_lessons_starts_at", ["starts_at"], unique=False)
        batch_op.create_index("ix_lessons_student_start", ["student_id", "starts_at"], unique=False)
        batch_op.create_index("ix_lessons_vehicle_start", ["vehicle_id", "starts_at"], unique=False)

    # The hours ledger is append-only, like the audit log: a mistake gets a correction entry.
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER enrollment_hours_no_{verb.lower()} BEFORE {verb} ON enrollment_hours "
                "BEGIN SELECT RAISE(ABORT, 'enrollment_hours is append-only'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION enrollment_hours_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'enrollment_hours is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER enrollment_hours_append_only BEFORE UPDATE OR DELETE ON enrollment_hours "
            "FOR EACH ROW EXECUTE FUNCTION enrollment_hours_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS enrollment_hours_no_update")
        op.execute("DROP TRIGGER IF EXISTS enrollment_hours_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS enrollment_hours_append_only ON enrollment_hours")
        op.execute("DROP FUNCTION IF EXISTS enrollment_hours_append_only()")
    with op.batch_alter_table("lessons", schema=None) as batch_op:
        batch_op.drop_index("ix_lessons_vehicle_start")
        batch_op.drop_index("ix_lessons_student_start")
        batch_op.drop_index("ix_lessons_starts_at")
        batch_op.drop_index("ix_lessons_instructor_status_enrollment")
        batch_op.drop_index("ix_lessons_instructor_start")
        batch_op.drop_index("ix_lessons_enrollment_status")

    op.drop_table("lessons")
    with op.batch_alter_table("enrollment_hours", schema=None) as batch_op:
        batch_op.drop_index("ix_enrollment_hours_totals")

    op.drop_table("enrollment_hours")
    with op.batch_alter_table("classroom_attendance", schema=None) as batch_op:
        batch_op.drop_index("ix_classroom_attendance_student")

    op.drop_table("classroom_attendance")
    with op.batch_alter_table("enrollments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrollments_student_id"))
        batch_op.drop_index("ix_enrollments_status_result_deadline")
        batch_op.drop_index("ix_enrollments_status_deadline")

    op.drop_table("enrollments")
    with op.batch_alter_table("classroom_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_classroom_sessions_starts_at")
        batch_op.drop_index("ix_classroom_sessions_instructor_start")

    op.drop_table("classroom_sessions")
    op.drop_table("courses")
