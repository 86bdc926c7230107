import type { ComponentType } from 'react';
import { AuditPage } from '../features/audit';
import { BillingDeskPage } from '../features/billing-desk';
import { CalendarPage, DaySheetPage } from '../features/calendar';
import { CertificationPage } from '../features/certification';
import { ClassesPage } from '../features/classroom';
import { DashboardPage } from '../features/dashboard';
import { DiagnosticsPage } from '../features/diagnostics';
import { InstructorsPage } from '../features/instructors';
import { MoneyReportsPage } from '../features/money-reports';
import { OutboxPage } from '../features/reminders';
import { SettingsPage } from '../features/settings';
import { StudentPage, StudentsPage } from '../features/students';
import { VehiclesPage } from '../features/vehicles';

export type Screen = {
  id: string;
  label: string;
  component: ComponentType;
  /** Opened from another screen or a menu (the day sheet, Diagnostics), not listed in the navigation. */
  hidden?: boolean;
  /** Shown alone, without the navigation (the printable day sheet). */
  focus?: boolean;
  /** The listed screen the navigation marks as current while this one shows (a student's page: Students). */
  parent?: string;
};

/** The navigation, as a registry. The first screen opens when the address names none. */
export const screens: readonly Screen[] = [
  { id: 'home', label: 'Home', component: DashboardPage },
  { id: 'calendar', label: 'Calendar', component: CalendarPage },
  { id: 'classes', label: 'Classes', component: ClassesPage },
  { id: 'students', label: 'Students', component: StudentsPage },
  { id: 'instructors', label: 'Instructors', component: InstructorsPage },
  { id: 'vehicles', label: 'Vehicles', component: VehiclesPage },
  { id: 'certification', label: 'Certification', component: CertificationPage },
  { id: 'billing', label: 'Billing', component: BillingDeskPage },
  { id: 'money-reports', label: 'Money reports', component: MoneyReportsPage },
  { id: 'reminders', label: 'Reminders', component: OutboxPage },
  { id: 'settings', label: 'Settings', component: SettingsPage },
  { id: 'audit', label: 'Audit', component: AuditPage },
  { id: 'daysheet', label: 'Day sheet', component: DaySheetPage, hidden: true, focus: true },
  { id: 'diagnostics', label: 'Diagnostics', component: DiagnosticsPage, hidden: true },
  { id: 'student', label: 'Student', component: StudentPage, hidden: true, parent: 'students' },
];
