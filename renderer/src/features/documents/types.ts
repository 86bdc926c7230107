import type { components } from '../../../../shared-contracts/openapi';

export type InspectorPacket = components['schemas']['InspectorPacket'];
export type PacketLesson = components['schemas']['PacketLesson'];
export type PacketAttendance = components['schemas']['PacketAttendance'];
export type DocumentSchool = components['schemas']['DocumentSchool'];
export type ProgressReport = components['schemas']['ProgressReport'];
export type ProgressLesson = components['schemas']['ProgressLesson'];
export type Invoice = components['schemas']['InvoiceRead'];
export type Payment = components['schemas']['PaymentRead'];
export type Statement = components['schemas']['Statement'];
export type SchoolSettings = components['schemas']['SchoolSettingsRead'];
export type Student = components['schemas']['StudentRead'];
export type StatementLine = components['schemas']['StatementLine'];
export type Certificate = components['schemas']['Certificate'];
