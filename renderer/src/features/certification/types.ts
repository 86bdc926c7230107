// Certification shapes come from the backend's contracts.
import type { components } from '../../../../shared-contracts/openapi';

export type Worklist = components['schemas']['Worklist'];
export type WorklistRow = components['schemas']['WorklistRow'];
export type BlockedRow = components['schemas']['BlockedRow'];
export type CertifyRequest = components['schemas']['CertifyRequest'];
