// The certification feature's public face.
export { useWorklist } from './api/certification';
export { CertificationPage } from './components/certification-page';
export { HoursSummary } from './components/hours-summary';
export { certificationLive } from './api/live';
