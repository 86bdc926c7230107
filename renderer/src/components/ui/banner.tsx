import type { ReactNode } from 'react';

export type BannerTone = 'info' | 'success' | 'warning' | 'error';

type BannerProps = {
  tone: BannerTone;
  title: ReactNode;
  children?: ReactNode;
  /** Shown small, so the desk can read it to support and support can find the log lines. */
  requestId?: string | undefined;
  actions?: ReactNode;
  onDismiss?: () => void;
  testId?: string;
};

export function Banner({ tone, title, children, requestId, actions, onDismiss, testId }: BannerProps) {
  // Errors interrupt a screen reader; everything else waits its turn.
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`banner banner--${tone}`} role={role} data-testid={testId}>
      <div className="banner__body">
        <p className="banner__title">{title}</p>
        {children ? <div className="banner__text">{children}</div> : null}
        {requestId ? (
          <p className="banner__request-id" data-testid={testId ? `${testId}-request-id` : undefined}>
            Reference: <code>{requestId}</code>
          </p>
        ) : null}
      </div>
      {actions ? <div className="banner__actions">{actions}</div> : null}
      {onDismiss ? (
        <button type="button" className="banner__dismiss" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </div>
  );
}
