"""The API's shapes for money: every amount is integer cents, every tax rate basis points (1300 = 13 %)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict

from odsm.core.bounded import Cents, Flag, Id, Label, Notes, NulFree, SchoolDate, VersionedChange, omitted

ProductKind = Literal["course", "lesson", "pack", "road_test_car", "late_cancel_fee", "no_show_fee"]
InvoiceStatus = Literal["draft", "issued"]
DocumentKind = Literal["invoice", "credit_note"]
PaymentMethod = Literal["cash", "debit", "credit_card", "e_transfer", "cheque"]
PaymentKind = Literal["payment", "refund", "reversal"]
BasisPoints = Annotated[int, Strict(), Field(ge=0, le=10_000, description="1300 = 13 %")]
ProductMinutes = Annotated[int, Strict(), Field(ge=1, le=1000 * 60)]
Quantity = Annotated[int, Strict(), Field(ge=1, le=1000)]
PositiveCents = Annotated[int, Strict(), Field(ge=1, le=100_000_000)]
ProductCode = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9_]+$"), NulFree]
Reason = Annotated[str, Field(max_length=500), NulFree]
Reference = Annotated[str, Field(max_length=100), NulFree]
TermsDays = Annotated[int, Strict(), Field(ge=0, le=365)]
MONEY_REASON = Field(
    default=None, description="why: needed for a refund, a reversal, a credit note, a waived fee or a back-dated record"
)


class ProductCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    code: ProductCode
    kind: ProductKind
    name: Label
    price_cents: Cents
    tax_rate_basis_points: BasisPoints = 1300
    minutes: ProductMinutes | None = Field(default=None, description="a lesson's length or a pack's hours, in minutes")
    active: Flag = True


class ProductUpdate(VersionedChange):
    name: Label = omitted()
    price_cents: Cents = omitted()
    tax_rate_basis_points: BasisPoints = omitted()
    minutes: ProductMinutes = omitted()
    active: Flag = omitted()


class ProductRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    kind: ProductKind
    name: str
    price_cents: int
    tax_rate_basis_points: int
    minutes: int | None
    active: bool
    version: int


class ProductPage(BaseModel):
    items: list[ProductRead]
    total: int


class BillingSettingsRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    enrolment_invoice_status: InvoiceStatus
    payment_terms_days: int
    # From the school settings, shown here so the billing screens need one read.
    hst_registered: bool = False
    hst_number: str = ""
    version: int


class BillingSettingsUpdate(VersionedChange):
    enrolment_invoice_status: InvoiceStatus = omitted()
    payment_terms_days: TermsDays = omitted()


class LineIn(BaseModel):
    """A product line (its price and tax rate taken from the product unless given) or a free line."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    product_id: Id | None = None
    description: Label | None = None
    quantity: Quantity = 1
    unit_price_cents: Cents | None = None
    tax_rate_basis_points: BasisPoints | None = None


class InvoiceCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    student_id: Id
    invoice_date: SchoolDate | None = Field(default=None, description="today when left out")
    lines: list[LineIn] = Field(min_length=1, max_length=100)
    notes: Notes | None = None
    reason: Reason | None = MONEY_REASON
    issue: Flag = Field(default=False, description="issue at once instead of saving a draft")


class InvoiceUpdate(VersionedChange):
    """A draft's changes; lines, when sent, replace all of its lines."""

    invoice_date: SchoolDate = omitted()
    lines: Annotated[list[LineIn], Field(min_length=1, max_length=100)] = omitted()
    notes: Notes | None = None
    reason: Reason | None = MONEY_REASON


class InvoiceIssue(VersionedChange):
    reason: Reason | None = MONEY_REASON


class CreditLineIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    description: Label
    amount_cents: PositiveCents
    tax_rate_basis_points: BasisPoints


class CreditNoteCreate(BaseModel):
    """Credits the whole invoice when no lines are given."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    reason: Reason | None = MONEY_REASON
    credit_date: SchoolDate | None = None
    lines: list[CreditLineIn] | None = Field(default=None, min_length=1, max_length=100)


class FeeWaive(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    reason: Reason | None = MONEY_REASON


class LineRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    position: int
    product_id: int | None
    description: str
    quantity: int
    unit_price_cents: int
    tax_rate_basis_points: int
    amount_cents: int
    prepaid_minutes: int


class TaxLine(BaseModel):
    rate_basis_points: int
    taxable_cents: int
    tax_cents: int


class InvoiceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: DocumentKind
    status: InvoiceStatus
    number: int | None
    document_number: str | None = Field(default=None, description="INV-000001 or CN-000001 once issued")
    student_id: int
    credit_of_id: int | None
    enrollment_id: int | None
    lesson_id: int | None
    invoice_date: date
    due_on: date
    bill_to_name: str
    bill_to_kind: Literal["student", "guardian"]
    hst_registered: bool
    hst_number: str
    subtotal_cents: int
    tax_cents: int
    total_cents: int
    taxes: list[TaxLine] = []
    tax_note: str = ""
    paid_cents: int = 0
    credited_cents: int = 0
    owing_cents: int = 0
    notes: str | None
    reason: str | None
    issued_at: datetime | None
    lines: list[LineRead]
    version: int
    student_name: str = Field(default="", description="the student's own name (filled in on the invoices list)")


@dataclass(frozen=True)
class InvoiceQuery:
    """The invoices list's filters and page, as the route reads them from the query string."""

    student_id: int | None = None
    status: str | None = None
    unpaid: bool = False
    overdue: bool = False
    start: date | None = None
    end: date | None = None
    offset: int = 0
    limit: int = 200


