import { useEffect, useId, useRef } from 'react';

export type SummaryProblem = { field: string; label: string; message: string };

type ErrorSummaryProps = {
  title: string;
  problems: readonly SummaryProblem[];
  /**
   * Changes at each failed save (a count of refused submits, or the backend's refusal itself): the summary
   * takes focus then, so it is read and seen first. 0 or null: nothing has failed yet.
   */
  focusKey: unknown;
};

/**
 * A failed save's problems at the top of the form (GOV.UK's error summary pattern): it takes focus, so
 * the desk sees it even when the field is scrolled away, and each line links to its field.
 */
export function ErrorSummary({ title, problems, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focusKey !== 0 && focusKey != null) ref.current?.focus();
  }, [focusKey]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} data-testid="error-summary">
      <p className="error-summary__title" id={titleId}>
        {title}
      </p>
      <ul className="error-summary__list">
        {problems.map((problem) => (
          <li key={problem.field}>
            <a
              href={`#${problem.field}`}
              data-testid={`error-summary-link-${problem.field}`}
              onClick={(event) => {
                // The address's hash is the app's route: move focus to the field instead of following it.
                event.preventDefault();
                const field = document.getElementById(problem.field);
                field?.scrollIntoView?.({ block: 'center' });
                field?.focus();
              }}
            >
              {problem.label}: {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
