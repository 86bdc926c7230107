"""The permission table, written once: which role may do what, and which permission each route needs.

The README and the Settings screen show this same table (GET /api/v1/auth/permissions reads it from here).
With sign-in off nobody is asked: the desk may do everything, as before sign-in existed. With it on, the
route's permission is checked before the route runs (`odsm.features.staff.access`), and an instructor's
calendar, lessons, classes and students are narrowed to their own.

A route missing from ROUTE_PERMISSIONS needs the owner (fail closed), and
backend/tests/staff/test_permissions.py (test_every_route_declares_a_permission) fails until it is named here.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"
    OFFICE = "office"
    INSTRUCTOR = "instructor"


class Permission(StrEnum):
    # No account needed: the health check, sign-in itself, the change stream's kinds.
    PUBLIC = "public"
    # The school's settings, instructors, vehicles and courses as the calendar needs them.
    SCHOOL_READ = "school.read"
    # The calendar; an instructor sees their own only.
    CALENDAR_READ = "calendar.read"
    # Completing a lesson; an instructor completes their own only.
    LESSONS_COMPLETE = "lessons.complete"
    # Recording a class's attendance; an instructor records their own classes only.
    CLASSES_ATTENDANCE = "classes.attendance"
    # Students' records; an instructor reads the list, the record and the lessons of their own students
    # only (a lesson with them, or a place in a class they teach), and no other student read.
    STUDENTS_READ = "students.read"
    STUDENTS_EDIT = "students.edit"
    BOOK = "book"
    # Instructors', vehicles' and courses' records, and importing them.
    RECORDS_EDIT = "records.edit"
    BILLING = "billing"
    REFUND = "refund"
    CREDIT = "credit"
    CERTIFY = "certify"
    AUDIT_READ = "audit.read"
    BACKUPS = "backups"
    SETTINGS_MANAGE = "settings.manage"
    ACCOUNTS_MANAGE = "accounts.manage"


_ALL = frozenset(Role)
_DESK = frozenset({Role.OWNER, Role.OFFICE})
_OWNER = frozenset({Role.OWNER})

PERMISSION_ROLES: dict[Permission, frozenset[Role]] = {
    Permission.PUBLIC: _ALL,
    Permission.SCHOOL_READ: _ALL,
    Permission.CALENDAR_READ: _ALL,
    Permission.LESSONS_COMPLETE: _ALL,
    Permission.CLASSES_ATTENDANCE: _ALL,
    Permission.STUDENTS_READ: _ALL,
    Permission.STUDENTS_EDIT: _DESK,
    Permission.BOOK: _DESK,
    Permission.RECORDS_EDIT: _DESK,
    Permission.BILLING: _DESK,
    Permission.REFUND: _OWNER,
    Permission.CREDIT: _OWNER,
    # The owner may grant it to the office (sign-in settings: office_may_certify).
    Permission.CERTIFY: _OWNER,
    Permission.AUDIT_READ: _DESK,
    Permission.BACKUPS: _DESK,
    Permission.SETTINGS_MANAGE: _OWNER,
    Permission.ACCOUNTS_MANAGE: _OWNER,
}

# The table's words, as Settings shows them to the school's owner.
PERMISSION_WORDS: dict[Permission, str] = {
    Permission.PUBLIC: "Sign in",
    Permission.SCHOOL_READ: "See the school's settings, instructors, vehicles and courses",
    Permission.CALENDAR_READ: "See the calendar and day sheets",
    Permission.LESSONS_COMPLETE: "Complete lessons",
    Permission.CLASSES_ATTENDANCE: "Record class attendance",
    Permission.STUDENTS_READ: "See students and their lessons",
    Permission.STUDENTS_EDIT: "Add and edit students, enrollments and hours",
    Permission.BOOK: "Book, move and cancel lessons and classes",
    Permission.RECORDS_EDIT: "Edit instructors, vehicles and courses, and import them",
    Permission.BILLING: "Invoices and taking payments",
    Permission.REFUND: "Refund payments",
    Permission.CREDIT: "Credit invoices",
    Permission.CERTIFY: "Certify students with the MTO",
    Permission.AUDIT_READ: "Read the audit log",
    Permission.BACKUPS: "Back up and export the school",
    Permission.SETTINGS_MANAGE: "Change the school's settings",
    Permission.ACCOUNTS_MANAGE: "Manage staff accounts and sign-in",
}

# What an instructor may do only on their own calendar, lessons, classes and students.
OWN_ONLY_FOR_INSTRUCTOR = frozenset(
    {Permission.CALENDAR_READ, Permission.LESSONS_COMPLETE, Permission.CLASSES_ATTENDANCE, Permission.STUDENTS_READ}
)

P = Permission
# Route name (the OpenAPI operationId) -> the permission it needs.
ROUTE_PERMISSIONS: dict[str, Permission] = {
    # system
    "health": P.PUBLIC,
    "diagnostics": P.SCHOOL_READ,
    "back_up": P.BACKUPS,
    "backup_progress": P.BACKUPS,
    "restore": P.SETTINGS_MANAGE,
    "try_connection": P.SETTINGS_MANAGE,
    "move_to_server": P.SETTINGS_MANAGE,
    "move_progress": P.SETTINGS_MANAGE,
    "import_progress": P.RECORDS_EDIT,
    "preview_import": P.RECORDS_EDIT,
    "run_import": P.RECORDS_EDIT,
    "export_everything": P.BACKUPS,
    # An instructor's schedule for a phone: the desk makes it (its body names the instructor).
    "write_schedule_file": P.BOOK,
    "changes": P.PUBLIC,
    # school settings
    "get_settings": P.SCHOOL_READ,
    "update_settings": P.SETTINGS_MANAGE,
    # students
    "list_students": P.STUDENTS_READ,
    "create_student": P.STUDENTS_EDIT,
    "get_student": P.STUDENTS_READ,
    "update_student": P.STUDENTS_EDIT,
    "archive_student": P.STUDENTS_EDIT,
    # instructors and vehicles
    "list_instructors": P.SCHOOL_READ,
    "create_instructor": P.RECORDS_EDIT,
    "get_instructor": P.SCHOOL_READ,
    "update_instructor": P.RECORDS_EDIT,
    "add_time_off": P.RECORDS_EDIT,
    "remove_time_off": P.RECORDS_EDIT,
    "list_vehicles": P.SCHOOL_READ,
    "create_vehicle": P.RECORDS_EDIT,
    "get_vehicle": P.SCHOOL_READ,
    "update_vehicle": P.RECORDS_EDIT,
    "add_odometer": P.RECORDS_EDIT,
    "odometer_log": P.SCHOOL_READ,
    # audit
    "verify_audit_chain": P.AUDIT_READ,
    "audit_head": P.AUDIT_READ,
    "audit_integrity": P.AUDIT_READ,
    "audit_chain": P.AUDIT_READ,
    "audit_history": P.AUDIT_READ,
    "audit_filter_options": P.AUDIT_READ,
    "write_audit_csv": P.AUDIT_READ,
    # courses, enrollments and classes
    "list_courses": P.SCHOOL_READ,
    "create_course": P.RECORDS_EDIT,
    "update_course": P.RECORDS_EDIT,
    "list_enrollments": P.STUDENTS_READ,
    "create_enrollment": P.STUDENTS_EDIT,
    "get_enrollment": P.STUDENTS_READ,
    "record_result": P.STUDENTS_EDIT,
    "add_hours": P.STUDENTS_EDIT,
    "add_correction": P.STUDENTS_EDIT,
    "list_sessions": P.CALENDAR_READ,
    "create_session": P.BOOK,
    "record_attendance": P.CLASSES_ATTENDANCE,
    "add_to_roster": P.BOOK,
    "remove_from_roster": P.BOOK,
    # lessons
    "list_lessons": P.CALENDAR_READ,
    "book_lesson": P.BOOK,
    "check_lesson": P.BOOK,
    "day_sheet": P.CALENDAR_READ,
    # Every instructor's day: the desk's (an instructor's account is refused it, not being narrowable).
    "school_day": P.CALENDAR_READ,
    "get_lesson": P.CALENDAR_READ,
    "update_lesson": P.BOOK,
    "complete_lesson": P.LESSONS_COMPLETE,
    "cancel_lesson": P.BOOK,
    "mark_no_show": P.BOOK,
    "find_slots": P.BOOK,
    "student_lessons": P.STUDENTS_READ,
    # Home
    "needs_attention": P.STUDENTS_READ,
    # documents: the packet carries the student's audit entries
    "inspector_packet": P.AUDIT_READ,
    "progress_report": P.STUDENTS_READ,
    "bde_certificate": P.STUDENTS_READ,
    "inspection_bundle_students": P.AUDIT_READ,
    # reminders: main's timer sends; the desk reads the outbox and records consent
    "get_reminder_consent": P.STUDENTS_READ,
    "set_reminder_consent": P.STUDENTS_EDIT,
    "list_outbox": P.STUDENTS_READ,
    "outbox_tomorrow": P.STUDENTS_READ,
    "fill_outbox": P.STUDENTS_EDIT,
    "retry_reminder": P.STUDENTS_EDIT,
    "send_reminders": P.STUDENTS_EDIT,
    "export_sms": P.STUDENTS_EDIT,
    "get_reminder_settings": P.STUDENTS_READ,
    "update_reminder_settings": P.SETTINGS_MANAGE,
    "list_reminder_templates": P.STUDENTS_READ,
    "preview_reminder_template": P.STUDENTS_READ,
    "save_reminder_template": P.SETTINGS_MANAGE,
    # licences and road tests
    "get_licence_history": P.STUDENTS_READ,
    "record_licence_step": P.STUDENTS_EDIT,
    "road_test_eligibility": P.STUDENTS_READ,
    "list_road_tests": P.STUDENTS_READ,
    "get_road_test": P.STUDENTS_READ,
    "book_road_test": P.BOOK,
    "cancel_road_test": P.BOOK,
    "record_road_test_result": P.STUDENTS_EDIT,
    "road_test_charges": P.BILLING,
    "list_drivetest_centres": P.SCHOOL_READ,
    "create_drivetest_centre": P.RECORDS_EDIT,
    "update_drivetest_centre": P.RECORDS_EDIT,
    "get_road_test_settings": P.SCHOOL_READ,
    "update_road_test_settings": P.SETTINGS_MANAGE,
    # money
    "list_products": P.BILLING,
    "create_product": P.SETTINGS_MANAGE,
    "update_product": P.SETTINGS_MANAGE,
    "get_billing_settings": P.BILLING,
    "update_billing_settings": P.SETTINGS_MANAGE,
    "hst_report": P.BILLING,
    "cash_up": P.BILLING,
    "student_statement": P.BILLING,
    "prepaid_hours": P.STUDENTS_READ,
    "apply_credit": P.BILLING,
    "list_invoices": P.BILLING,
    "get_invoice": P.BILLING,
    "create_invoice": P.BILLING,
    "update_invoice": P.BILLING,
    "issue_invoice": P.BILLING,
    # Staff may waive a late-cancel or no-show fee, with a reason (the money issue); other credit notes are the owner's.
    "waive_fee": P.BILLING,
    "credit_invoice": P.CREDIT,
    "list_payments": P.BILLING,
    "get_payment": P.BILLING,
    "take_payment": P.BILLING,
    "refund_payment": P.REFUND,
    "reverse_payment": P.REFUND,
    # money reports and the accountant's CSV
    "revenue_report": P.BILLING,
    "receivables": P.BILLING,
    "write_accountant_csv": P.BILLING,
    # certification
    "certification_worklist": P.STUDENTS_READ,
    "certify_enrollment": P.CERTIFY,
    "certify_batch": P.CERTIFY,
    "list_certifiers": P.STUDENTS_READ,
    # demo school
    "demo_status": P.SCHOOL_READ,
    "load_demo_school": P.SETTINGS_MANAGE,
    # sign-in and accounts
    "auth_status": P.PUBLIC,
    "sign_in": P.PUBLIC,
    "sign_out": P.PUBLIC,
    "recover_owner": P.PUBLIC,
    "permission_table": P.PUBLIC,
    "enable_sign_in": P.ACCOUNTS_MANAGE,
    "disable_sign_in": P.ACCOUNTS_MANAGE,
    "get_sign_in_settings": P.ACCOUNTS_MANAGE,
    "update_sign_in_settings": P.ACCOUNTS_MANAGE,
    "new_recovery_code": P.ACCOUNTS_MANAGE,
    "list_staff": P.ACCOUNTS_MANAGE,
    "create_staff": P.ACCOUNTS_MANAGE,
    "update_staff": P.ACCOUNTS_MANAGE,
    "set_staff_password": P.ACCOUNTS_MANAGE,
}
del P

# A route nobody named needs the owner: a new route is never open by mistake.
UNDECLARED = Permission.ACCOUNTS_MANAGE


def permission_for_route(name: str) -> Permission:
    return ROUTE_PERMISSIONS.get(name, UNDECLARED)


def role_may(role: Role, permission: Permission, *, office_may_certify: bool) -> bool:
    if permission is Permission.CERTIFY and role is Role.OFFICE and office_may_certify:
        return True
    return role in PERMISSION_ROLES[permission]
