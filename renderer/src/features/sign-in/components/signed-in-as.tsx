import { Button } from '../../../components/ui/button';
import { useAuthStatus, useSwitchUser } from '../api/auth';
import { ROLE_WORDS } from './roles';

/** In the sidebar while someone is signed in: who, and "Switch user" (the next person signs in over the app). */
export function SignedInAs() {
  const status = useAuthStatus();
  const switchUser = useSwitchUser();
  const account = status.data?.account;
  if (!status.data?.enabled || !account) return null;
  return (
    <div className="signed-in-as" data-testid="signed-in-as">
      <span>
        {account.name} <small>({ROLE_WORDS[account.role]})</small>
      </span>
      <Button variant="ghost" busy={switchUser.isPending} onClick={() => switchUser.mutate()} data-testid="switch-user">
        Switch user
      </Button>
    </div>
  );
}
