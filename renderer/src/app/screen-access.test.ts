import { describe, expect, it } from 'vitest';
import { accessFrom, may } from '../features/sign-in';
import { mayOpen, SCREEN_PERMISSIONS } from './screen-access';
import { screens } from './screens';

// What app:auth:status answers for each role (the backend's table, without `public`).
const INSTRUCTOR = ['school.read', 'calendar.read', 'lessons.complete', 'classes.attendance', 'students.read'];
const OFFICE = [...INSTRUCTOR, 'students.edit', 'book', 'records.edit', 'billing', 'audit.read', 'backups'];
const OWNER = [...OFFICE, 'refund', 'credit', 'certify', 'settings.manage', 'accounts.manage'];

const signedIn = (role: 'owner' | 'office' | 'instructor', permissions: string[]) => accessFrom({ enabled: true, account: { role }, permissions });
const listed = (access: ReturnType<typeof accessFrom>) => screens.filter((screen) => !screen.hidden && mayOpen(access, screen.id)).map((screen) => screen.label);

describe('the screens each role may use', () => {
  it('names a permission for every screen, and only for screens that exist', () => {
    expect(Object.keys(SCREEN_PERMISSIONS).sort()).toEqual(screens.map((screen) => screen.id).sort());
    for (const need of Object.values(SCREEN_PERMISSIONS)) expect([...OWNER, 'public']).toContain(need.needs);
  });

  it('with sign-in off, or nobody signed in yet, lists every screen as before', () => {
    const all = screens.filter((screen) => !screen.hidden).map((screen) => screen.label);
    expect(listed(accessFrom(undefined))).toEqual(all);
    expect(listed(accessFrom({ enabled: false, account: null, permissions: [] }))).toEqual(all);
    expect(listed(accessFrom({ enabled: true, account: null, permissions: [] }))).toEqual(all);
  });

  it('an instructor: Home, Calendar, Classes and Students; not the school-wide worklist or outbox they may read for their own', () => {
    const instructor = signedIn('instructor', INSTRUCTOR);
    expect(listed(instructor)).toEqual(['Home', 'Calendar', 'Classes', 'Students']);
    expect(mayOpen(instructor, 'student')).toBe(true);
    expect(mayOpen(instructor, 'daysheet')).toBe(true);
    expect(mayOpen(instructor, 'certification')).toBe(false);
    expect(mayOpen(instructor, 'reminders')).toBe(false);
    expect(may(instructor, 'students.read')).toBe(true);
    expect(may(instructor, 'students.read', true)).toBe(false);
  });

  it('the office: everything but Settings; no refund, credit or certify', () => {
    const office = signedIn('office', OFFICE);
    expect(listed(office)).toEqual(['Home', 'Calendar', 'Classes', 'Students', 'Instructors', 'Vehicles', 'Certification', 'Billing', 'Money reports', 'Reminders', 'Audit']);
    for (const ownerOnly of ['refund', 'credit', 'certify']) expect(may(office, ownerOnly)).toBe(false);
    expect(may(signedIn('office', [...OFFICE, 'certify']), 'certify')).toBe(true);
  });

  it('the owner: every screen', () => {
    expect(listed(signedIn('owner', OWNER))).toEqual(screens.filter((screen) => !screen.hidden).map((screen) => screen.label));
  });

  it('a screen missing from the map needs the owner (fail closed)', () => {
    expect(mayOpen(signedIn('office', OFFICE), 'somewhere-new')).toBe(false);
    expect(mayOpen(signedIn('owner', OWNER), 'somewhere-new')).toBe(true);
  });
});
