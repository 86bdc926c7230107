// The dashboard feature's public face: the Home screen.
export { DashboardPage } from './components/dashboard-page';
export { dashboardLive } from './api/attention';
