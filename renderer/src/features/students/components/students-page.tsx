import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ListPage } from '../../../components/ui/list-page';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { navigate, useIntent } from '../../../lib/navigation';
import { useStudentImport } from '../../imports';
import { useMay } from '../../sign-in';
import { useStudents } from '../api/get-students';
import type { Student } from '../types';
import { ArchiveDialog } from './archive-dialog';
import { fullName } from './format';
import { StudentForm } from './student-form';
import { FIELD_LABELS, type StudentFormField } from './student-form-values';
import { StudentTable } from './student-table';

export const PAGE_SIZE = 25;
const SEARCH_DEBOUNCE_MS = 300;

type Editing = { student: Student | null } | null;
type Notice = { kind: 'saved'; student: Student; created: boolean } | { kind: 'archived'; student: Student } | null;

export function StudentsPage() {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<Student | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // Adding, editing, archiving and importing are the desk's (students.edit); the backend refuses anyone else.
  const mayEdit = useMay('students.edit');
  // File → New student.
  useIntent('students', 'new', () => setEditing(mayEdit ? { student: null } : null));
  const importing = useStudentImport();

  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const students = useStudents({ ...(q ? { q } : {}), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
  const data = students.data;
  const searching = search.trim() !== q || (students.isFetching && students.isPlaceholderData);

  // Archiving the last student on the last page leaves it empty: step back to the last page with rows.
  // Adjusted during render (React's pattern for state derived from new data), never upward, so it settles.
  const lastPage = data ? Math.max(0, Math.ceil(data.total / PAGE_SIZE) - 1) : page;
  if (data && data.items.length === 0 && lastPage < page) setPage(lastPage);

  return (
    <ListPage
      id="students"
      title="Students"
      subtitle={data ? `${data.total} active ${data.total === 1 ? 'student' : 'students'}${q ? ' found' : ''}` : '\u00a0'}
      actions={
        <div className="page__actions">
          {mayEdit ? importing.button : null}
          {mayEdit ? (
            <Button variant="primary" onClick={() => setEditing({ student: null })} data-testid="new-student">
              + New student
            </Button>
          ) : null}
        </div>
      }
      notice={
        <>
          {importing.error}
          <SaveNotice notice={notice} onDismiss={() => setNotice(null)} />
        </>
      }
      search={{
        label: 'Search students',
        placeholder: 'Search by name, licence number or phone',
        value: search,
        testId: 'student-search',
        searching,
        // Only a settled search opens its first match: never a row left over from the last search.
        onEnter: () => {
          const first = data?.items[0];
          if (!searching && !students.isFetching && first) openStudent(first);
        },
        onChange: (value) => {
          setSearch(value);
          setPage(0);
        },
      }}
      query={students}
      onRetry={() => void students.refetch()}
      isEmpty={data?.items.length === 0}
      errorTitle="Could not load students."
      loading="Loading students…"
      empty={q ? `No students match “${q}”.` : 'No students yet. Add the first one with “New student”.'}
      emptyTestId="empty-state"
      paging={data ? { offset: data.offset, limit: PAGE_SIZE, total: data.total, onPage: setPage } : null}
      dialogs={
        <>
          {importing.dialog}
          {editing ? (
            <StudentForm
              student={editing.student}
              onClose={() => setEditing(null)}
              onSaved={(student, created) => {
                setEditing(null);
                setNotice({ kind: 'saved', student, created });
              }}
            />
          ) : null}
          {archiving ? (
            <ArchiveDialog
              student={archiving}
              onClose={() => setArchiving(null)}
              onArchived={(student) => {
                setArchiving(null);
                setNotice({ kind: 'archived', student });
              }}
            />
          ) : null}
        </>
      }
    >
      <StudentTable students={data?.items ?? []} onOpen={openStudent} onEdit={mayEdit ? (student) => setEditing({ student }) : undefined} onArchive={mayEdit ? (student) => setArchiving(student) : undefined} />
    </ListPage>
  );
}

/** A student's page: what the desk reads before anything else. */
function openStudent(student: Student) {
  navigate('student', { id: String(student.id) });
}

function SaveNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  if (!notice) return null;
  if (notice.kind === 'archived') {
    return <Banner tone="success" title={`${fullName(notice.student)} was archived.`} onDismiss={onDismiss} testId="save-notice" />;
  }
  const verb = notice.created ? 'added' : 'saved';
  const warnings = notice.student.warnings ?? [];
  if (warnings.length === 0) {
    return <Banner tone="success" title={`${fullName(notice.student)} was ${verb}.`} onDismiss={onDismiss} testId="save-notice" />;
  }
  return (
    <Banner tone="warning" title={`${fullName(notice.student)} was ${verb}, with ${warnings.length === 1 ? 'one thing' : `${warnings.length} things`} to check.`} onDismiss={onDismiss} testId="save-notice">
      <ul className="warning-list">
        {warnings.map((warning) => (
          <li key={warning.code} data-testid="save-warning" data-code={warning.code} data-field={warning.field}>
            <strong>{FIELD_LABELS[warning.field as StudentFormField] ?? warning.field}:</strong> {warning.message}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
