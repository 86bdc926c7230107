import { useState, type FormEvent } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { FormFooter } from '../../../components/ui/form-footer';
import { SaveProblems } from '../../../components/ui/save-problems';
import { Tabs } from '../../../components/ui/tabs';
import { saveRecord, useRecordForm } from '../../../hooks/use-record-form';
import { instructorQueryOptions } from '../api/get-instructors';
import { useSaveInstructor } from '../api/save-instructor';
import { INSTRUCTOR_VERSION_CONFLICT, type Instructor } from '../types';
import { availabilityProblem } from './availability';
import { AvailabilityEditor } from './availability-editor';
import {
  emptyInstructorValues,
  INSTRUCTOR_FORM_FIELDS,
  instructorToValues,
  missingInstructorFields,
  toInstructorCreate,
  toInstructorUpdate,
} from './instructor-form-values';
import { TimeOffPanel } from './time-off-panel';

type Tab = 'details' | 'availability' | 'time-off';
type Props = { instructor: Instructor | null; timeZone: string; onClose: () => void; onSaved: (instructor: Instructor, created: boolean) => void };

export function InstructorForm({ instructor, timeZone, onClose, onSaved }: Props) {
  const [tab, setTab] = useState<Tab>('details');
  const save = useSaveInstructor();
  const form = useRecordForm({
    record: instructor,
    toValues: instructorToValues,
    emptyValues: emptyInstructorValues,
    latest: (current) => instructorQueryOptions(current.id),
    save,
    conflictCode: INSTRUCTOR_VERSION_CONFLICT,
    fields: INSTRUCTOR_FORM_FIELDS,
  });
  const { base, values, serverErrors } = form;
  const slotProblem = availabilityProblem(values.availability);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.markMissing(missingInstructorFields(values))) return setTab('details');
    if (slotProblem) return setTab('availability');
    saveRecord(form, save, { toCreate: toInstructorCreate, toUpdate: toInstructorUpdate }, { onSaved, onUnchanged: onClose });
  }

  return (
    <Dialog
      title={base ? `Edit ${base.first_name} ${base.last_name}` : 'New instructor'}
      onClose={onClose}
      size="large"
      testId="instructor-form"
      footer={
        <FormFooter formId="instructor-form" onCancel={onClose} busy={save.isPending} disabled={form.conflict} testId="save-instructor">
          {base ? 'Save changes' : 'Add instructor'}
        </FormFooter>
      }
    >
      <SaveProblems form={form} what="this instructor" failedTitle="The instructor was not saved." unplaced={serverErrors.unplaced} />
      <Tabs<Tab>
        label="Instructor sections"
        active={tab}
        onChange={setTab}
        items={[
          { id: 'details', label: 'Details' },
          { id: 'availability', label: 'Weekly availability' },
          { id: 'time-off', label: 'Time off', disabled: !base },
        ]}
      >
        <form id="instructor-form" className="form-grid" onSubmit={onSubmit} noValidate hidden={tab !== 'details' && tab !== 'availability'}>
          <div hidden={tab !== 'details'} className="form-grid">
            <fieldset className="form-grid__section">
              <legend>Instructor</legend>
              <TextField label="First name" required autoFocus {...form.bindText('first_name')} />
              <TextField label="Last name" required {...form.bindText('last_name')} />
              <TextField label="Phone" type="tel" {...form.bindText('phone')} />
              <TextField label="Email" type="email" {...form.bindText('email')} />
            </fieldset>
            <fieldset className="form-grid__section">
              <legend>Credentials</legend>
              <TextField label="DI licence number" required className="mono" {...form.bindText('di_licence_number')} />
              <TextField label="DI licence expiry" type="date" required hint="DI licences run 3 years and expire on March 31." {...form.bindText('di_licence_expiry')} />
              <TextField label="Criminal record check done on" type="date" {...form.bindText('criminal_check_date')} />
              <TextField label="Driver abstract dated" type="date" {...form.bindText('driver_abstract_date')} />
              <TextField label="City licence expiry (Toronto, own car)" type="date" {...form.bindText('city_licence_expiry')} />
              <TextField label="Own-car insurance expiry" type="date" {...form.bindText('own_car_insurance_expiry')} />
            </fieldset>
            <fieldset className="form-grid__section">
              <legend>Teaches</legend>
              <CheckboxField label="In-car lessons" {...form.bindFlag('authorised_in_car')} />
              <CheckboxField label="Classroom" {...form.bindFlag('authorised_classroom')} />
              <CheckboxField label="Active (can be booked)" {...form.bindFlag('active')} />
              <TextAreaField label="Notes" rows={2} wide {...form.bindText('notes')} />
            </fieldset>
          </div>
          <div hidden={tab !== 'availability'}>
            <AvailabilityEditor slots={values.availability} onChange={(availability) => form.setValues((current) => ({ ...current, availability }))} />
          </div>
        </form>
        {tab === 'time-off' && base ? <TimeOffPanel instructor={base} timeZone={timeZone} onChanged={(next) => form.setBase(next)} /> : null}
      </Tabs>
    </Dialog>
  );
}
