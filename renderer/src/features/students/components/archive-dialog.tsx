import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { isOdsmError } from '../../../lib/odsm';
import { useArchiveStudent } from '../api/archive-student';
import { STUDENT_VERSION_CONFLICT, type Student } from '../types';
import { fullName } from './format';

type ArchiveDialogProps = {
  student: Student;
  onClose: () => void;
  onArchived: (student: Student) => void;
};

export function ArchiveDialog({ student, onClose, onArchived }: ArchiveDialogProps) {
  const archive = useArchiveStudent();
  const conflict = isOdsmError(archive.error) && archive.error.code === STUDENT_VERSION_CONFLICT;

  return (
    <Dialog
      title={`Archive ${fullName(student)}?`}
      onClose={onClose}
      testId="archive-dialog"
      description={
        <p>
          {fullName(student)} will no longer appear in the student list. Their record, lessons and payments are kept and
          can be restored by support.
        </p>
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            busy={archive.isPending}
            disabled={conflict}
            data-testid="confirm-archive"
            onClick={() => archive.mutate(student, { onSuccess: onArchived })}
          >
            Archive student
          </Button>
        </>
      }
    >
      {archive.error ? (
        <ErrorBanner
          error={archive.error}
          title={conflict ? 'Someone else changed this student since the list was loaded. Close this and try again.' : undefined}
          testId="archive-error"
        />
      ) : null}
    </Dialog>
  );
}