class InvoicePage(BaseModel):
    items: list[InvoiceRead]
    total: int = Field(description="how many invoices match the filters, across all pages")
    offset: int = 0
    limit: int = 200
    owing_total_cents: int | None = Field(
        default=None, description="left to pay on every matching invoice, on all pages: given with unpaid or overdue"
    )


class AllocationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    invoice_id: Id
    amount_cents: PositiveCents


class PaymentCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    student_id: Id
    method: PaymentMethod
    reference: Reference | None = None
    amount_cents: PositiveCents
    received_on: SchoolDate | None = Field(default=None, description="today when left out")
    allocations: list[AllocationIn] | None = Field(
        default=None, max_length=100, description="where it goes; oldest open invoice first when left out"
    )
    reason: Reason | None = MONEY_REASON


class RefundCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    amount_cents: PositiveCents | None = Field(default=None, description="all that is left of the payment if omitted")
    method: PaymentMethod | None = Field(default=None, description="the payment's own method when left out")
    reference: Reference | None = None
    refunded_on: SchoolDate | None = None
    reason: Reason | None = MONEY_REASON


class ReversalCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    reversed_on: SchoolDate | None = None
    reason: Reason | None = MONEY_REASON


class AllocationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    invoice_id: int
    amount_cents: int
    allocated_on: date


class PaymentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: PaymentKind
    student_id: int
    refers_to_id: int | None
    method: PaymentMethod
    reference: str | None
    amount_cents: int
    received_on: date
    reason: str | None
    allocations: list[AllocationRead]
    unallocated_cents: int = 0
    refunded_cents: int = 0
    version: int


class PaymentPage(BaseModel):
    items: list[PaymentRead]
    total: int


class StatementLine(BaseModel):
    on: date
    kind: Literal["invoice", "credit_note", "payment", "refund", "reversal"]
    record_id: int
    description: str
    charge_cents: int
    credit_cents: int
    balance_cents: int


class Aging(BaseModel):
    current_cents: int
    days_31_60_cents: int
    days_61_90_cents: int
    over_90_cents: int


class Statement(BaseModel):
    student_id: int
    as_of: date
    lines: list[StatementLine]
    charges_cents: int
    credits_cents: int
    payments_cents: int
    refunds_cents: int
    balance_cents: int = Field(description="owed by the student; negative is credit on account")
    owing_cents: int
    account_credit_cents: int = Field(description="paid and not yet placed on an invoice: usable later")
    aging: Aging
    prepaid_minutes: int


class PrepaidBalance(BaseModel):
    student_id: int
    bought_minutes: int
    used_minutes: int
    # Minutes a credit note on a pack took back (not counted in used_minutes).
    taken_back_minutes: int = 0
    remaining_minutes: int


class HstRateLine(BaseModel):
    rate_basis_points: int
    sales_cents: int
    tax_cents: int


class HstReport(BaseModel):
    start: date
    end: date
    hst_registered: bool
    hst_number: str
    invoices: int
    credit_notes: int
    revenue_cents: int = Field(description="sales net of credit notes, before tax")
    hst_collected_cents: int
    by_rate: list[HstRateLine]
    line_101_sales_cents: int = Field(description="GST/HST return line 101: sales and other revenue")
    line_103_tax_collected_cents: int = Field(description="line 103: GST/HST collected or collectible")
    line_104_adjustments_cents: int = Field(description="line 104: adjustments (none recorded by the app)")
    line_105_total_cents: int = Field(description="line 105: lines 103 plus 104")


class CashUpMethod(BaseModel):
    method: PaymentMethod
    count: int
    total_cents: int


class CashUpTakenBack(BaseModel):
    """A refund or a reversal of the day, listed on its own with its reason."""

    id: int
    kind: Literal["refund", "reversal"]
    student_id: int
    student_name: str
    refers_to_id: int | None
    method: PaymentMethod
    amount_cents: int
    reason: str | None


class CashUp(BaseModel):
    """The end-of-day cash-up: what came in on one day by method, and what went back out, apart."""

    day: date
    school_name: str
    payments: list[CashUpMethod] = Field(description="every method, in the order the desk counts them")
    payments_count: int
    payments_total_cents: int
    refunds: list[CashUpMethod]
    refunds_count: int
    refunds_total_cents: int
    reversals: list[CashUpMethod]
    reversals_count: int
    reversals_total_cents: int
    taken_back: list[CashUpTakenBack]
    net_cents: int = Field(description="payments less refunds and reversals")
