import type { FieldProblem } from '../../lib/field-errors';
import { Banner } from './banner';

/** validation_failed problems for fields the form does not show. */
export function UnplacedErrors({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Banner tone="error" title="Some details need fixing." testId="unplaced-errors">
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.field}:${problem.rule}`}>
            {problem.field || 'Request'}: {problem.message}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
