import { SelectField } from '../../../components/ui/field';
import { useCertifiers } from '../api/certification';
import type { Certifier, CertifierRef } from '../types';

/** A certifier as a <select> value: "instructor-3", "staff-1". */
export function certifierKey(person: Pick<Certifier, 'kind' | 'id'>): string {
  return `${person.kind}-${person.id}`;
}

export function certifierRef(key: string, people: readonly Certifier[]): CertifierRef | null {
  const person = people.find((candidate) => certifierKey(candidate) === key);
  return person ? { kind: person.kind, id: person.id } : null;
}

// The desk usually certifies a day's students under one name: the last one chosen is offered again until the app
// closes, to the same person only. Each signed-in account has its own (the key null: sign-in is off).
const lastChosen = new Map<number | null, string>();

/** The key to start with: the one this account chose last, or the only person on the list. */
export function startingCertifier(people: readonly Certifier[] | undefined, account: number | null): string {
  if (!people) return '';
  const last = lastChosen.get(account);
  if (last !== undefined && people.some((person) => certifierKey(person) === last)) return last;
  return people.length === 1 && people[0] ? certifierKey(people[0]) : '';
}

export function rememberCertifier(key: string, account: number | null) {
  lastChosen.set(account, key);
}

type Props = { id: string; value: string; onChange: (key: string) => void; error?: string | undefined };

/** "Certified by": chosen from the school's licensed instructors and the staff whose role may certify, never typed. */
export function CertifierPicker({ id, value, onChange, error }: Props) {
  const certifiers = useCertifiers();
  const people = certifiers.data?.items ?? [];
  const none = certifiers.isSuccess && people.length === 0;
  return (
    <SelectField
      id={id}
      label="Certified by"
      required
      value={value}
      error={error}
      hint={none ? 'Nobody can certify: add an instructor with a valid DI licence, or a staff account that may certify.' : 'A licensed instructor, or staff allowed to certify.'}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{certifiers.isPending ? 'Loading…' : 'Choose who certified'}</option>
      {people.map((person) => (
        <option key={certifierKey(person)} value={certifierKey(person)}>
          {person.name} ({person.role})
        </option>
      ))}
    </SelectField>
  );
}
