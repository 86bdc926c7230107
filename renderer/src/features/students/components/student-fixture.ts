import type { Student } from '../types';

/** A student record as the backend returns it, for tests: Ada, with nothing optional filled in. */
export function aStudent(overrides: Partial<Student> = {}): Student {
  return {
    id: 3,
    first_name: 'Ada',
    last_name: 'Lovelace',
    date_of_birth: '2006-12-10',
    phone: null,
    email: null,
    address: null,
    licence_number: null,
    licence_number_display: null,
    licence_class: null,
    g1_issue_date: null,
    licence_expiry: null,
    guardian_name: null,
    guardian_phone: null,
    guardian_email: null,
    emergency_contact_name: null,
    emergency_contact_phone: null,
    consent_at: null,
    notes: null,
    archived_at: null,
    created_at: '2026-01-01T10:00:00Z',
    updated_at: '2026-01-01T10:00:00Z',
    version: 1,
    warnings: [],
    ...overrides,
  };
}
