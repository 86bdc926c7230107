// Classroom session shapes come from the backend's contracts.
import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type ClassSession = components['schemas']['SessionRead'];
export type ClassSessionQuery = ChannelRequest<'db:classroom:list'>;
