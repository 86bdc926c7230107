"""create_app(settings): routers, middleware and the error handler. Nothing runs at import time."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from sqlalchemy import Engine

from odsm import __version__
from odsm.core.change_capture import ChangeCapture, capture_changes
from odsm.core.change_feed import ChangeFeed
from odsm.core.config import Settings
from odsm.core.errors import install_error_handlers
from odsm.core.idempotency import claim_idempotency_key
from odsm.core.idempotency_middleware import IdempotencyMiddleware
from odsm.core.request_context import RequestContextMiddleware
from odsm.core.timings import RequestTimings, Timings, time_queries
from odsm.core.unit_of_work import Database
from odsm.features.audit.router import router as audit_router
from odsm.features.backups.router import router as backups_router
from odsm.features.billing.router import routers as billing_routers
from odsm.features.calendar_files.router import router as calendar_files_router
from odsm.features.certification.router import router as certification_router
from odsm.features.changes.router import router as changes_router
from odsm.features.classroom.router import router as classroom_router
from odsm.features.connections.router import router as connections_router
from odsm.features.courses.router import router as courses_router
from odsm.features.dashboard.router import router as dashboard_router
from odsm.features.demo.router import router as demo_router
from odsm.features.documents.router import router as documents_router
from odsm.features.enrollments.router import router as enrollments_router
from odsm.features.exports.router import router as exports_router
from odsm.features.imports.router import router as imports_router
from odsm.features.instructors.router import router as instructors_router
from odsm.features.lessons.router import router as lessons_router
from odsm.features.licences.router import router as licences_router
from odsm.features.moving.router import router as moving_router
from odsm.features.reminders.router import router as reminders_router
from odsm.features.reminders.router import system_router as reminders_system_router
from odsm.features.road_tests.router import router as road_tests_router
from odsm.features.school.router import router as school_router
from odsm.features.staff.access import check_permission
from odsm.features.staff.router import routers as staff_routers
from odsm.features.students.router import router as students_router
from odsm.features.system.router import router as system_router
from odsm.features.vehicles.router import router as vehicles_router

API_PREFIX = "/api/v1"
# Writes whose body or answer carries a secret (a password, a recovery code, the SMTP password): no
# Idempotency-Key is kept for them, so neither the answer nor a fingerprint of the body is stored. A retry
# of one is refused or harmless instead (a login taken, a password set again, a new recovery code).
SECRET_BEARING_PATHS = (f"{API_PREFIX}/auth/", f"{API_PREFIX}/staff", f"{API_PREFIX}/system/reminders/send")


def open_database(settings: Settings, engine: Engine | None = None) -> Database:
    """The database the app serves from: each write also claims the request's Idempotency-Key, in the
    write's own transaction (the middleware below sets which key), and names the kinds of record it
    changed to the change stream."""
    return Database(settings, engine, write_hooks=[claim_idempotency_key, capture_changes(settings)])


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    app = FastAPI(
        title="Ontario Driving School Manager",
        version=__version__,
        # The API is private to the desktop app: no docs UI is served.
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        # operationId = the route function's name, so generated types read well.
        generate_unique_id_function=lambda route: route.name,
    )
    app.state.settings = settings
    # Help → Diagnostics: request and query times, refusals and faults since start.
    app.state.request_timings = RequestTimings()
    app.state.query_timings = Timings()
    if db is not None:
        app.state.db = db
        time_queries(db.engine, app.state.query_timings)
    # The change stream's feed: from the database's change capture, or one that never tells (no database).
    captures = [hook for hook in db.write_hooks if isinstance(hook, ChangeCapture)] if db is not None else []
    app.state.change_feed = captures[0].feed if captures else ChangeFeed()
    for router in (
        system_router,
        backups_router,
        connections_router,
        moving_router,
        imports_router,
        exports_router,
        calendar_files_router,
        reminders_system_router,
        school_router,
        students_router,
        instructors_router,
        vehicles_router,
        audit_router,
        courses_router,
        enrollments_router,
        classroom_router,
        lessons_router,
        certification_router,
        dashboard_router,
        reminders_router,
        licences_router,
        road_tests_router,
        demo_router,
        documents_router,
        changes_router,
        *billing_routers,
        *staff_routers,
    ):
        # Every route asks the permission table first (a no-op while sign-in is off).
        app.include_router(router, prefix=API_PREFIX, dependencies=[Depends(check_permission)])
    install_error_handlers(app)
    # No CORSMiddleware on purpose: no browser origin is allowed to call the backend.
    # Order: the request context (auth, request id) wraps the idempotency replay.
    if db is not None:
        if claim_idempotency_key not in db.write_hooks:
            # Without the claim, a retry sent while the first attempt still runs would write twice.
            raise ValueError("create_app needs a database from open_database(settings)")
        app.add_middleware(IdempotencyMiddleware, db=db, unkeyed_paths=SECRET_BEARING_PATHS)
    secret = settings.api_secret.get_secret_value() if settings.api_secret else None
    app.add_middleware(RequestContextMiddleware, secret=secret, timings=app.state.request_timings)
    return app
