import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { fieldErrorsOf, VALIDATION_FAILED, type FieldProblem } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { useFetchLatestStudent } from '../api/get-student';
import { useSaveStudent } from '../api/save-student';
import { LICENCE_CLASSES, LICENCE_FORMAT_HINT, STUDENT_VERSION_CONFLICT, type Student } from '../types';
import { fullName } from './format';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Tabs } from '../../../components/ui/tabs';
import { StudentHistory } from '../../audit';
import { StudentProgress } from '../../enrollments';
import { useSchoolClock } from '../../settings';
import { formatDateTime, todayIn } from '../../../lib/dates';
import {
  CONSENT_GIVEN,
  emptyStudentValues,
  hasChanges,
  missingRequired,
  STUDENT_FORM_FIELDS,
  studentToValues,
  toCreateBody,
  toUpdateBody,
  type StudentFormField,
  type StudentFormValues,
} from './student-form-values';

type StudentTab = 'details' | 'progress' | 'history';

type StudentFormProps = {
  /** The student to edit, or null to add a new one. */
  student: Student | null;
  onClose: () => void;
  onSaved: (student: Student, created: boolean) => void;
};

/** Words for the desk, keyed by the rule that failed; the backend's own message is the fallback. */
function problemText(problem: FieldProblem): string {
  if (problem.rule === 'missing' || problem.rule === 'required') return 'Required.';
  if (problem.field === 'email' && (problem.rule === 'format' || problem.rule === 'value_error')) {
    return 'Enter an email address like name@example.com.';
  }
  if (problem.rule === 'format' || problem.rule.startsWith('date')) return 'Enter a valid date.';
  return problem.message;
}

