"""The errors every record type shares, named once: "no such record" and "someone else changed it".

`class CourseNotFound(RecordNotFound, record="course")` gives the code `course.not_found` and the message
"No course has that id.", the wording every feature used when each wrote its own copy.
"""

from __future__ import annotations

from typing import Any

from odsm.core.errors import AppError, NotFound


class RecordNotFound(NotFound):
    def __init_subclass__(cls, record: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if record:
            cls.code = f"{record}.not_found"
            cls.default_message = f"No {record} has that id."


class Conflict(AppError):
    """The request clashes with the record's current state (HTTP 409)."""

    status_code = 409


class RecordVersionConflict(Conflict):
    def __init_subclass__(cls, record: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if record:
            cls.code = f"{record}.version_conflict"
            cls.default_message = (
                f"Someone else changed this {record} since you opened it. Reload to see their changes."
            )
