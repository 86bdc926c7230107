// The billing feature's public face: a student's account, taking a payment, the balance where it is needed.
import './billing.css';

export { AccountFacts } from './components/account-facts';
export { PricesSection } from './components/prices-section';
export { StudentAccount } from './components/student-account';
export { TakePaymentButton, TAKE_PAYMENT_ACTION } from './components/take-payment-button';
export { billingLive } from './api/live';
