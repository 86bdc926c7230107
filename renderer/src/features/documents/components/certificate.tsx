import { formatHours } from '../../../lib/units';
import type { Certificate } from '../types';
import './certificate.css';
import { CATEGORY_LABELS, printedDate } from './print-format';

// A certificate's dates are written out in full ("December 2, 2026"): it is kept and shown, not filed.
const longDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
function writtenDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return longDate.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

/** The school's BDE completion certificate: one page, for the student and their family to keep. */
export function CertificateLayout({ certificate: c }: { certificate: Certificate }) {
  const { school } = c;
  return (
    <article className="certificate" aria-labelledby="certificate-title">
      <header className="certificate__school">
        <p className="certificate__school-name">{school.name || 'Driving school'}</p>
        {school.address ? <p>{school.address}</p> : null}
        {school.mto_school_number ? <p>Ministry of Transportation of Ontario · driving school number {school.mto_school_number}</p> : null}
      </header>

      <h1 id="certificate-title" className="certificate__title">
        Certificate of Completion
        <span className="certificate__subtitle">Beginner Driver Education (BDE)</span>
      </h1>

      <p className="certificate__lead">This certifies that</p>
      <p className="certificate__name">{c.student_name}</p>
      <p className="certificate__licence">
        {c.licence_number ? `Ontario driver’s licence ${c.licence_number}` : 'Ontario driver’s licence number not on file'}
        {c.date_of_birth ? ` · born ${writtenDate(c.date_of_birth)}` : ''}
      </p>
      <p className="certificate__lead">
        has successfully completed the Beginner Driver Education course
        <br />
        <strong>{c.course_name}</strong>
        <br />
        on <strong>{writtenDate(c.completed_on)}</strong>.
      </p>

      <table className="certificate__hours">
        <caption>Hours completed</caption>
        <thead>
          <tr>
            <th scope="col">Part of the course</th>
            <th scope="col">Required</th>
            <th scope="col">Completed</th>
          </tr>
        </thead>
        <tbody>
          {c.hours.map((h) => (
            <tr key={h.category}>
              <th scope="row">{HOURS_LABELS[h.category] ?? CATEGORY_LABELS[h.category] ?? h.category}</th>
              <td>{formatHours(h.required_minutes)}</td>
              <td>{formatHours(h.credited_minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="certificate__facts">
        <dt>Certificate number</dt>
        <dd>{c.certificate_number}</dd>
        <dt>MTO reference</dt>
        <dd>{c.mto_reference ?? '—'}</dd>
        <dt>Course started</dt>
        <dd>{writtenDate(c.enrolled_on)}</dd>
        {c.final_mark_percent !== null ? (
          <>
            <dt>Final mark</dt>
            <dd>{c.final_mark_percent}%</dd>
          </>
        ) : null}
      </dl>

      <footer className="certificate__signatures">
        <div className="certificate__signature">
          <span className="certificate__line" aria-hidden="true" />
          <p>
            <strong>{c.certified_by ?? ''}</strong>
          </p>
          <p>Certified for {school.name || 'the school'}</p>
        </div>
        <div className="certificate__signature">
          <span className="certificate__line" aria-hidden="true" />
          <p>
            <strong>{c.instructors.map((i) => i.name).join(', ') || '—'}</strong>
          </p>
          <p>{c.instructors.length > 0 ? `In-car instructor · DI licence ${c.instructors.map((i) => i.di_licence_number).join(', ')}` : 'In-car instructor'}</p>
        </div>
      </footer>
      <p className="certificate__printed">
        Printed {printedDate(c.generated_at, school)}. The Ministry of Transportation records the course on the student’s driving record; insurers check it there.
      </p>
    </article>
  );
}

const HOURS_LABELS: Record<string, string> = { classroom: 'Classroom', in_car: 'In-car driving', flex: 'Home-link (flexible)' };
