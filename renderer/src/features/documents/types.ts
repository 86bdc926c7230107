import type { components } from '../../../../shared-contracts/openapi';

export type InspectorPacket = components['schemas']['InspectorPacket'];
export type PacketLesson = components['schemas']['PacketLesson'];
export type PacketAttendance = components['schemas']['PacketAttendance'];
export type DocumentSchool = components['schemas']['DocumentSchool'];
export type ProgressReport = components['schemas']['ProgressReport'];
export type ProgressLesson = components['schemas']['ProgressLesson'];
export type Certificate = components['schemas']['Certificate'];
