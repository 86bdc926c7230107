import type { ReactNode } from 'react';

type PageProps = {
  /** Names the heading: the section is labelled by `${id}-title`. */
  id: string;
  title: ReactNode;
  subtitle?: ReactNode;
  subtitleTestId?: string;
  /** Buttons at the right of the header, laid out by the caller. */
  actions?: ReactNode;
  children?: ReactNode;
};

/** A screen: its header (title, subtitle, actions), then its content. */
export function Page({ id, title, subtitle, subtitleTestId, actions, children }: PageProps) {
  const titleId = `${id}-title`;
  return (
    <section className="page" aria-labelledby={titleId}>
      <header className="page__header">
        <div className="page__heading">
          <h1 id={titleId} className="page__title" tabIndex={-1}>
            {title}
          </h1>
          {subtitle === undefined ? null : (
            <p className="page__subtitle" data-testid={subtitleTestId}>
              {subtitle}
            </p>
          )}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}
