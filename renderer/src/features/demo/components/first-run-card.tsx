import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { useDemoStatus, useLoadDemo, useRefreshAfterDemo } from '../api/demo';

/**
 * The first-run choice: on an empty database, start with an empty school or load the demo school
 * (written through the real services, with progress). It disappears once the school has students.
 */
export function FirstRunCard() {
  const status = useDemoStatus();
  const load = useLoadDemo();
  const refresh = useRefreshAfterDemo();
  const [dismissed, setDismissed] = useState(false);
  const state = status.data?.state;
  const startedHere = load.isSuccess;

  useEffect(() => {
    // Every screen's data changed once the demo school is in.
    if (state === 'done' && startedHere) void refresh();
  }, [state, startedHere, refresh]);

  if (!status.data || dismissed) return null;
  const { data } = status;
  const relevant =
    (data.state === 'idle' && data.database_empty) || data.state === 'running' || data.state === 'failed' || startedHere;
  if (!relevant) return null;

  return (
    <section className="card first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title" className="dash-card__title">
        {data.state === 'done' ? 'The demo school is ready' : 'Welcome: this school has no records yet'}
      </h2>
      {data.state === 'idle' && (
        <>
          <p>
            Start with an empty school and add your instructors, vehicles and students, or load a demo school to try the
            app: 5 instructors, 4 cars, 200 students and a term of lessons and classes.
          </p>
          <div className="first-run__actions">
            <Button variant="primary" onClick={() => load.mutate()} disabled={load.isPending} data-testid="load-demo">
              Load the demo school
            </Button>
            <Button onClick={() => setDismissed(true)}>Start empty</Button>
          </div>
        </>
      )}
      {data.state === 'running' && (
        <ProgressBar
          label={`Loading: ${data.stage}`}
          value={data.done}
          max={Math.max(data.total, 1)}
          detail={data.total ? `${data.done} of ${data.total}` : 'starting'}
        />
      )}
      {data.state === 'done' && data.summary && (
        <p data-testid="demo-summary">
          Loaded {data.summary.students} students, {data.summary.instructors} instructors, {data.summary.vehicles} vehicles,{' '}
          {data.summary.lessons} lessons and {data.summary.classroom_sessions} classes.
        </p>
      )}
      {data.state === 'failed' && <p className="first-run__error">The demo school could not be loaded: {data.error}</p>}
      {load.error && <ErrorBanner error={load.error} />}
    </section>
  );
}
