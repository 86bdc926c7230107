import type { ChannelRequest, ChannelResponse } from '../../../../shared-contracts/channels';
import { nextUnique, type CallChannel } from './sample-types';
import { createdStudent } from './students-samples';

/**
 * Records the course, enrollment, classroom, lesson and certification samples build on. Every valid
 * sample creates its own, so each call really succeeds under the backend's business rules.
 */

export type Course = ChannelResponse<'db:courses:create'>;
export type Enrollment = ChannelResponse<'db:enrollments:create'>;
export type Instructor = ChannelResponse<'db:instructors:create'>;
export type Vehicle = ChannelResponse<'db:vehicles:create'>;
export type Lesson = ChannelResponse<'db:lessons:book'>;
export type Session = ChannelResponse<'db:classroom:create'>;

/** Far past any lesson a sample books: licences and vehicle papers never lapse inside this suite. */
const FAR_FUTURE = '2099-12-31';
const DAY_MS = 86_400_000;
/** Winter dates, so America/Toronto is -05:00 all through. */
const FUTURE_FROM = Date.UTC(2030, 0, 7);
const PAST_FROM = Date.UTC(2025, 0, 6);

let futureDays = 0;
let pastDays = 0;

export interface Slot {
  /** The local date, YYYY-MM-DD. */
  date: string;
  starts_at: string;
  ends_at: string;
}

function slotOn(dayMs: number, startHour: number, minutes: number): Slot {
  const date = new Date(dayMs).toISOString().slice(0, 10);
  const at = (minute: number) =>
    `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00-05:00`;
  return { date, starts_at: at(startHour * 60), ends_at: at(startHour * 60 + minutes) };
}

/**
 * A day no other sample has used, from 2030-01-07, 10:00 local: no lesson of one sample can overlap
 * another's, nor add to the same student's daily in-car minutes, nor fall in the G1 night window.
 */
export function futureSlot(minutes = 60, startHour = 10): Slot {
  futureDays += 1;
  return slotOn(FUTURE_FROM + futureDays * DAY_MS, startHour, minutes);
}

/** A past day (from 2025-01-06), for what the backend only allows once a lesson has started or ended. */
export function pastSlot(minutes = 60, startHour = 10): Slot {
  pastDays += 1;
  return slotOn(PAST_FROM + pastDays * DAY_MS, startHour, minutes);
}

export function newInstructorBody(
  authorised: { in_car?: boolean; classroom?: boolean } = {},
): ChannelRequest<'db:instructors:create'>['body'] {
  const n = nextUnique();
  return {
    first_name: 'Mei',
    last_name: `Wong${n}`,
    di_licence_number: `DR${String(n).padStart(6, '0')}`,
    di_licence_expiry: FAR_FUTURE,
    authorised_in_car: authorised.in_car ?? true,
    authorised_classroom: authorised.classroom ?? false,
    active: true,
    // Every day, 08:00-18:00: the samples book on any weekday, and a lesson outside the hours is refused.
    availability: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 480, end_minute: 1080 })),
  };
}

export async function createdInstructor(
  call: CallChannel,
  authorised: { in_car?: boolean; classroom?: boolean } = {},
): Promise<Instructor> {
  return (await call('db:instructors:create', { body: newInstructorBody(authorised) })) as Instructor;
}

export function newVehicleBody(): ChannelRequest<'db:vehicles:create'>['body'] {
  const n = nextUnique();
  return {
    plate: `LS${String(n).padStart(5, '0')}`,
    vin: `3FADP4BJ${String(n).padStart(9, '0')}`,
    make: 'Toyota',
    model: 'Corolla',
    year: 2023,
    transmission: 'automatic',
    dual_brake: true,
    insurance_expiry: FAR_FUTURE,
    inspection_expiry: FAR_FUTURE,
    odometer_km: 20_000,
    active: true,
  };
}

export async function createdVehicle(call: CallChannel): Promise<Vehicle> {
  return (await call('db:vehicles:create', { body: newVehicleBody() })) as Vehicle;
}

export function newCourseBody(): ChannelRequest<'db:courses:create'>['body'] {
  // Hours, price and tax left to the backend: a BDE course takes its hours from the school settings.
  return { name: `BDE Weekday ${nextUnique()}`, kind: 'bde' };
}

