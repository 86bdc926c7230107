// School settings shapes come from the backend's contracts.
import type { components } from '../../../../shared-contracts/openapi';

export type SchoolSettings = components['schemas']['SchoolSettingsRead'];
export type SchoolSettingsUpdate = components['schemas']['SchoolSettingsUpdate'];

export const SETTINGS_VERSION_CONFLICT = 'settings.version_conflict';
export type MinistryLimits = components['schemas']['MinistryLimits'];

/** A value below the Ministry's 20/10/10 hours or above its one-year deadline; details name each field. */
export const LOOSER_THAN_MINISTRY = 'settings.looser_than_ministry';
