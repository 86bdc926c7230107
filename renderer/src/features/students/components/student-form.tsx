import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorSummary, type SummaryProblem } from '../../../components/ui/error-summary';
import { FormFooter } from '../../../components/ui/form-footer';
import { SaveProblems } from '../../../components/ui/save-problems';
import { saveRecord, useRecordForm } from '../../../hooks/use-record-form';
import { todayIn } from '../../../lib/dates';
import { VALIDATION_FAILED, type FieldProblem } from '../../../lib/field-errors';
import { useSchoolClock } from '../../settings';
import { studentQueryOptions } from '../api/get-student';
import { useSaveStudent } from '../api/save-student';
import { STUDENT_FIELD_CODES, STUDENT_VERSION_CONFLICT, type Student } from '../types';
import { fullName } from './format';
import { age } from './student-age';
import { StudentFields } from './student-fields';
import {
  emptyStudentValues,
  FIELD_LABELS,
  missingRequired,
  STUDENT_FORM_FIELDS,
  studentToValues,
  toCreateBody,
  toUpdateBody,
  type StudentFormField,
  type StudentFormValues,
} from './student-form-values';

type StudentFormProps = {
  /** The student to edit, or null to add a new one. */
  student: Student | null;
  onClose: () => void;
  onSaved: (student: Student, created: boolean) => void;
};

const GUARDIAN_WARNING = 'This student is under 18: record a parent or guardian.';

/** Words for the desk, keyed by the rule that failed; the backend's own message is the fallback. */
export function problemText(problem: FieldProblem): string {
  if (problem.rule === 'missing' || problem.rule === 'required') return 'Required.';
  if (problem.field === 'email' && (problem.rule === 'format' || problem.rule === 'value_error')) {
    return 'Enter an email address like name@example.com.';
  }
  if (problem.rule === 'birth_date_in_future') return 'The date of birth is in the future: check the year.';
  if (problem.rule === 'too_young_for_licence') return problem.message;
  if (problem.rule === 'format' || problem.rule.startsWith('date')) return 'Enter a valid date.';
  return problem.message;
}

/** The warnings that belong under one field: each where the desk would fix it. */
function fieldWarnings(base: Student | null, values: StudentFormValues, today: string): Partial<Record<StudentFormField, string[]>> {
  const out: Partial<Record<StudentFormField, string[]>> = {};
  const saved = base ? studentToValues(base) : null;
  for (const warning of base?.warnings ?? []) {
    const field = warning.field as StudentFormField;
    // A saved warning holds while its field is as saved; the guardian's is worked out live below.
    if (field === 'guardian_name' || !saved || values[field] !== saved[field]) continue;
    (out[field] ??= []).push(warning.message);
  }
  const years = age(values.date_of_birth, today);
  if (years !== null && years < 18 && values.guardian_name.trim() === '') out.guardian_name = [GUARDIAN_WARNING];
  return out;
}

export function StudentForm({ student, onClose, onSaved }: StudentFormProps) {
  const { timeZone } = useSchoolClock();
  const today = todayIn(timeZone);
  const save = useSaveStudent();
  const form = useRecordForm({
    record: student,
    toValues: studentToValues,
    emptyValues: emptyStudentValues,
    latest: (current) => studentQueryOptions(current.id),
    save,
    conflictCode: STUDENT_VERSION_CONFLICT,
    fields: STUDENT_FORM_FIELDS,
    fieldCodes: [VALIDATION_FAILED, ...STUDENT_FIELD_CODES],
  });
  const { base, values, serverErrors } = form;
  const [attempt, setAttempt] = useState(0);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const keepEditing = useRef<HTMLButtonElement>(null);
  // Where the desk was when the question came up: "Keep editing" (or Escape) takes focus back there.
  const beforeAsking = useRef<HTMLElement | null>(null);

  // A save the backend refused field by field: the summary takes focus once the problems are in.
  const fieldRefusal = Object.keys(serverErrors.byField).length > 0 ? save.error : null;
  useEffect(() => {
    if (confirmingDiscard) {
      keepEditing.current?.focus();
      return;
    }
    const back = beforeAsking.current;
    beforeAsking.current = null;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (back?.isConnected && lost) back.focus();
  }, [confirmingDiscard]);

  function errorFor(field: StudentFormField): string | undefined {
    if (form.missing.includes(field)) return 'Required.';
    const problem = serverErrors.byField[field];
    return problem ? problemText(problem) : undefined;
  }

  const problems: SummaryProblem[] = STUDENT_FORM_FIELDS.flatMap((field) => {
    const message = errorFor(field);
    return message ? [{ field, label: FIELD_LABELS[field], message }] : [];
  });
  const warnings = fieldWarnings(base, values, today);
  const initial = base ? studentToValues(base) : emptyStudentValues();
  const changed = STUDENT_FORM_FIELDS.some((field) => values[field] !== initial[field]);

  /** Escape, Close or Cancel: a changed form asks first; Escape again keeps editing. */
  function requestClose() {
    if (confirmingDiscard) return setConfirmingDiscard(false);
    if (changed && !save.isPending) {
      beforeAsking.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return setConfirmingDiscard(true);
    }
    onClose();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setConfirmingDiscard(false);
    if (form.markMissing(missingRequired(values))) return setAttempt((current) => current + 1);
    saveRecord(form, save, { toCreate: toCreateBody, toUpdate: toUpdateBody }, { onSaved, onUnchanged: onClose });
  }

  return (
    <Dialog
      title={base ? `Edit ${fullName(base)}` : 'New student'}
      onClose={requestClose}
      size="large"
      testId="student-form"
      footer={
        <FormFooter formId="student-form" onCancel={requestClose} busy={save.isPending} disabled={form.conflict} testId="save-student">
          {base ? 'Save changes' : 'Add student'}
        </FormFooter>
      }
    >
      {confirmingDiscard ? (
        <Banner
          tone="warning"
          title="Discard your changes?"
          testId="discard-confirm"
          actions={
            <>
              <button ref={keepEditing} type="button" className="btn btn--secondary" onClick={() => setConfirmingDiscard(false)} data-testid="keep-editing">
                Keep editing
              </button>
              <Button variant="danger" onClick={onClose} data-testid="discard-changes">
                Discard changes
              </Button>
            </>
          }
        >
          What you typed in this form has not been saved.
        </Banner>
      ) : null}
      <ErrorSummary title={base ? 'The changes were not saved. Please fix:' : 'The student was not added. Please fix:'} problems={problems} focusKey={fieldRefusal ?? attempt} />
      <SaveProblems form={form} what="this student" failedTitle="The student was not saved." unplaced={serverErrors.unplaced} reloadFailedTitle="Could not reload this student." />
      <form id="student-form" className="form-grid" onSubmit={onSubmit} noValidate>
        <StudentFields
          base={base}
          values={values}
          update={form.update}
          errorFor={errorFor}
          licenceProblem={serverErrors.byField.licence_number}
          warningsFor={(field) => warnings[field] ?? []}
          today={today}
        />
      </form>
    </Dialog>
  );
}
