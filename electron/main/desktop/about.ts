// Help → About: what support asks first. The app's version, the backend's, the schema revision and the
// data folder, read from the running backend; a backend that does not answer is said plainly.

/** What db:system:health answers. */
export interface BackendHealth {
  version: string;
  schema_revision: string | null;
  database: string;
}

export interface AboutFacts {
  appName: string;
  appVersion: string;
  dataDir: string;
  /** Undefined when the backend did not answer. */
  backend: BackendHealth | undefined;
}

export interface AboutText {
  title: string;
  message: string;
  detail: string;
}

export function describeAbout(facts: AboutFacts): AboutText {
  const backend = facts.backend;
  const lines = [
    `App version: ${facts.appVersion}`,
    backend ? `Background service version: ${backend.version}` : 'Background service: not answering (see the banner in the window)',
    ...(backend ? [`Database: ${backend.database === 'postgresql' ? 'PostgreSQL' : 'SQLite'}`, `Schema revision: ${backend.schema_revision ?? 'none yet'}`] : []),
    `Data folder: ${facts.dataDir}`,
  ];
  return { title: `About ${facts.appName}`, message: `${facts.appName} ${facts.appVersion}`, detail: lines.join('\n') };
}
