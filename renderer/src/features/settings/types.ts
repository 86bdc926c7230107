// School settings shapes come from the backend's contracts.
import type { components } from '../../../../shared-contracts/openapi';

export type SchoolSettings = components['schemas']['SchoolSettingsRead'];
export type SchoolSettingsUpdate = components['schemas']['SchoolSettingsUpdate'];

export const SETTINGS_VERSION_CONFLICT = 'settings.version_conflict';
