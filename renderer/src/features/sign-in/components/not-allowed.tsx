import { Button } from '../../../components/ui/button';
import { Page } from '../../../components/ui/page';
import { navigate } from '../../../lib/navigation';

/** A screen the signed-in account may not use, reached by its address: one plain page, not a stack of refusals. */
export function NotAllowed({ screen }: { screen: string }) {
  return (
    <Page id="not-allowed" title="Not available for your account">
      <div className="card empty-state" data-testid="not-allowed" data-screen={screen}>
        <p>Your account can’t open this screen; ask the school’s owner.</p>
        <p>
          <Button onClick={() => navigate('home')}>Go to Home</Button>
        </p>
      </div>
    </Page>
  );
}
