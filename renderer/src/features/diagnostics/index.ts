// The diagnostics feature's public face: Help → Diagnostics.
export { DiagnosticsPage } from './components/diagnostics-page';
