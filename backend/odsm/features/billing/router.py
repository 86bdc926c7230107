"""Money over HTTP: `/billing` (products, settings, a student's account, the HST report) on `db:billing:*`,
`/invoices` on `db:invoices:*` and `/payments` on `db:payments:*`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import Offset, OptionalQueryId, PathId, SchoolDate
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .report_schemas import AccountantCsvRequest, AccountantCsvResult, Grouping, Receivables, RevenueReport
from .report_service import MoneyReportService
from .schemas import (
    BillingSettingsRead,
    BillingSettingsUpdate,
    CashUp,
    CreditNoteCreate,
    FeeWaive,
    HstReport,
    InvoiceCreate,
    InvoiceIssue,
    InvoicePage,
    InvoiceQuery,
    InvoiceRead,
    InvoiceStatus,
    InvoiceUpdate,
    PaymentCreate,
    PaymentPage,
    PaymentRead,
    PrepaidBalance,
    ProductCreate,
    ProductPage,
    ProductRead,
    ProductUpdate,
    RefundCreate,
    ReversalCreate,
    Statement,
)
from .service import BillingService, InvoiceService, PaymentService

BillingSvc = Annotated[BillingService, Depends(service_from_app(BillingService))]
InvoiceSvc = Annotated[InvoiceService, Depends(service_from_app(InvoiceService))]
PaymentSvc = Annotated[PaymentService, Depends(service_from_app(PaymentService))]
ReportSvc = Annotated[MoneyReportService, Depends(service_from_app(MoneyReportService))]
Limit = Annotated[int, Query(ge=1, le=5000)]
OptionalDate = Annotated[SchoolDate | None, Query()]

billing_router = APIRouter(prefix="/billing", tags=["billing"])
billing = channels_for("billing")


@billing_router.get(
    "/products", response_model=ProductPage, responses=refusals(422), openapi_extra=billing("listProducts")
)
def list_products(svc: BillingSvc, include_inactive: bool = False) -> ProductPage:
    return svc.products(include_inactive)


@billing_router.post(
    "/products",
    response_model=ProductRead,
    status_code=201,
    responses=refusals(409, 422),
    openapi_extra=billing("createProduct"),
)
def create_product(data: ProductCreate, svc: BillingSvc) -> ProductRead:
    return svc.create_product(data)


@billing_router.patch(
    "/products/{product_id}",
    response_model=ProductRead,
    responses=refusals(404, 409, 422),
    openapi_extra=billing("updateProduct"),
)
def update_product(product_id: PathId, data: ProductUpdate, svc: BillingSvc) -> ProductRead:
    return svc.update_product(product_id, data)


@billing_router.get(
    "/settings", response_model=BillingSettingsRead, responses=refusals(422), openapi_extra=billing("getSettings")
)
def get_billing_settings(svc: BillingSvc) -> BillingSettingsRead:
    return svc.settings()


@billing_router.patch(
    "/settings",
    response_model=BillingSettingsRead,
    responses=refusals(409, 422),
    openapi_extra=billing("updateSettings"),
)
def update_billing_settings(data: BillingSettingsUpdate, svc: BillingSvc) -> BillingSettingsRead:
    return svc.update_settings(data)


@billing_router.get(
    "/students/{student_id}/statement",
    response_model=Statement,
    responses=refusals(404, 422),
    openapi_extra=billing("statement"),
)
def student_statement(student_id: PathId, svc: BillingSvc, as_of: OptionalDate = None) -> Statement:
    return svc.statement(student_id, as_of)


@billing_router.get(
    "/students/{student_id}/prepaid",
    response_model=PrepaidBalance,
    responses=refusals(404, 422),
    openapi_extra=billing("prepaidHours"),
)
def prepaid_hours(student_id: PathId, svc: BillingSvc) -> PrepaidBalance:
    return svc.prepaid(student_id)


@billing_router.post(
    "/students/{student_id}/apply-credit",
    response_model=Statement,
    responses=refusals(404, 409, 422),
    openapi_extra=billing("applyCredit"),
)
def apply_credit(student_id: PathId, svc: BillingSvc) -> Statement:
    """Places the student's credit on account on the open invoices, oldest first."""
    return svc.apply_credit(student_id)


@billing_router.get(
    "/hst-report", response_model=HstReport, responses=refusals(422), openapi_extra=billing("hstReport")
)
def hst_report(
    start: Annotated[SchoolDate, Query()], end: Annotated[SchoolDate, Query()], svc: BillingSvc
) -> HstReport:
    return svc.hst_report(start, end)


