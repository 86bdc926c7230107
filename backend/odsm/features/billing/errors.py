"""Each money rule refuses with its own stable code; the details name what the front desk needs to see."""

from odsm.core.errors import AppError
from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class ProductNotFound(RecordNotFound, record="product"): ...


class InvoiceNotFound(RecordNotFound, record="invoice"): ...


class PaymentNotFound(RecordNotFound, record="payment"): ...


class ProductVersionConflict(RecordVersionConflict, record="product"): ...


class InvoiceVersionConflict(RecordVersionConflict, record="invoice"): ...


class BillingSettingsVersionConflict(Conflict):
    code = "billing_settings.version_conflict"
    default_message = "Someone else changed the billing settings since you opened them. Reload to see their changes."


class ProductCodeTaken(Conflict):
    code = "product.code_taken"
    default_message = "Another product already has that code."


class ProductInactive(AppError):
    status_code = 422
    code = "product.inactive"
    default_message = "That product is no longer sold."


class InvoiceIssuedImmutable(Conflict):
    code = "invoice.issued_immutable"
    default_message = "This invoice has been issued and can't be changed. Issue a credit note to correct it."


class InvoiceNotIssued(Conflict):
    code = "invoice.not_issued"
    default_message = "Only an issued invoice can be credited or paid."


class InvoiceEmpty(AppError):
    status_code = 422
    code = "invoice.empty"
    default_message = "An invoice needs at least one line with an amount before it is issued."


class CreditNoteOfCreditNote(AppError):
    status_code = 422
    code = "credit_note.of_credit_note"
    default_message = "A credit note corrects an invoice, not another credit note."


class CreditNoteExceedsInvoice(Conflict):
    code = "credit_note.exceeds_invoice"
    default_message = "The credit notes on this invoice would add up to more than the invoice itself."


class FeeAlreadyWaived(Conflict):
    code = "fee.already_credited"
    default_message = "This fee has already been waived or credited."


class NotAFee(AppError):
    status_code = 422
    code = "fee.not_a_fee"
    default_message = "Only a late-cancel or no-show fee can be waived; correct other invoices with a credit note."


class PaymentOtherStudentsInvoice(AppError):
    status_code = 422
    code = "payment.other_students_invoice"
    default_message = "That invoice belongs to another student: a payment can only go to the payer's own invoices."


class PaymentExceedsInvoice(AppError):
    status_code = 422
    code = "payment.exceeds_invoice_balance"
    default_message = "More is placed on an invoice than it still owes."


class PaymentAllocationsExceedPayment(AppError):
    status_code = 422
    code = "payment.allocations_exceed_payment"
    default_message = "The amounts placed on invoices add up to more than the payment."


class RefundExceedsPaid(Conflict):
    code = "refund.exceeds_paid"
    default_message = "That is more than is left of the payment to refund."


class RefundOfRefund(AppError):
    status_code = 422
    code = "refund.not_a_payment"
    default_message = "Only a payment can be refunded or reversed, not a refund or reversal."


class NoCreditToApply(Conflict):
    code = "account.no_credit"
    default_message = "The student has no credit on account, or nothing is owing."


class MoneyDateInFuture(AppError):
    status_code = 422
    code = "money.future_date"
    default_message = "A money record can't be dated in the future."


class MoneyBackdateNeedsReason(AppError):
    status_code = 422
    code = "money.backdate_needs_reason"
    default_message = "A money record dated earlier than the grace period allows needs a reason."


class ReasonRequired(AppError):
    """A refund, a reversal, a credit note or a waived fee says why (the reason goes into the audit log)."""

    status_code = 422
    code = "money.reason_required"
    default_message = "Say why: refunds, reversals, credit notes and waived fees need a reason."
