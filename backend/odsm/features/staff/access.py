"""The one check every route passes: the permission the table names for it, asked of the desk's account.

`app.py` hangs `check_permission` on every router it includes. With sign-in off it lets everything through
and the audit log keeps the OS account alone; with it on, the request's `X-ODSM-Session` token (main
attaches it; the renderer never sees it) names the account, the account's role must hold the route's
permission, an instructor is held to their own calendar, lessons, classes and students, and the audit log
records the account beside the OS account.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from odsm.core import audit
from odsm.core.quick_reads import reads_may_run_on_event_loop
from odsm.features.students.service import StudentService

from . import repository as repo
from .desk import Access
from .errors import PermissionDenied, SignInRequired
from .permissions import OWN_ONLY_FOR_INSTRUCTOR, Permission, Role, permission_for_route
from .service import StaffService

SESSION_HEADER = "x-odsm-session"
T = TypeVar("T")

# Where an instructor's own records are named: a query parameter, or the record in the path.
# A route under an own-only permission that none of these names is refused to an instructor as if the role
# lacked it (fail closed): of the students' reads only the list, the record and the lessons are narrowed.
_OWN_BY_QUERY = {"list_lessons", "day_sheet", "list_sessions", "list_students"}
_OWN_BY_LESSON = {"get_lesson", "complete_lesson"}
_OWN_BY_CLASS = {"record_attendance"}
_OWN_BY_STUDENT = {"get_student", "student_lessons"}


def session_token(request: Request) -> str | None:
    return request.headers.get(SESSION_HEADER) or None


async def _run(request: Request, fn: Callable[[], T]) -> T:
    # On SQLite a read this small costs less than the hop to a worker thread (see quick_reads).
    if reads_may_run_on_event_loop(request.app.state.settings):
        return fn()
    return await run_in_threadpool(fn)


async def check_permission(request: Request) -> None:
    """async on purpose: the audit actor it sets must reach the route, in the request's own context."""
    route = request.scope.get("route")
    name = getattr(route, "name", "")
    permission = permission_for_route(name)
    if permission is Permission.PUBLIC:
        return
    svc = StaffService(request.app.state.db)
    access = await _run(request, lambda: svc.access(session_token(request)))
    if not access.enabled:
        return
    if access.account is None:
        raise SignInRequired(details={"permission": permission.value})
    if not access.may(permission):
        raise PermissionDenied(details={"permission": permission.value, "role": access.account.role.value})
    if access.account.role is Role.INSTRUCTOR and permission in OWN_ONLY_FOR_INSTRUCTOR:
        await _run(request, lambda: _hold_to_own(svc, request, name, access, permission))
    audit.current_actor.set(audit.actor_with_staff(audit.current_actor.get(), access.account.id))


def _hold_to_own(svc: StaffService, request: Request, name: str, access: Access, permission: Permission) -> None:
    assert access.account is not None
    own = access.account.instructor_id
    if name in _OWN_BY_QUERY:
        given = request.query_params.get("instructor_id")
        if given is not None and given == str(own):
            return
    elif name in _OWN_BY_LESSON or name in _OWN_BY_CLASS:
        key, query = (
            ("lesson_id", repo.lesson_instructor) if name in _OWN_BY_LESSON else ("session_id", repo.class_instructor)
        )
        record_id = request.path_params.get(key, "")
        if not str(record_id).isdigit():
            return  # not a valid id: the route's own validation refuses it
        found = svc.db.read(lambda s: s.scalar(query(int(record_id))))
        if found is None or found == own:
            return  # an unknown record answers its own 404
    elif name in _OWN_BY_STUDENT:
        student_id = request.path_params.get("student_id") or request.query_params.get("student_id") or ""
        if not str(student_id).isdigit():
            return  # not a valid id: the route's own validation refuses it
        if own is not None and StudentService(svc.db).is_taught_by(int(student_id), own) is not False:
            return  # their own student, or an unknown one (its own 404)
    else:  # a read no instructor is narrowed to (a student's enrollments, the worklist): the desk's alone
        raise PermissionDenied(details={"permission": permission.value, "role": Role.INSTRUCTOR.value})
    raise PermissionDenied(
        "An instructor's account sees and changes only their own calendar, lessons, classes and students.",
        details={"permission": permission.value, "role": Role.INSTRUCTOR.value, "own_only": True},
    )
