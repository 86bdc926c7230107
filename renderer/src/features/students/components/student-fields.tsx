import { CheckboxField } from '../../../components/ui/checkbox-field';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { formatDateTime } from '../../../lib/dates';
import type { FieldProblem } from '../../../lib/field-errors';
import { LICENCE_CLASSES, LICENCE_FORMAT_HINT, type Student } from '../types';
import { CONSENT_GIVEN, type StudentFormField, type StudentFormValues } from './student-form-values';

type StudentFieldsProps = {
  /** The saved copy being edited, or null for a new student. */
  base: Student | null;
  values: StudentFormValues;
  update: (field: StudentFormField, value: string) => void;
  errorFor: (field: StudentFormField) => string | undefined;
  /** The licence number problem the backend found, which may say the format it expects. */
  licenceProblem: FieldProblem | undefined;
  /** The warnings that belong under a field (a missing guardian under the guardian's name). */
  warningsFor: (field: StudentFormField) => readonly string[];
  /** The school's date: a birth date after it is refused. */
  today: string;
};

/** The student's details: who, licence, guardian, emergency contact and consent. */
export function StudentFields({ base, values, update, errorFor, licenceProblem, warningsFor, today }: StudentFieldsProps) {
  const text = (field: StudentFormField) => ({
    value: values[field],
    onChange: (event: { target: { value: string } }) => update(field, event.target.value),
    error: errorFor(field),
    warnings: warningsFor(field),
  });

  return (
    <>
      <fieldset className="form-grid__section">
        <legend>Student</legend>
        <TextField id="first_name" label="Legal first name" required autoComplete="off" autoFocus {...text('first_name')} />
        <TextField id="last_name" label="Legal last name" required autoComplete="off" {...text('last_name')} />
        <TextField id="date_of_birth" label="Date of birth" type="date" required max={today} {...text('date_of_birth')} />
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
            licenceProblem?.format
              ? `Format: ${licenceProblem.format}`
              : `One letter and 14 digits, e.g. ${LICENCE_FORMAT_HINT}. Dashes and spaces are optional.`
          }
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
    </>
  );
}
