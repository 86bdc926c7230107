import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { Tabs } from '../../../components/ui/tabs';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { VersionConflictBanner } from '../../../components/ui/version-conflict-banner';
import { fieldErrorsOf, VALIDATION_FAILED } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { useFetchLatestInstructor } from '../api/get-instructors';
import { useSaveInstructor } from '../api/save-instructor';
import { INSTRUCTOR_VERSION_CONFLICT, type Instructor } from '../types';
import { availabilityProblem } from './availability';
import { AvailabilityEditor } from './availability-editor';
import {
  emptyInstructorValues,
  hasInstructorChanges,
  INSTRUCTOR_FORM_FIELDS,
  instructorToValues,
  missingInstructorFields,
  toInstructorCreate,
  toInstructorUpdate,
  type InstructorFormValues,
} from './instructor-form-values';
import { TimeOffPanel } from './time-off-panel';

type Tab = 'details' | 'availability' | 'time-off';
type Props = { instructor: Instructor | null; timeZone: string; onClose: () => void; onSaved: (instructor: Instructor, created: boolean) => void };

export function InstructorForm({ instructor, timeZone, onClose, onSaved }: Props) {
  const [base, setBase] = useState<Instructor | null>(instructor);
  const [values, setValues] = useState<InstructorFormValues>(() => (instructor ? instructorToValues(instructor) : emptyInstructorValues()));
  const [missing, setMissing] = useState<string[]>([]);
  const [tab, setTab] = useState<Tab>('details');
  const [reloading, setReloading] = useState(false);
  const save = useSaveInstructor();
  const fetchLatest = useFetchLatestInstructor();

  const serverErrors = fieldErrorsOf(save.error, INSTRUCTOR_FORM_FIELDS);
  const conflict = isOdsmError(save.error) && save.error.code === INSTRUCTOR_VERSION_CONFLICT;
  const otherError = save.error && !conflict && !(isOdsmError(save.error) && save.error.code === VALIDATION_FAILED);
  const slotProblem = availabilityProblem(values.availability);

  const text = (field: Exclude<keyof InstructorFormValues, 'availability' | 'active' | 'authorised_in_car' | 'authorised_classroom'>) => ({
    id: field,
    value: values[field],
    error: missing.includes(field) ? 'Required.' : serverErrors.byField[field]?.message,
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setValues((current) => ({ ...current, [field]: value }));
      setMissing((current) => current.filter((name) => name !== field));
    },
  });
  const flag = (field: 'active' | 'authorised_in_car' | 'authorised_classroom') => ({
    id: field,
    checked: values[field],
    onChange: (event: { target: { checked: boolean } }) => {
      const checked = event.target.checked;
      setValues((current) => ({ ...current, [field]: checked }));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const blank = missingInstructorFields(values);
    setMissing(blank);
    if (blank.length > 0) return setTab('details');
    if (slotProblem) return setTab('availability');
    if (!base) {
      save.mutate({ kind: 'create', body: toInstructorCreate(values) }, { onSuccess: (saved) => onSaved(saved, true) });
      return;
    }
    const body = toInstructorUpdate(base, values);
    if (!hasInstructorChanges(body)) return onClose();
    save.mutate({ kind: 'update', instructorId: base.id, body }, { onSuccess: (saved) => onSaved(saved, false) });
  }

  async function reloadLatest() {
    if (!base) return;
    setReloading(true);
    try {
      const latest = await fetchLatest(base.id);
      setBase(latest);
      setValues(instructorToValues(latest));
      save.reset();
    } finally {
      setReloading(false);
    }
  }

  return (
    <Dialog
      title={base ? `Edit ${base.first_name} ${base.last_name}` : 'New instructor'}
      onClose={onClose}
      size="large"
      testId="instructor-form"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="instructor-form" busy={save.isPending} disabled={conflict} data-testid="save-instructor">
            {base ? 'Save changes' : 'Add instructor'}
          </Button>
        </>
      }
    >
      {conflict ? (
        <VersionConflictBanner what="this instructor" requestId={isOdsmError(save.error) ? save.error.requestId : undefined} reloading={reloading} onReload={reloadLatest} />
      ) : null}
      {otherError ? <ErrorBanner error={save.error} title="The instructor was not saved." testId="save-error" /> : null}
      <UnplacedErrors problems={serverErrors.unplaced} />
      <Tabs<Tab>
        label="Instructor sections"
        active={tab}
        onChange={setTab}
        items={[
          { id: 'details', label: 'Details' },
          { id: 'availability', label: 'Weekly availability' },
          { id: 'time-off', label: 'Time off', disabled: !base },
        ]}
      />
      <form id="instructor-form" className="form-grid" onSubmit={onSubmit} noValidate hidden={tab !== 'details' && tab !== 'availability'}>
        <div hidden={tab !== 'details'} className="form-grid">
          <fieldset className="form-grid__section">
            <legend>Instructor</legend>
            <TextField label="First name" required autoFocus {...text('first_name')} />
            <TextField label="Last name" required {...text('last_name')} />
            <TextField label="Phone" type="tel" {...text('phone')} />
            <TextField label="Email" type="email" {...text('email')} />
          </fieldset>
          <fieldset className="form-grid__section">
            <legend>Credentials</legend>
            <TextField label="DI licence number" required className="mono" {...text('di_licence_number')} />
            <TextField label="DI licence expiry" type="date" required hint="DI licences run 3 years and expire on March 31." {...text('di_licence_expiry')} />
            <TextField label="Criminal record check done on" type="date" {...text('criminal_check_date')} />
            <TextField label="Driver abstract dated" type="date" {...text('driver_abstract_date')} />
            <TextField label="City licence expiry (Toronto, own car)" type="date" {...text('city_licence_expiry')} />
            <TextField label="Own-car insurance expiry" type="date" {...text('own_car_insurance_expiry')} />
          </fieldset>
          <fieldset className="form-grid__section">
            <legend>Teaches</legend>
            <CheckboxField label="In-car lessons" {...flag('authorised_in_car')} />
            <CheckboxField label="Classroom" {...flag('authorised_classroom')} />
            <CheckboxField label="Active (can be booked)" {...flag('active')} />
            <TextAreaField label="Notes" rows={2} wide {...text('notes')} />
          </fieldset>
        </div>
        <div hidden={tab !== 'availability'}>
          <AvailabilityEditor slots={values.availability} onChange={(availability) => setValues((current) => ({ ...current, availability }))} />
        </div>
      </form>
      {tab === 'time-off' && base ? <TimeOffPanel instructor={base} timeZone={timeZone} onChanged={(next) => setBase(next)} /> : null}
    </Dialog>
  );
}