@billing_router.get("/revenue", response_model=RevenueReport, responses=refusals(422), openapi_extra=billing("revenue"))
def revenue_report(
    svc: ReportSvc,
    year: Annotated[int, Query(ge=1900, le=2200)],
    grouping: Annotated[Grouping, Query()] = "month",
) -> RevenueReport:
    """Sales before tax and HST collected, net of credit notes, per month, quarter or year."""
    return svc.revenue(year, grouping)


@billing_router.get(
    "/receivables", response_model=Receivables, responses=refusals(422), openapi_extra=billing("receivables")
)
def receivables(svc: ReportSvc, limit: Annotated[int, Query(ge=1, le=100)] = 10) -> Receivables:
    """What the school is owed by age (from each invoice's date), and the students owing the most."""
    return svc.receivables(limit)


# No IPC channel: main alone calls this, with a path the user picked in a native save dialog.
@billing_router.post("/accountant-csv", response_model=AccountantCsvResult, status_code=201, responses=refusals(422))
def write_accountant_csv(body: AccountantCsvRequest, svc: ReportSvc) -> AccountantCsvResult:
    """Invoices, credit notes and payments of a period as one CSV for the school's accountant."""
    return svc.write_accountant_csv(body)


@billing_router.get("/cash-up", response_model=CashUp, responses=refusals(422), openapi_extra=billing("cashUp"))
def cash_up(day: Annotated[SchoolDate, Query()], svc: BillingSvc) -> CashUp:
    """The end-of-day cash-up: the day's payments by method, refunds and reversals apart."""
    return svc.cash_up(day)


invoice_records = RecordRoutes("invoices", InvoiceSvc, record_id="invoice_id")
invoices_router, invoice_channel = invoice_records.router, invoice_records.channel


@invoices_router.get("", response_model=InvoicePage, responses=refusals(422), openapi_extra=invoice_channel("list"))
def list_invoices(
    svc: InvoiceSvc,
    student_id: OptionalQueryId = None,
    status: Annotated[InvoiceStatus | None, Query()] = None,
    unpaid: Annotated[bool, Query(description="issued invoices with something still owing")] = False,
    overdue: Annotated[bool, Query(description="unpaid and past the due date the school's terms set")] = False,
    start: OptionalDate = None,
    end: OptionalDate = None,
    offset: Offset = 0,
    limit: Limit = 200,
) -> InvoicePage:
    return svc.list(InvoiceQuery(student_id, status, unpaid, overdue, start, end, offset, limit))


invoice_records.create("create_invoice", InvoiceService.create, InvoiceCreate, InvoiceRead, refuses=(404, 409, 422))
invoice_records.get("get_invoice", InvoiceService.get, InvoiceRead)
invoice_records.update("update_invoice", InvoiceService.update, InvoiceUpdate, InvoiceRead)
invoice_records.action("/issue", "issue", "issue_invoice", InvoiceService.issue, InvoiceIssue, InvoiceRead)
invoice_records.action(
    "/credit-notes", "credit", "credit_invoice", InvoiceService.credit, CreditNoteCreate, InvoiceRead, status_code=201
)
invoice_records.action(
    "/waive", "waiveFee", "waive_fee", InvoiceService.waive_fee, FeeWaive, InvoiceRead, status_code=201
)

payment_records = RecordRoutes("payments", PaymentSvc, record_id="payment_id")
payments_router, payment_channel = payment_records.router, payment_records.channel


@payments_router.get("", response_model=PaymentPage, responses=refusals(422), openapi_extra=payment_channel("list"))
def list_payments(
    svc: PaymentSvc,
    student_id: OptionalQueryId = None,
    start: OptionalDate = None,
    end: OptionalDate = None,
    limit: Limit = 200,
) -> PaymentPage:
    return svc.list(student_id, start, end, limit)


payment_records.create(
    "take_payment", PaymentService.take, PaymentCreate, PaymentRead, verb="take", refuses=(404, 409, 422)
)
payment_records.get("get_payment", PaymentService.get, PaymentRead)
payment_records.action(
    "/refund", "refund", "refund_payment", PaymentService.refund, RefundCreate, PaymentRead, status_code=201
)
payment_records.action(
    "/reverse", "reverse", "reverse_payment", PaymentService.reverse, ReversalCreate, PaymentRead, status_code=201
)

routers = (billing_router, invoices_router, payments_router)
__all__ = ["routers"]
