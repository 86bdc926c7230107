import { useEffect, useRef, useState } from 'react';
import { BackendStatusBanner } from './backend-status-banner';
import { NotAllowed, SignedInAs, SignInGate, useAccess } from '../features/sign-in';
import { parseHash, useHash } from '../lib/navigation';
import { AppProvider } from './provider';
import { ScreenErrorBoundary } from './screen-error-boundary';
import { mayOpen } from './screen-access';
import { screens, type Screen } from './screens';
import { focusPageStart } from './page-focus';
import { ShortcutsHelp } from './shortcuts-help';
import { useMenuCommands } from './use-menu-commands';
import { mainElement, useShortcuts } from './use-shortcuts';

export function App() {
  const [hash, navigate] = useHash();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = () => setHelpOpen(true);
  useMenuCommands(openHelp);
  useShortcuts(openHelp);
  const route = parseHash(hash);
  const active = screens.find((screen) => screen.id === route.screen) ?? screens[0];
  const ActiveScreen = active?.component;
  useFocusOnNavigation(active?.id);

  return (
    <AppProvider>
      <SignInGate>
      <a className="skip-link" href="#main-content" onClick={skipToMain} data-testid="skip-link">
        Skip to main content
      </a>
      <div className={active?.focus ? 'shell shell--focus' : 'shell'}>
        <aside className="shell__sidebar">
          <div className="brand">
            <span className="brand__mark" aria-hidden="true">
              ODS
            </span>
            <span className="brand__name">
              Ontario Driving
              <br />
              School Manager
            </span>
          </div>
          <nav aria-label="Main">
            <ul className="nav">
              <ScreenLinks active={active} navigate={navigate} />
            </ul>
          </nav>
          <SignedInAs />
        </aside>
        <main className="shell__main" id="main-content" tabIndex={-1}>
          <BackendStatusBanner />
          {ActiveScreen ? (
            // Keyed by screen: going to another screen starts it afresh, clear of the last one's error.
            <ScreenErrorBoundary key={active.id} screen={active.id}>
              <AllowedScreen id={active.id} component={ActiveScreen} />
            </ScreenErrorBoundary>
          ) : null}
        </main>
      </div>
      {helpOpen ? <ShortcutsHelp onClose={() => setHelpOpen(false)} /> : null}
      </SignInGate>
    </AppProvider>
  );
}

/** The navigation's entries: with sign-in on, only the screens the signed-in account may use. */
function ScreenLinks({ active, navigate }: { active: Screen | undefined; navigate: (screen: string) => void }) {
  const access = useAccess();
  return (
    <>
      {screens.filter((screen) => !screen.hidden && mayOpen(access, screen.id)).map((screen) => (
        <li key={screen.id}>
          <button
            type="button"
            className={screen.id === (active?.parent ?? active?.id) ? 'nav__item nav__item--active' : 'nav__item'}
            aria-current={screen.id === (active?.parent ?? active?.id) ? 'page' : undefined}
            data-testid={`nav-${screen.id}`}
            onClick={() => navigate(screen.id)}
          >
            {screen.label}
          </button>
        </li>
      ))}
    </>
  );
}

/** A screen the account may not use, reached by its address, is one plain page, not a stack of refusals. */
function AllowedScreen({ id, component: Component }: { id: string; component: Screen['component'] }) {
  return mayOpen(useAccess(), id) ? <Component /> : <NotAllowed screen={id} />;
}

/** The skip link's target is a hash, which this app reads as a screen: move focus without following it. */
function skipToMain(event: { preventDefault: () => void }) {
  event.preventDefault();
  focusPageStart(mainElement());
}

/** After going to another screen, focus moves to its search or heading, not left behind in the sidebar. */
function useFocusOnNavigation(screenId: string | undefined): void {
  const first = useRef(true);
  useEffect(() => {
    // The first screen after start-up keeps focus where the window puts it: Tab reaches the skip link.
    if (first.current) {
      first.current = false;
      return undefined;
    }
    return focusPageStart(mainElement());
  }, [screenId]);
}
