import { DocumentActions, StudentMoneyDocuments } from '../../../documents';

/** The documents printed about one student, each on its own row: what it holds, then Print and Save as PDF. */
export function StudentDocumentsTab({ studentId }: { studentId: number }) {
  return (
    <div className="student-documents" data-testid="student-documents">
      <div className="student-documents__row">
        <p className="student-documents__what">
          <strong>Inspector packet</strong>: identity, consent, hours, every lesson and class, marks, certification and this student&rsquo;s audit entries.
        </p>
        <DocumentActions kind="inspector-packet" id={studentId} />
      </div>
      <div className="student-documents__row">
        <p className="student-documents__what">
          <strong>Progress report</strong>: for the student or a parent: hours against the requirement, lessons with skills, what is booked next.
        </p>
        <DocumentActions kind="progress-report" id={studentId} />
      </div>
      <div className="student-documents__row">
        <p className="student-documents__what">
          <strong>BDE completion certificate</strong>: the school&rsquo;s certificate for a certified course, to give the student: hours, completion date and certificate number.
        </p>
        <DocumentActions kind="certificate" id={studentId} />
      </div>
      <div className="student-documents__row">
        <p className="student-documents__what">
          <strong>Statement</strong>: every charge, payment and credit with the running balance, and what is owed by age.
        </p>
        <DocumentActions kind="statement" id={studentId} />
      </div>
      <StudentMoneyDocuments studentId={studentId} />
    </div>
  );
}