export async function createdCourse(call: CallChannel): Promise<Course> {
  return (await call('db:courses:create', { body: newCourseBody() })) as Course;
}

export interface Enrolled {
  student: Awaited<ReturnType<typeof createdStudent>>;
  course: Course;
  enrollment: Enrollment;
}

/** A new G1 student on a new BDE course. */
export async function createdEnrollment(call: CallChannel): Promise<Enrolled> {
  const student = await createdStudent(call);
  const course = await createdCourse(call);
  const body: ChannelRequest<'db:enrollments:create'>['body'] = { student_id: student.id, course_id: course.id, enrolled_on: '2025-01-02' };
  const enrollment = (await call('db:enrollments:create', { body })) as Enrollment;
  return { student, course, enrollment };
}

/**
 * An enrollment the certification readiness check passes: every category's required minutes credited
 * (corrections carry no first-class date, so no deadline can fall short), a passing mark, and no
 * completed lesson with an instructor whose DI licence has lapsed.
 */
export async function readyEnrollment(call: CallChannel): Promise<Enrollment> {
  const { enrollment } = await createdEnrollment(call);
  const totals = enrollment.totals ?? [];
  if (totals.length === 0) throw new Error('db:enrollments:create answered without the hours the course requires');
  for (const total of totals) {
    const body: ChannelRequest<'db:enrollments:addCorrection'>['body'] = {
      category: total.category,
      minutes: total.required_minutes,
      occurred_on: '2025-02-03',
      reason: 'Hours transferred from the paper file',
    };
    await call('db:enrollments:addCorrection', { enrollment_id: enrollment.id, body });
  }
  const current = (await call('db:enrollments:get', { enrollment_id: enrollment.id })) as Enrollment;
  const result: ChannelRequest<'db:enrollments:recordResult'> = {
    enrollment_id: enrollment.id,
    body: { version: current.version, final_mark_percent: 92 },
  };
  return (await call('db:enrollments:recordResult', result)) as Enrollment;
}

export interface LessonParties {
  enrolled: Enrolled;
  instructor: Instructor;
  vehicle: Vehicle;
}

export async function lessonParties(call: CallChannel): Promise<LessonParties> {
  return { enrolled: await createdEnrollment(call), instructor: await createdInstructor(call), vehicle: await createdVehicle(call) };
}

export function lessonBody(parties: LessonParties, slot: Slot): ChannelRequest<'db:lessons:book'>['body'] {
  return {
    student_id: parties.enrolled.student.id,
    enrollment_id: parties.enrolled.enrollment.id,
    instructor_id: parties.instructor.id,
    vehicle_id: parties.vehicle.id,
    starts_at: slot.starts_at,
    ends_at: slot.ends_at,
    pickup_location: '100 Queen St W, Toronto',
  };
}

/** A lesson booked for a new student, instructor and vehicle, in the future unless a slot is given. */
/** Why a sample is entered after the fact: a past booking, class or late entry needs one. */
export const PAPER = 'Entered from the paper register';

export async function bookedLesson(call: CallChannel, slot: Slot = futureSlot(), reason: string | null = null): Promise<{ lesson: Lesson; parties: LessonParties }> {
  const parties = await lessonParties(call);
  const lesson = (await call('db:lessons:book', { body: { ...lessonBody(parties, slot), reason } })) as Lesson;
  return { lesson, parties };
}

export function newSessionBody(instructorId: number, slot: Slot): ChannelRequest<'db:classroom:create'>['body'] {
  return {
    instructor_id: instructorId,
    starts_at: slot.starts_at,
    ends_at: slot.ends_at,
    room: 'Room A',
    topic: 'Rules of the road',
    capacity: 20,
    notes: null,
  };
}

export async function createdSession(call: CallChannel, slot: Slot = futureSlot(180, 18), reason: string | null = null): Promise<Session> {
  const instructor = await createdInstructor(call, { in_car: false, classroom: true });
  return (await call('db:classroom:create', { body: { ...newSessionBody(instructor.id, slot), reason } })) as Session;
}
