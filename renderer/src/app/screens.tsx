import type { ComponentType } from 'react';
import { StudentsPage } from '../features/students/components/students-page';

export type Screen = {
  id: string;
  label: string;
  component: ComponentType;
};

/** The navigation, as a registry: Calendar and Dashboard join this list when their features land. */
export const screens: readonly Screen[] = [{ id: 'students', label: 'Students', component: StudentsPage }];
