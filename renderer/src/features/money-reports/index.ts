// The money reports feature's public face: the Money reports screen.
export { MoneyReportsPage } from './components/money-reports-page';
export { moneyReportsLive } from './api/live';
