"""Money: products and prices, invoices and credit notes with their lines, payments and their allocations,
prepaid lesson hours, the billing settings and the gapless document counters. Amounts are integer cents;
tax rates are basis points (1300 = 13 %)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class ProductKind(StrEnum):
    COURSE = "course"
    LESSON = "lesson"
    PACK = "pack"
    ROAD_TEST_CAR = "road_test_car"
    LATE_CANCEL_FEE = "late_cancel_fee"
    NO_SHOW_FEE = "no_show_fee"


class DocumentKind(StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


class InvoiceStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"


class PaymentKind(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"
    REVERSAL = "reversal"


class Product(Audited, Base):
    """Something the school sells, at a price before tax and a tax rate of its own."""

    __tablename__ = "billing_products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # a ProductKind
    name: Mapped[str] = mapped_column(String(200))
    price_cents: Mapped[int] = mapped_column(Integer)
    tax_rate_basis_points: Mapped[int] = mapped_column(Integer, default=1300)
    # A single lesson's length, or a pack's hours (in minutes); none for the others.
    minutes: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class BillingSettings(Audited, Base):
    """One row: the billing choices that are not the school's tax registration (that stays in school_settings)."""

    __tablename__ = "billing_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # What enrolling a student in a course makes of the course invoice: "draft" or "issued".
    enrolment_invoice_status: Mapped[str] = mapped_column(String(10), default=InvoiceStatus.DRAFT)
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=30)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DocumentCounter(Base):
    """The next number of each document series. Issuing takes the row's lock (an UPDATE) inside the issuing
    transaction, so a number is used exactly when its document commits: no gap and no duplicate."""

    __tablename__ = "billing_counters"

    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    next_number: Mapped[int] = mapped_column(Integer)


class Invoice(Audited, Base):
    """An invoice or a credit note (which refers to the invoice it corrects). Its lines are part of it."""

    __tablename__ = "invoices"
    __audit_collections__ = ("lines",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), default=DocumentKind.INVOICE)
    status: Mapped[str] = mapped_column(String(8), default=InvoiceStatus.DRAFT)
    number: Mapped[int | None] = mapped_column(Integer)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    credit_of_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
    enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id"))
    lesson_id: Mapped[int | None] = mapped_column(ForeignKey("lessons.id"))
    invoice_date: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    bill_to_name: Mapped[str] = mapped_column(String(200))
    bill_to_kind: Mapped[str] = mapped_column(String(10))  # "student" or "guardian"
    # The school's registration when the totals were worked out (at issue, frozen with the invoice).
    hst_registered: Mapped[bool] = mapped_column(Boolean)
    hst_number: Mapped[str] = mapped_column(String(40), default="")
    subtotal_cents: Mapped[int] = mapped_column(Integer, default=0)
    tax_cents: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(String(500))
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    lines: Mapped[list[InvoiceLine]] = relationship(
        cascade="all, delete-orphan", order_by="InvoiceLine.position", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("uq_invoices_kind_number", "kind", "number", unique=True),
        Index("ix_invoices_student_date", "student_id", "invoice_date"),
        Index("ix_invoices_status_date", "status", "invoice_date"),
        Index("ix_invoices_credit_of", "credit_of_id"),
    )

    def audit_student_id(self) -> int | None:
        return self.student_id


class InvoiceOwing(Base):
    """What an issued invoice still owes (its total less what is paid on it and its credit notes), kept only
    while it owes something. Derived, never entered: billing's flush hook rewrites an invoice's row in the same
    transaction as the payment, refund, reversal or credit note that changes it, so the unpaid and overdue
    lists read the open invoices alone instead of summing every invoice's payments."""

    __tablename__ = "invoice_owing"

    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), primary_key=True)
    student_id: Mapped[int] = mapped_column(Integer, index=True)
    invoice_date: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    owing_cents: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_invoice_owing_date", "invoice_date", "invoice_id"),
        # Covering: the overdue count and total read the index alone.
        Index("ix_invoice_owing_due", "due_on", "owing_cents"),
    )


class InvoiceTaxRate(Base):
    """An issued document's taxable total and tax at one rate, as issuing froze them (money.totals' rule: half-up
    on the rate's total, nothing when the school was not registered). Written once, in the issue's transaction;
    the HST report adds these up instead of regrouping every line of a period. `first_rate` marks one row per
    document, so the same pass counts the documents."""

    __tablename__ = "invoice_tax_rates"

    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), primary_key=True)
    rate_basis_points: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(12))  # a DocumentKind
    invoice_date: Mapped[date] = mapped_column(Date)
    first_rate: Mapped[bool] = mapped_column(Boolean)
    base_cents: Mapped[int] = mapped_column(Integer)
    tax_cents: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        # Covering, kind and rate first: a period's report reads the index alone, a few ranges of dates.
        Index(
            "ix_invoice_tax_rates_report",
            "kind",
            "rate_basis_points",
            "invoice_date",
            "first_rate",
            "base_cents",
            "tax_cents",
        ),
    )


class InvoiceLine(Base):
    """Audited as part of its invoice."""

    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("billing_products.id"))
    description: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_cents: Mapped[int] = mapped_column(Integer)
    tax_rate_basis_points: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(Integer)
    # Prepaid minutes this line credits to the student when the invoice is issued (a pack).
    prepaid_minutes: Mapped[int] = mapped_column(Integer, default=0)


class Payment(Audited, Base):
    """Money in (a payment) or out (a refund, a reversal such as a bounced cheque, referring to the payment).
    Its allocations to invoices are part of it."""

    __tablename__ = "payments"
    __audit_collections__ = ("allocations",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default=PaymentKind.PAYMENT)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    refers_to_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    method: Mapped[str] = mapped_column(String(12))
    reference: Mapped[str | None] = mapped_column(String(100))
    amount_cents: Mapped[int] = mapped_column(Integer)
    received_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    allocations: Mapped[list[PaymentAllocation]] = relationship(
        cascade="all, delete-orphan", order_by="PaymentAllocation.id", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("ix_payments_student_date", "student_id", "received_on"),
        Index("ix_payments_refers_to", "refers_to_id"),
    )

    def audit_student_id(self) -> int | None:
        return self.student_id


class PaymentAllocation(Base):
    """Part of a payment placed on an invoice; a refund takes part back as a negative row. Audited as part
    of its payment."""

    __tablename__ = "payment_allocations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id", ondelete="CASCADE"), index=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    allocated_on: Mapped[date] = mapped_column(Date)


class PrepaidEntry(Audited, Base):
    """Append-only: prepaid lesson minutes bought (a pack's invoice) or drawn down (a completed lesson)."""

    __tablename__ = "prepaid_minutes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(12))  # "invoice", "lesson" or "credit_note"
    source_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def audit_student_id(self) -> int | None:
        return self.student_id
