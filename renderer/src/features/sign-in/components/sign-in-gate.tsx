import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useAuthStatus, useSwitchUser } from '../api/auth';
import { SignInScreen } from './sign-in-screen';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * With sign-in on and nobody signed in at this desk, the sign-in screen lies over the app. The app stays
 * mounted underneath (inert), so the idle lock never loses a half-filled form.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const status = useAuthStatus();
  const { mutate: switchUser } = useSwitchUser();
  const [locked, setLocked] = useState(false);
  const needsSignIn = status.data?.enabled === true && status.data.account === null;
  const signedIn = status.data?.enabled === true && status.data.account !== null;
  const lockNow = useCallback(() => {
    setLocked(true);
    switchUser();
  }, [switchUser]);
  useIdleLock(signedIn ? status.data?.idle_lock_minutes : undefined, lockNow);
  return (
    <>
      <div className="sign-in-gate" inert={needsSignIn || undefined} aria-hidden={needsSignIn || undefined}>
        {children}
      </div>
      {needsSignIn ? <SignInScreen locked={locked} onSignedIn={() => setLocked(false)} /> : null}
    </>
  );
}

/** After `minutes` without a key or a click, `onIdle` runs (the desk signs out: main drops the token). */
function useIdleLock(minutes: number | undefined, onIdle: () => void) {
  useEffect(() => {
    if (minutes === undefined) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, minutes * 60_000);
    };
    restart();
    for (const kind of ACTIVITY) window.addEventListener(kind, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const kind of ACTIVITY) window.removeEventListener(kind, restart);
    };
  }, [minutes, onIdle]);
}
