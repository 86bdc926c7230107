"""school records core: settings, instructors, vehicles, audit log"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_entity"), ["entity"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_student_id"), ["student_id"], unique=False)

    op.create_table(
        "instructors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("di_licence_number", sa.String(length=40), nullable=False),
        sa.Column("di_licence_expiry", sa.Date(), nullable=False),
        sa.Column("authorised_in_car", sa.Boolean(), nullable=False),
        sa.Column("authorised_classroom", sa.Boolean(), nullable=False),
        sa.Column("criminal_check_date", sa.Date(), nullable=True),
        sa.Column("driver_abstract_date", sa.Date(), nullable=True),
        sa.Column("city_licence_expiry", sa.Date(), nullable=True),
        sa.Column("own_car_insurance_expiry", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instructors")),
    )
    op.create_table(
        "school_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("mto_school_number", sa.String(length=40), nullable=False),
        sa.Column("hst_number", sa.String(length=40), nullable=False),
        sa.Column("hst_registered", sa.Boolean(), nullable=False),
        sa.Column("time_zone", sa.String(length=60), nullable=False),
        sa.Column("bde_classroom_minutes", sa.Integer(), nullable=False),
        sa.Column("bde_in_car_minutes", sa.Integer(), nullable=False),
        sa.Column("bde_flex_minutes", sa.Integer(), nullable=False),
        sa.Column("max_classroom_minutes_per_day", sa.Integer(), nullable=False),
        sa.Column("max_in_car_minutes_per_day", sa.Integer(), nullable=False),
        sa.Column("max_in_car_minutes_on_full_classroom_day", sa.Integer(), nullable=False),
        sa.Column("completion_deadline_days", sa.Integer(), nullable=False),
        sa.Column("g1_night_start_minute", sa.Integer(), nullable=False),
        sa.Column("g1_night_end_minute", sa.Integer(), nullable=False),
        sa.Column("expiry_warning_days", sa.Integer(), nullable=False),
        sa.Column("at_risk_days", sa.Integer(), nullable=False),
        sa.Column("late_cancel_notice_hours", sa.Integer(), nullable=False),
        sa.Column("late_cancel_fee_cents", sa.Integer(), nullable=False),
        sa.Column("class_size_max", sa.Integer(), nullable=False),
        sa.Column("pass_mark_percent", sa.Integer(), nullable=False),
        sa.Column("certification_fee_cents", sa.Integer(), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_settings")),
    )
    op.create_table(
        "vehicles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plate", sa.String(length=12), nullable=False),
        sa.Column("vin", sa.String(length=17), nullable=False),
        sa.Column("make", sa.String(length=60), nullable=False),
        sa.Column("model", sa.String(length=60), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("transmission", sa.String(length=10), nullable=False),
        sa.Column("dual_brake", sa.Boolean(), nullable=False),
        sa.Column("insurance_expiry", sa.Date(), nullable=False),
        sa.Column("inspection_expiry", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicles")),
        sa.UniqueConstraint("plate", name=op.f("uq_vehicles_plate")),
    )
    op.create_table(
        "instructor_availability",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instructor_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instructor_id"],
            ["instructors.id"],
            name=op.f("fk_instructor_availability_instructor_id_instructors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instructor_availability")),
    )
    with op.batch_alter_table("instructor_availability", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_instructor_availability_instructor_id"), ["instructor_id"], unique=False)

    op.create_table(
        "instructor_time_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("instructor_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["instructor_id"],
            ["instructors.id"],
            name=op.f("fk_instructor_time_off_instructor_id_instructors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instructor_time_off")),
    )
    with op.batch_alter_table("instructor_time_off", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_instructor_time_off_instructor_id"), ["instructor_id"], unique=False)

    op.create_table(
        "odometer_readings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vehicle_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("km", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["vehicle_id"], ["vehicles.id"], name=op.f("fk_odometer_readings_vehicle_id_vehicles")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_odometer_readings")),
    )
    with op.batch_alter_table("odometer_readings", schema=None) as batch_op:
        batch_op.create_index("ix_odometer_readings_vehicle_time", ["vehicle_id", "recorded_at"], unique=False)

    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.add_column(sa.Column("licence_expiry", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("guardian_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("guardian_phone", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("guardian_email", sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column("emergency_contact_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("emergency_contact_phone", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True))

    _make_audit_log_append_only()


def _make_audit_log_append_only() -> None:
    """The audit log refuses UPDATE and DELETE; the hash chain catches anyone who drops the guard."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.drop_column("consent_at")
        batch_op.drop_column("emergency_contact_phone")
        batch_op.drop_column("emergency_contact_name")
        batch_op.drop_column("guardian_email")
        batch_op.drop_column("guardian_phone")
        batch_op.drop_column("guardian_name")
        batch_op.drop_column("licence_expiry")

    with op.batch_alter_table("odometer_readings", schema=None) as batch_op:
        batch_op.drop_index("ix_odometer_readings_vehicle_time")

    op.drop_table("odometer_readings")
    with op.batch_alter_table("instructor_time_off", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instructor_time_off_instructor_id"))

    op.drop_table("instructor_time_off")
    with op.batch_alter_table("instructor_availability", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instructor_availability_instructor_id"))

    op.drop_table("instructor_availability")
    op.drop_table("vehicles")
    op.drop_table("school_settings")
    op.drop_table("instructors")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_student_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_entity"))

    op.drop_table("audit_log")
