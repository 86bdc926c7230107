// The demo feature's public face.
export { FirstRunCard } from './components/first-run-card';
export { demoLive } from './api/live';
