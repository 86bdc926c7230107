// Certification shapes come from the backend's contracts.
import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type Worklist = components['schemas']['Worklist'];
export type WorklistRow = components['schemas']['WorklistRow'];
export type BlockedRow = components['schemas']['BlockedRow'];
export type CertifyRequest = components['schemas']['CertifyRequest'];
export type CertifyBatch = components['schemas']['CertifyBatch'];
export type BatchResult = components['schemas']['BatchResult'];
export type BatchOutcome = components['schemas']['BatchOutcome'];
export type Certifier = components['schemas']['Certifier'];
export type CertifierRef = components['schemas']['CertifierRef'];
export type WorklistState = components['schemas']['WorklistState'];
export type WorklistQuery = Omit<ChannelRequest<'db:certification:worklist'>, 'limit'>;
