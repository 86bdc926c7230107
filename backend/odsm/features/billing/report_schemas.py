"""The answers of the money reports (revenue and HST per period, receivables by age) and the accountant's CSV.
Every amount is integer cents."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from odsm.core.bounded import LocalPath, SchoolDate

from .schemas import Aging

Grouping = Literal["month", "quarter", "year"]
# The "year" grouping shows the chosen year and the four before it, so the owner sees a trend.
YEARS_SHOWN = 5


class RevenuePeriod(BaseModel):
    label: str = Field(description="Jan … Dec, Q1 … Q4, or the year")
    start: date
    end: date
    revenue_cents: int = Field(description="sales before tax, net of credit notes (the return's line 101)")
    hst_cents: int = Field(description="HST collected, net of credit notes (the return's line 103)")
    invoices: int
    credit_notes: int


class RevenueReport(BaseModel):
    year: int
    grouping: Grouping
    hst_registered: bool
    periods: list[RevenuePeriod]
    revenue_cents: int
    hst_cents: int


class StudentOwing(BaseModel):
    student_id: int
    student_name: str
    invoices: int = Field(description="invoices that still owe")
    owing_cents: int
    oldest_invoice_date: date
    aging: Aging


class Receivables(BaseModel):
    as_of: date
    owing_cents: int
    students_owing: int
    invoices_owing: int
    aging: Aging
    top: list[StudentOwing] = Field(description="the students owing the most, most first")


class AccountantCsvRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: SchoolDate = Field(description="The first day of the period, included.")
    end: SchoolDate = Field(description="The last day of the period, included.")
    file: LocalPath = Field(description="Where the CSV goes: a path main's save dialog returned.")

    @model_validator(mode="after")
    def _order(self) -> AccountantCsvRequest:
        if self.end < self.start:
            raise ValueError("end cannot be before start")
        return self


class AccountantCsvResult(BaseModel):
    file: str
    bytes: int
    start: date
    end: date
    rows: int
    invoices: int
    credit_notes: int
    payments: int = Field(description="payments, refunds and reversals")
