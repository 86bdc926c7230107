import { useState } from 'react';
import { BackendStatusBanner } from './backend-status-banner';
import { AppProvider } from './provider';
import { screens } from './screens';

export function App() {
  const [activeId, setActiveId] = useState(screens[0]?.id ?? '');
  const active = screens.find((screen) => screen.id === activeId) ?? screens[0];
  const ActiveScreen = active?.component;

  return (
    <AppProvider>
      <div className="shell">
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
              {screens.map((screen) => (
                <li key={screen.id}>
                  <button
                    type="button"
                    className={screen.id === active?.id ? 'nav__item nav__item--active' : 'nav__item'}
                    aria-current={screen.id === active?.id ? 'page' : undefined}
                    onClick={() => setActiveId(screen.id)}
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
          {ActiveScreen ? <ActiveScreen /> : null}
        </main>
      </div>
    </AppProvider>
  );
}
