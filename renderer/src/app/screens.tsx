import type { ComponentType } from 'react';
import { AuditPage } from '../features/audit/components/audit-page';
import { CalendarPage } from '../features/calendar/components/calendar-page';
import { DaySheetPage } from '../features/calendar/components/day-sheet-page';
import { ClassesPage } from '../features/classroom/components/classes-page';
import { CertificationPage } from '../features/certification/components/certification-page';
import { DashboardPage } from '../features/dashboard/components/dashboard-page';
import { InstructorsPage } from '../features/instructors/components/instructors-page';
import { SettingsPage } from '../features/settings/components/settings-page';
import { StudentsPage } from '../features/students/components/students-page';
import { VehiclesPage } from '../features/vehicles/components/vehicles-page';

export type Screen = {
  id: string;
  label: string;
  component: ComponentType;
  /** Opened from another screen (e.g. the printable day sheet), not listed in the navigation. */
  hidden?: boolean;
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
  { id: 'settings', label: 'Settings', component: SettingsPage },
  { id: 'audit', label: 'Audit', component: AuditPage },
  { id: 'daysheet', label: 'Day sheet', component: DaySheetPage, hidden: true },
];
