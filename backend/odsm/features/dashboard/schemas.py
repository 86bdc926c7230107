from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class UnfinishedLesson(BaseModel):
    id: int
    starts_at: datetime
    ends_at: datetime
    student_id: int
    student_name: str
    instructor_name: str
    vehicle_plate: str


class StudentGap(BaseModel):
    student_id: int
    student_name: str
    date_of_birth: date


class NeedsAttention(BaseModel):
    """What Home asks the desk to deal with; each list holds the first few, its total counts them all."""

    today: date = Field(description="the school's local date the lists were read on")
    unfinished_lessons: list[UnfinishedLesson]
    unfinished_total: int
    no_consent: list[StudentGap]
    no_consent_total: int
    minors_without_guardian: list[StudentGap]
    minors_without_guardian_total: int
