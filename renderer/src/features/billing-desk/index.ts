// The Billing screen (front desk): invoices across the school, and the end-of-day cash-up.
export { BillingDeskPage } from './components/billing-desk-page';
export { billingDeskLive } from './api/live';
