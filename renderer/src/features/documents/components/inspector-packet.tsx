import type { ReactNode } from 'react';
import { formatDate } from '../../../lib/dates';
import { formatHours, formatMoney } from '../../../lib/units';
import type { InspectorPacket } from '../types';
import { CATEGORY_LABELS, printedDate, printedInstant, printedRecord, printedTime, printedWho, SOURCE_LABELS } from './print-format';

/** The inspector packet on paper: one student's whole record, then the audit chain as of printing. */
export function InspectorPacketLayout({ packet }: { packet: InspectorPacket }) {
  const { school, student } = packet;
  const when = (instant: string | null | undefined) => printedInstant(instant, school);
  const name = `${student.first_name} ${student.last_name}`;
  const span = (start: string | null | undefined, end: string | null | undefined) => `${printedTime(start, school)} – ${printedTime(end, school)}`;
  return (
    <article className="print-sheet" aria-labelledby="packet-title">
      <header className="print-sheet__header">
        <p className="print-sheet__school">
          {school.name || 'Driving school'}
          {school.mto_school_number ? ` · MTO school ${school.mto_school_number}` : ''}
        </p>
        {school.address ? <p className="print-sheet__address">{school.address}</p> : null}
        <h1 id="packet-title">Inspector packet: {name}</h1>
        <p className="print-sheet__meta">Printed {when(packet.generated_at)}</p>
      </header>

      <Section title="Identity">
        <Facts
          rows={[
            ['Name', name],
            ['Date of birth', formatDate(student.date_of_birth)],
            ['Licence number', student.licence_number_display ?? 'Not on file'],
            ['Licence class', student.licence_class ?? '—'],
            ['G1 issued', formatDate(student.g1_issue_date)],
            ['Licence expiry', formatDate(student.licence_expiry)],
            ['Address', student.address ?? '—'],
            ['Phone', student.phone ?? '—'],
            ['Email', student.email ?? '—'],
            ['Guardian', [student.guardian_name, student.guardian_phone].filter(Boolean).join(' · ') || '—'],
            ['Emergency contact', [student.emergency_contact_name, student.emergency_contact_phone].filter(Boolean).join(' · ') || '—'],
            ['Status', student.archived_at ? `Archived ${when(student.archived_at)}` : 'Active'],
          ]}
        />
        <p className="print-sheet__note">No image of the licence card is kept or printed.</p>
      </Section>

      <Section title="Consent">
        <p>
          {student.consent_at
            ? `Consented to share with MTO, the Insurance Bureau of Canada and the MTO course inspector on ${when(student.consent_at)}.`
            : 'No consent to share is on file.'}
        </p>
      </Section>

      <Section title="Enrollments and hours">
        {packet.enrollments.length === 0 ? <p>No enrollment.</p> : null}
        {packet.enrollments.map((e) => (
          <div key={e.id} className="print-sheet__block">
            <h3>
              {e.course_name} (enrollment #{e.id})
            </h3>
            <Facts
              rows={[
                ['Enrolled', formatDate(e.enrolled_on)],
                ['First class', formatDate(e.first_class_date)],
                ['Deadline', formatDate(e.deadline)],
                ['Status', e.status],
              ]}
            />
            <Table
              caption="Hours against the requirement"
              head={['Category', 'Required', 'Credited', 'Remaining']}
              rows={(e.totals ?? []).map((t) => [CATEGORY_LABELS[t.category] ?? t.category, formatHours(t.required_minutes), formatHours(t.credited_minutes), formatHours(t.remaining_minutes)])}
            />
            <Table
              caption="Hours ledger (every entry)"
              head={['#', 'Date', 'Category', 'Hours', 'From', 'Reason', 'Recorded']}
              rows={(e.ledger ?? []).map((x) => [String(x.id), formatDate(x.occurred_on), CATEGORY_LABELS[x.category] ?? x.category, formatHours(x.minutes), `${SOURCE_LABELS[x.source] ?? x.source}${x.source_id ? ` #${x.source_id}` : ''}`, x.reason ?? '', when(x.recorded_at)])}
              empty="No hours recorded."
            />
          </div>
        ))}
      </Section>

      <Section title="In-car lessons">
        {packet.lessons.length === 0 ? <p>No in-car lesson.</p> : null}
        {packet.lessons.length > 0 ? (
          <table className="print-sheet__table print-sheet__table--lessons">
            <thead>
              <tr>
                {['Date', 'Booked', 'Actual', 'Instructor', 'Vehicle', 'Odometer (km)', 'Status'].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            {packet.lessons.map((l) => (
              // One tbody a lesson: its line and its skills stay together on a page.
              <tbody key={l.id}>
                <tr>
                  <td>{printedDate(l.starts_at, school)}</td>
                  <td>{span(l.starts_at, l.ends_at)}</td>
                  <td>{l.actual_start ? `${printedDate(l.actual_start, school) === printedDate(l.starts_at, school) ? '' : `${printedDate(l.actual_start, school)} `}${span(l.actual_start, l.actual_end)}` : '—'}</td>
                  <td>{l.instructor_name}</td>
                  <td>{l.vehicle_plate}</td>
                  <td>{l.odometer_start !== null && l.odometer_end !== null ? `${l.odometer_start} → ${l.odometer_end} (${l.odometer_end - l.odometer_start})` : '—'}</td>
                  <td>{l.status.replace('_', ' ')}</td>
                </tr>
                <tr className="print-sheet__subrow">
                  <td colSpan={7}>
                    Lesson #{l.id} · DI licence {l.instructor_di_licence} · {l.vehicle_description}
                    {l.skills_covered.length > 0 ? ` · Skills: ${l.skills_covered.join(', ')}` : ''}
                    {l.evaluation_notes ? ` · Notes: ${l.evaluation_notes}` : ''}
                    {l.cancel_reason ? ` · Cancelled: ${l.cancel_reason}` : ''}
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        ) : null}
      </Section>

      <Section title="Classroom attendance">
        <Table
          head={['Class', 'Topic', 'Room', 'Instructor', 'Present']}
          rows={packet.attendance.map((a) => [`${when(a.starts_at)} – ${printedTime(a.ends_at, school)}`, a.topic, a.room, a.instructor_name, formatHours(a.minutes)])}
          empty="No class attended."
        />
      </Section>

      <Section title="Marks and certification">
        <Table
          head={['Enrollment', 'Final mark', 'Result', 'Certified on', 'Certified by', 'MTO reference', 'Fee']}
          rows={packet.enrollments.map((e) => [
            `${e.course_name} #${e.id}`,
            e.final_mark_percent === null ? '—' : `${e.final_mark_percent}%`,
            e.result,
            formatDate(e.certified_on),
            e.certified_by ?? '—',
            e.mto_reference ?? '—',
            e.certification_fee_cents === null ? '—' : formatMoney(e.certification_fee_cents),
          ])}
          empty="No enrollment."
        />
      </Section>

      <Section title={`Audit entries about this student (${packet.audit_entries_total})`} className="print-sheet__section--new-page">
        <Table
          head={['#', 'When', 'Who', 'Action', 'Record', 'Reason']}
          rows={packet.audit_entries.map((a) => [String(a.id), when(a.at), printedWho(a), a.action.replace(/_/g, ' '), printedRecord(a, student), a.reason ?? ''])}
          empty="No audit entry."
        />
      </Section>

      <Section title="Audit chain as of printing">
        <Facts
          wide
          rows={[
            ['Head entry', packet.chain.head_id === null ? 'No entry yet' : `#${packet.chain.head_id}`],
            ['Head hash', packet.chain.head_hash ?? '—'],
            ['Verify', verifyText(packet)],
          ]}
        />
      </Section>
    </article>
  );
}

function verifyText(packet: InspectorPacket): string {
  const v = packet.chain.verify;
  if (v.ok) return `Verified: ${v.checked} entries, chain intact, no record changed outside the app.`;
  const parts = ['Verify FAILED'];
  if (v.first_broken_id !== null) parts.push(`first broken link at entry #${v.first_broken_id}`);
  if (v.anchor_break) parts.push(`${v.anchor_break.code === 'audit.chain_cut_short' ? 'log cut short' : 'log re-hashed'} after the kept head #${v.anchor_break.anchor_id}`);
  if ((v.drifted_total ?? 0) > 0) parts.push(`${v.drifted_total} record(s) changed outside the app`);
  return `${parts.join('; ')}.`;
}

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={['print-sheet__section', className].filter(Boolean).join(' ')}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Label and value pairs, two to a line; `wide` gives each its own line (a 64-character hash stays whole). */
function Facts({ rows, wide = false }: { rows: Array<[string, string]>; wide?: boolean }) {
  return (
    <dl className={wide ? 'print-sheet__facts print-sheet__facts--wide' : 'print-sheet__facts'}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Table({ caption, head, rows, empty, className }: { caption?: string; head: string[]; rows: string[][]; empty?: string; className?: string }) {
  if (rows.length === 0 && empty) return <p>{empty}</p>;
  return (
    <table className={['print-sheet__table', className].filter(Boolean).join(' ')}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
