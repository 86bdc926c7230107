import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { FormFooter } from '../../../components/ui/form-footer';
import { SaveProblems } from '../../../components/ui/save-problems';
import { Tabs } from '../../../components/ui/tabs';
import { saveRecord, useRecordForm } from '../../../hooks/use-record-form';
import { todayIn } from '../../../lib/dates';
import { type FieldProblem } from '../../../lib/field-errors';
import { StudentHistory } from '../../audit';
import { DocumentActions } from '../../documents';
import { StudentProgress } from '../../enrollments';
import { useSchoolClock } from '../../settings';
import { studentQueryOptions } from '../api/get-student';
import { useSaveStudent } from '../api/save-student';
import { STUDENT_VERSION_CONFLICT, type Student } from '../types';
import { fullName } from './format';
import { StudentFields } from './student-fields';
import {
  emptyStudentValues,
  missingRequired,
  STUDENT_FORM_FIELDS,
  studentToValues,
  toCreateBody,
  toUpdateBody,
  type StudentFormField,
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
  const [tab, setTab] = useState<StudentTab>('details');
  const { timeZone } = useSchoolClock();
  const save = useSaveStudent();
  const form = useRecordForm({
    record: student,
    toValues: studentToValues,
    emptyValues: emptyStudentValues,
    latest: (current) => studentQueryOptions(current.id),
    save,
    conflictCode: STUDENT_VERSION_CONFLICT,
    fields: STUDENT_FORM_FIELDS,
  });
  const { base, values, serverErrors } = form;

  function errorFor(field: StudentFormField): string | undefined {
    if (form.missing.includes(field)) return 'Required.';
    const problem = serverErrors.byField[field];
    return problem ? problemText(problem) : undefined;
  }

  // Warnings the saved record already carries, while its licence number is unchanged.
  const licenceWarnings =
    base && values.licence_number === studentToValues(base).licence_number
      ? (base.warnings ?? []).filter((warning) => warning.field === 'licence_number').map((warning) => warning.message)
      : [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.markMissing(missingRequired(values))) return setTab('details');
    saveRecord(form, save, { toCreate: toCreateBody, toUpdate: toUpdateBody }, { onSaved, onUnchanged: onClose });
  }

  return (
    <Dialog
      title={base ? `Edit ${fullName(base)}` : 'New student'}
      onClose={onClose}
      size="large"
      testId="student-form"
      footer={
        <FormFooter formId="student-form" onCancel={onClose} busy={save.isPending} disabled={form.conflict} testId="save-student">
          {base ? 'Save changes' : 'Add student'}
        </FormFooter>
      }
    >
      <SaveProblems form={form} what="this student" failedTitle="The student was not saved." unplaced={serverErrors.unplaced} reloadFailedTitle="Could not reload this student." />
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
      {base ? <DocumentActions kind="inspector-packet" id={base.id} /> : null}
      {base ? <DocumentActions kind="progress-report" id={base.id} /> : null}
      {base && tab === 'history' ? <StudentHistory studentId={base.id} timeZone={timeZone} /> : null}
      {base && tab === 'progress' ? <StudentProgress studentId={base.id} today={todayIn(timeZone)} /> : null}
      <form id="student-form" className="form-grid" onSubmit={onSubmit} noValidate hidden={tab !== 'details'}>
        <StudentFields
          base={base}
          values={values}
          update={form.update}
          errorFor={errorFor}
          licenceProblem={serverErrors.byField.licence_number}
          licenceWarnings={licenceWarnings}
        />
      </form>
    </Dialog>
  );
}
