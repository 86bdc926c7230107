// Staff sign-in's public face: the gate over the app, who is signed in, and the Settings section.
export { SignInGate } from './components/sign-in-gate';
export { SignedInAs } from './components/signed-in-as';
export { SignInSection } from './components/sign-in-section';
export { useOwnInstructorId, useSignedInAccountId } from './api/auth';
export { accessFrom, may, useAccess, useMay, EVERYTHING, type Access } from './api/access';
export { NotAllowed } from './components/not-allowed';
