// What an inspection bundle holds beside the packets: the index (one row per student) and the audit
// chain's state as of finishing, both plain text an inspector opens without the app; and the names of
// the files and folders, safe on every file system.

export interface BundleStudent {
  student_id: number;
  student_name: string;
  licence_number: string | null;
  classroom_minutes: number;
  in_car_minutes: number;
  flex_minutes: number;
}

export interface ChainState {
  verify: { ok: boolean; checked: number; first_broken_id: number | null; anchor_break?: { code: string; anchor_id: number } | null; drifted_total?: number };
  head: { entry_id: number | null; entry_hash: string | null };
}

/** "Maya Singh" (id 12) -> "inspector-packet-12-maya-singh.pdf": the id keeps two students of one name apart. */
export function packetFileName(student: Pick<BundleStudent, 'student_id' | 'student_name'>): string {
  const slug = student.student_name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `inspector-packet-${student.student_id}${slug ? `-${slug}` : ''}.pdf`;
}

/** The bundle's folder name for a period: "inspection-bundle-2026-11-01-to-2026-11-30". */
export function bundleFolderName(firstDay: string, lastDay: string): string {
  return `inspection-bundle-${firstDay}-to-${lastDay}`;
}

/** One CSV field: quoted when it must be, and never read as a formula by a spreadsheet (=, +, -, @). */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

/** index.csv: who is in the bundle, in which file, with the hours credited on their courses. */
export function indexCsv(rows: ReadonlyArray<{ student: BundleStudent; file: string }>): string {
  const header = ['student', 'licence_number', 'file', 'classroom_hours', 'in_car_hours', 'flex_hours', 'total_hours'];
  const lines = rows.map(({ student: s, file }) =>
    [s.student_name, s.licence_number ?? '', file, hours(s.classroom_minutes), hours(s.in_car_minutes), hours(s.flex_minutes), hours(s.classroom_minutes + s.in_car_minutes + s.flex_minutes)]
      .map(csvField)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** audit-chain.txt: the chain's head and the result of verify, run once every packet was written. */
export function chainText(options: { firstDay: string; lastDay: string; madeAt: Date; students: number; chain: ChainState }): string {
  const { verify, head } = options.chain;
  const problems = [
    verify.first_broken_id !== null ? `the chain breaks at entry #${verify.first_broken_id}` : '',
    verify.anchor_break ? `it no longer reaches the head kept outside the database, entry #${verify.anchor_break.anchor_id} (${verify.anchor_break.code})` : '',
    verify.drifted_total ? `${verify.drifted_total} records differ from their last audited state` : '',
  ].filter(Boolean);
  const result = verify.ok ? `chain intact: ${verify.checked} entries checked` : `NOT VERIFIED: ${problems.join('; ') || 'see Verify audit chain in the app'}; ${verify.checked} entries checked`;
  return [
    'Inspection bundle: the audit chain as of finishing',
    '',
    `Period:        ${options.firstDay} to ${options.lastDay}`,
    `Made:          ${options.madeAt.toISOString()}`,
    `Students:      ${options.students} (one inspector packet each, listed in index.csv)`,
    `Chain head:    ${head.entry_id === null ? 'no entry yet' : `entry #${head.entry_id}`}`,
    `Head hash:     ${head.entry_hash ?? '—'}`,
    `Verify:        ${result}`,
    '',
    'Each entry is hashed with the one before it (sha256); the head hash changes if any earlier entry is altered.',
    '',
  ].join('\n');
}
