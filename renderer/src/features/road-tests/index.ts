// The road tests feature's public face.
export { RoadTestDialog } from './components/road-test-dialog';
