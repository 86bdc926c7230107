import type { ChannelRequest, ChannelResponse } from '../../../../shared-contracts/channels';
import { createdVehicle, futureSlot } from './school-records';
import { newStudentBody } from './students-samples';
import { afterCreating, nextUnique, type CallChannel, type ChannelSample } from './sample-types';

type Student = ChannelResponse<'db:students:create'>;
type RoadTest = ChannelResponse<'db:road-tests:book'>;
type Centre = ChannelResponse<'db:drivetest-centres:create'>;

/** A G1 since early 2026: eligible for the G2 test from 2027, well inside the suite's 2030 days. */
async function g1Student(call: CallChannel): Promise<Student> {
  return (await call('db:students:create', { body: { ...newStudentBody(), g1_issue_date: '2026-01-10' } })) as Student;
}

async function createdCentre(call: CallChannel): Promise<Centre> {
  return (await call('db:drivetest-centres:create', { body: { name: `Centre ${nextUnique()}`, city: 'Toronto' } })) as Centre;
}

/** A G2 test with the school car, at 1 p.m. on a day no other sample uses. */
async function bookedTest(call: CallChannel): Promise<RoadTest> {
  const [student, centre, car] = [await g1Student(call), await createdCentre(call), await createdVehicle(call)];
  const body = { student_id: student.id, centre_id: centre.id, licence_class: 'G2' as const, starts_at: futureSlot(30, 13).starts_at, vehicle_id: car.id };
  return (await call('db:road-tests:book', { body })) as RoadTest;
}

export const roadTestSamples: Record<string, ChannelSample> = {
  'db:licences:get': {
    valid: async (call) => ({ student_id: (await g1Student(call)).id }) satisfies ChannelRequest<'db:licences:get'>,
    invalid: { student_id: 0 },
    invalidField: 'student_id',
  },
  'db:licences:record': {
    valid: async (call) => {
      const student = await g1Student(call);
      return { student_id: student.id, body: { version: student.version, licence_class: 'G2', issued_on: '2026-02-11' } } satisfies ChannelRequest<'db:licences:record'>;
    },
    invalid: { student_id: 1, body: { version: 1, licence_class: 'G3', issued_on: '2026-02-11' } },
    invalidField: 'body.licence_class',
  },
  'db:road-tests:eligibility': {
    valid: async (call) => ({ student_id: (await g1Student(call)).id, on: '2027-02-01' }) satisfies ChannelRequest<'db:road-tests:eligibility'>,
    invalid: { student_id: 1, on: 'next week' },
    invalidField: 'on',
  },
  'db:road-tests:book': {
    valid: async (call) => {
      const [student, centre] = [await g1Student(call), await createdCentre(call)];
      const body = { student_id: student.id, centre_id: centre.id, licence_class: 'G2' as const, starts_at: futureSlot(30, 13).starts_at };
      return { body } satisfies ChannelRequest<'db:road-tests:book'>;
    },
    invalid: { body: { student_id: 1, centre_id: 1, licence_class: 'G1', starts_at: '2030-03-04T10:00:00-05:00' } },
    invalidField: 'body.licence_class',
  },
  'db:road-tests:get': {
    valid: async (call) => ({ road_test_id: (await bookedTest(call)).id }) satisfies ChannelRequest<'db:road-tests:get'>,
    invalid: { road_test_id: -1 },
    invalidField: 'road_test_id',
  },
  'db:road-tests:list': {
    valid: async (call) => ({ student_id: (await bookedTest(call)).student_id, limit: 20 }) satisfies ChannelRequest<'db:road-tests:list'>,
    invalid: { limit: 0 },
    invalidField: 'limit',
  },
  'db:road-tests:charges': {
    valid: afterCreating(bookedTest, { billed: false, limit: 50 } satisfies ChannelRequest<'db:road-tests:charges'>),
    invalid: { limit: 5001 },
    invalidField: 'limit',
  },
  'db:road-tests:recordResult': {
    // The suite's tests are all still to come, so the backend's answer is the rule's refusal.
    valid: async (call) => {
      const test = await bookedTest(call);
      return { road_test_id: test.id, body: { version: test.version, outcome: 'failed' } } satisfies ChannelRequest<'db:road-tests:recordResult'>;
    },
    expectError: 'road_test.not_yet_taken',
    invalid: { road_test_id: 1, body: { version: 1, outcome: 'maybe' } },
    invalidField: 'body.outcome',
  },
  'db:road-tests:cancel': {
    valid: async (call) => {
      const test = await bookedTest(call);
      return { road_test_id: test.id, body: { version: test.version, reason: 'Student moved the test' } } satisfies ChannelRequest<'db:road-tests:cancel'>;
    },
    invalid: { road_test_id: 1, body: {} },
    invalidField: 'body.version',
  },
  'db:drivetest-centres:list': {
    valid: async () => ({ include_inactive: true }) satisfies ChannelRequest<'db:drivetest-centres:list'>,
    invalid: { include_inactive: 'yes' },
    invalidField: 'include_inactive',
  },
  'db:drivetest-centres:create': {
    valid: async () => ({ body: { name: `Centre ${nextUnique()}`, city: 'Toronto', address: '37 Carl Hall Rd' } }) satisfies ChannelRequest<'db:drivetest-centres:create'>,
    invalid: { body: { name: '' } },
    invalidField: 'body.name',
  },
  'db:drivetest-centres:update': {
    valid: async (call) => {
      const centre = await createdCentre(call);
      return { centre_id: centre.id, body: { version: centre.version, active: false } } satisfies ChannelRequest<'db:drivetest-centres:update'>;
    },
    invalid: { centre_id: 1, body: { version: 1, active: 'no' } },
    invalidField: 'body.active',
  },
  'db:road-test-settings:get': {
    valid: async () => ({}),
    invalid: { school_id: 1 },
    invalidField: 'school_id',
  },
  'db:road-test-settings:update': {
    valid: async (call) => {
      const current = (await call('db:road-test-settings:get', {})) as ChannelResponse<'db:road-test-settings:get'>;
      return { body: { version: current.version, retest_days: 10 } } satisfies ChannelRequest<'db:road-test-settings:update'>;
    },
    invalid: { body: { version: 1, g2_fee_cents: -5 } },
    invalidField: 'body.g2_fee_cents',
  },
};