export function StudentForm({ student, onClose, onSaved }: StudentFormProps) {
  // `base` is the copy the edit started from; its version goes with the save.
  const [base, setBase] = useState<Student | null>(student);
  const [values, setValues] = useState<StudentFormValues>(() => (student ? studentToValues(student) : emptyStudentValues()));
  const [missing, setMissing] = useState<StudentFormField[]>([]);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const [tab, setTab] = useState<StudentTab>('details');
  const { timeZone } = useSchoolClock();
  const save = useSaveStudent();
  const fetchLatest = useFetchLatestStudent();

  const serverErrors = fieldErrorsOf(save.error, STUDENT_FORM_FIELDS);
  const conflict = isOdsmError(save.error) && save.error.code === STUDENT_VERSION_CONFLICT;
  const otherError = save.error && !conflict && !(isOdsmError(save.error) && save.error.code === VALIDATION_FAILED);

  function errorFor(field: StudentFormField): string | undefined {
    if (missing.includes(field)) return 'Required.';
    const problem = serverErrors.byField[field];
    return problem ? problemText(problem) : undefined;
  }

  // Warnings the saved record already carries, while its licence number is unchanged.
  const licenceWarnings =
    base && values.licence_number === studentToValues(base).licence_number
      ? (base.warnings ?? []).filter((warning) => warning.field === 'licence_number').map((warning) => warning.message)
      : [];

  function update(field: StudentFormField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setMissing((current) => current.filter((name) => name !== field));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const blank = missingRequired(values);
    setMissing(blank);
    if (blank.length > 0) return setTab('details');
    if (!base) {
      save.mutate({ kind: 'create', body: toCreateBody(values) }, { onSuccess: (saved) => onSaved(saved, true) });
      return;
    }
    const body = toUpdateBody(base, values);
    if (!hasChanges(body)) {
      onClose();
      return;
    }
    save.mutate({ kind: 'update', studentId: base.id, body }, { onSuccess: (saved) => onSaved(saved, false) });
  }

  async function reloadLatest() {
    if (!base) return;
    setReloading(true);
    setReloadError(null);
    try {
      const latest = await fetchLatest(base.id);
      setBase(latest);
      setValues(studentToValues(latest));
      setMissing([]);
      save.reset();
    } catch (error) {
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  }

  const text = (field: StudentFormField) => ({
    value: values[field],
    onChange: (event: { target: { value: string } }) => update(field, event.target.value),
    error: errorFor(field),
  });

  return (
    <Dialog
      title={base ? `Edit ${fullName(base)}` : 'New student'}
      onClose={onClose}
      size="large"
      testId="student-form"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="student-form" busy={save.isPending} disabled={conflict} data-testid="save-student">
            {base ? 'Save changes' : 'Add student'}
          </Button>
        </>
      }
    >
      {conflict ? (
        <Banner
          tone="warning"
          testId="version-conflict"
          title="Someone else changed this student while you were editing."
          requestId={isOdsmError(save.error) ? save.error.requestId : undefined}
          actions={
            <Button variant="primary" onClick={reloadLatest} busy={reloading} data-testid="reload-latest">
              Reload latest
            </Button>
          }
        >
          <p>Your changes were not saved. Reload to see the latest details, then make your changes again.</p>
        </Banner>
      ) : null}
      {reloadError ? <ErrorBanner error={reloadError} title="Could not reload this student." testId="reload-error" /> : null}
      {otherError ? <ErrorBanner error={save.error} title="The student was not saved." testId="save-error" /> : null}
      {serverErrors.unplaced.length > 0 ? (
        <Banner tone="error" title="Some details need fixing." testId="unplaced-errors">
          <ul>
            {serverErrors.unplaced.map((problem) => (
              <li key={`${problem.field}:${problem.rule}`}>
                {problem.field || 'Request'}: {problem.message}
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}
      {base ? (
        <Tabs<StudentTab>
          label="Student sections"
          active={tab}
          onChange={setTab}
          items={[
            { id: 'details', label: 'Details' },
            { id: 'progress', label: 'BDE progress' },
            { id: 'history', label: 'History' },
          ]}
        />
      ) : null}
      {base && tab === 'history' ? <StudentHistory studentId={base.id} timeZone={timeZone} /> : null}
      {base && tab === 'progress' ? <StudentProgress studentId={base.id} today={todayIn(timeZone)} /> : null}
      <form id="student-form" className="form-grid" onSubmit={onSubmit} noValidate hidden={tab !== 'details'}>
        <fieldset className="form-grid__section">
          <legend>Student</legend>
          <TextField id="first_name" label="Legal first name" required autoComplete="off" autoFocus {...text('first_name')} />
          <TextField id="last_name" label="Legal last name" required autoComplete="off" {...text('last_name')} />
          <TextField id="date_of_birth" label="Date of birth" type="date" required {...text('date_of_birth')} />
          <TextField id="phone" label="Phone" type="tel" autoComplete="off" {...text('phone')} />
          <TextField id="email" label="Email" type="email" autoComplete="off" {...text('email')} wide />
          <TextField id="address" label="Address" autoComplete="off" {...text('address')} wide />
        </fieldset>
        <fieldset className="form-grid__section">
          <legend>Licence</legend>
          <TextField
            id="licence_number"
            label="Licence number"
            autoComplete="off"
            spellCheck={false}
            placeholder={LICENCE_FORMAT_HINT}
            className="mono"
            hint={
              serverErrors.byField.licence_number?.format
                ? `Format: ${serverErrors.byField.licence_number.format}`
                : `One letter and 14 digits, e.g. ${LICENCE_FORMAT_HINT}. Dashes and spaces are optional.`
            }
            warnings={licenceWarnings}
            {...text('licence_number')}
          />
          <SelectField id="licence_class" label="Licence class" {...text('licence_class')}>
            <option value="">Not yet licensed</option>
            {LICENCE_CLASSES.map((licenceClass) => (
              <option key={licenceClass} value={licenceClass}>
                {licenceClass}
              </option>
            ))}
          </SelectField>
          <TextField id="g1_issue_date" label="G1 issue date" type="date" {...text('g1_issue_date')} />
          <TextField id="licence_expiry" label="Licence expiry" type="date" {...text('licence_expiry')} />
          <TextAreaField id="notes" label="Notes" rows={3} {...text('notes')} wide />
        </fieldset>
        <fieldset className="form-grid__section">
          <legend>Parent or guardian (students under 18)</legend>
          <TextField id="guardian_name" label="Guardian’s name" autoComplete="off" {...text('guardian_name')} />
          <TextField id="guardian_phone" label="Guardian’s number" type="tel" autoComplete="off" {...text('guardian_phone')} />
          <TextField id="guardian_email" label="Guardian’s email" type="email" autoComplete="off" {...text('guardian_email')} wide />
        </fieldset>
        <fieldset className="form-grid__section">
          <legend>Emergency contact</legend>
          <TextField id="emergency_contact_name" label="Contact’s name" autoComplete="off" {...text('emergency_contact_name')} />
          <TextField id="emergency_contact_phone" label="Contact’s number" type="tel" autoComplete="off" {...text('emergency_contact_phone')} />
        </fieldset>
        <fieldset className="form-grid__section">
          <legend>Consent</legend>
          <CheckboxField
            id="consent_to_share"
            wide
            label="The student consents to sharing their course record with MTO, the Insurance Bureau of Canada and the MTO course inspector."
            hint={base?.consent_at ? `Consent recorded ${formatDateTime(base.consent_at)}.` : 'The date and time are recorded when you save.'}
            checked={values.consent_to_share === CONSENT_GIVEN}
            onChange={(event) => update('consent_to_share', event.target.checked ? CONSENT_GIVEN : '')}
          />
        </fieldset>
      </form>
    </Dialog>
  );
}
