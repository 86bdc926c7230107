import { BackendStatusBanner } from './backend-status-banner';
import { parseHash, useHash } from '../lib/navigation';
import { AppProvider } from './provider';
import { ScreenErrorBoundary } from './screen-error-boundary';
import { screens } from './screens';
import { useMenuCommands } from './use-menu-commands';

export function App() {
  const [hash, navigate] = useHash();
  useMenuCommands();
  const route = parseHash(hash);
  const active = screens.find((screen) => screen.id === route.screen) ?? screens[0];
  const ActiveScreen = active?.component;

  return (
    <AppProvider>
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
              {screens.filter((screen) => !screen.hidden).map((screen) => (
                <li key={screen.id}>
                  <button
                    type="button"
                    className={screen.id === active?.id ? 'nav__item nav__item--active' : 'nav__item'}
                    aria-current={screen.id === active?.id ? 'page' : undefined}
                    data-testid={`nav-${screen.id}`}
                    onClick={() => navigate(screen.id)}
                  >
                    {screen.label}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
        <main className="shell__main">
          <BackendStatusBanner />
          {ActiveScreen ? (
            // Keyed by screen: going to another screen starts it afresh, clear of the last one's error.
            <ScreenErrorBoundary key={active.id} screen={active.id}>
              <ActiveScreen />
            </ScreenErrorBoundary>
          ) : null}
        </main>
      </div>
    </AppProvider>
  );
}
