// The road tests feature's public face.
export { RoadTestDialog } from './components/road-test-dialog';
export { RoadTestActionsDialog } from './components/road-test-actions-dialog';
export { RoadTestList } from './components/road-test-list';
