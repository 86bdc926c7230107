import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { dollarsToCents, formatHours, formatMoney, hoursToMinutes } from '../../../lib/units';
import { useCourses, useCreateCourse } from '../api/courses';

const FIELDS = ['name', 'kind', 'classroom_minutes', 'in_car_minutes', 'flex_minutes', 'price_cents', 'tax_rate_basis_points'];

/** The school's products: the BDE course (hours from the settings by default) and non-BDE lesson packages. */
export function CoursesSection() {
  const courses = useCourses({ include_inactive: true });
  const create = useCreateCourse();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'bde' | 'package'>('package');
  const [inCarHours, setInCarHours] = useState('5');
  const [price, setPrice] = useState('325.00');
  const [taxPercent, setTaxPercent] = useState('13');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(create.error, FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const inCar = hoursToMinutes(inCarHours);
    const cents = dollarsToCents(price);
    const tax = Number(taxPercent);
    const problems: Record<string, string> = {};
    if (kind === 'package' && inCar === null) problems.in_car_minutes = 'Enter the in-car hours, like 5 or 7.5.';
    if (cents === null) problems.price_cents = 'Enter a price in dollars, like 325.00.';
    if (!Number.isFinite(tax) || tax < 0 || tax > 100) problems.tax_rate_basis_points = 'Enter a tax rate from 0 to 100 %.';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      {
        name,
        kind,
        // A BDE course takes its hours from the school settings (20/10/10 h by default).
        ...(kind === 'package' ? { classroom_minutes: 0, in_car_minutes: inCar ?? 0, flex_minutes: 0 } : {}),
        price_cents: cents ?? 0,
        tax_rate_basis_points: Math.round(tax * 100),
      },
      { onSuccess: () => setName('') },
    );
  }

  const error = (field: string) => local[field] ?? server.byField[field]?.message;
  return (
    <section className="card card--padded" aria-labelledby="courses-title" data-testid="courses-section">
      <h2 id="courses-title" className="dash-card__title">
        Courses and lesson packages
      </h2>
      {courses.error ? <ErrorBanner error={courses.error} title="Could not load the courses." /> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Classroom</th>
            <th>In-car</th>
            <th>Flex</th>
            <th>Price</th>
            <th>HST</th>
          </tr>
        </thead>
        <tbody>
          {(courses.data?.items ?? []).map((course) => (
            <tr key={course.id}>
              <td>{course.name}</td>
              <td>{course.kind === 'bde' ? 'BDE' : 'Package'}</td>
              <td>{formatHours(course.classroom_minutes)}</td>
              <td>{formatHours(course.in_car_minutes)}</td>
              <td>{formatHours(course.flex_minutes)}</td>
              <td>{formatMoney(course.price_cents)}</td>
              <td>{course.tax_rate_basis_points / 100} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="courses-form" onSubmit={onSubmit} aria-label="New course">
        <TextField id="course-name" label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={error('name')} />
        <SelectField id="course-kind" label="Kind" value={kind} onChange={(e) => setKind(e.target.value as 'bde' | 'package')} error={error('kind')}>
          <option value="package">Lesson package</option>
          <option value="bde">BDE course</option>
        </SelectField>
        {kind === 'package' ? (
          <TextField id="course-in-car" label="In-car hours" value={inCarHours} onChange={(e) => setInCarHours(e.target.value)} error={error('in_car_minutes')} />
        ) : null}
        <TextField id="course-price" label="Price ($)" value={price} onChange={(e) => setPrice(e.target.value)} error={error('price_cents')} />
        <TextField id="course-tax" label="Tax rate (%)" hint="HST is 13 % in Ontario." value={taxPercent} onChange={(e) => setTaxPercent(e.target.value)} error={error('tax_rate_basis_points')} />
        <div>
          <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
            Add course
          </Button>
        </div>
      </form>
      {create.error && Object.keys(server.byField).length === 0 ? <ErrorBanner error={create.error} /> : null}
    </section>
  );
}
