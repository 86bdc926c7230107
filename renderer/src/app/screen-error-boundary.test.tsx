import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from '../test/react-root';
import { errorDetails, ScreenErrorBoundary } from './screen-error-boundary';

const view = reactRootPerTest();
const copied: string[] = [];

beforeEach(() => {
  copied.length = 0;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
  });
  // React reports a caught render error on the console; the test expects one.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'first_name')");
}

describe('a screen that fails to render', () => {
  it('shows a way back instead of a blank window', () => {
    view.render(
      <ScreenErrorBoundary screen="students">
        <Broken />
      </ScreenErrorBoundary>,
    );
    const panel = view.container.querySelector('[data-testid="screen-crashed"]');
    expect(panel?.textContent).toContain('This screen ran into a problem');
    expect(panel?.textContent).toContain('Your saved records are safe');
    expect(view.container.querySelector('[role="alert"]')).not.toBeNull();
    expect(view.container.querySelector('[data-testid="screen-crashed-reload"]')?.textContent).toBe('Reload');
  });

  it('copies the details for support', async () => {
    view.render(
      <ScreenErrorBoundary screen="students">
        <Broken />
      </ScreenErrorBoundary>,
    );
    await act(async () => {
      (view.container.querySelector('[data-testid="screen-crashed-copy"]') as HTMLButtonElement).click();
      await Promise.resolve();
    });
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('Screen: students');
    expect(copied[0]).toContain("TypeError: Cannot read properties of undefined (reading 'first_name')");
    expect(view.container.textContent).toContain('Details copied.');
  });

  it('leaves a screen that renders alone', () => {
    view.render(
      <ScreenErrorBoundary screen="home">
        <p>Today</p>
      </ScreenErrorBoundary>,
    );
    expect(view.container.textContent).toBe('Today');
  });
});

describe('error details', () => {
  it('name the screen, the time and the error, and read a thrown non-error', () => {
    const at = new Date('2026-12-01T15:04:05Z');
    expect(errorDetails('plain words', 'calendar', at)).toBe('Screen: calendar\nTime: 2026-12-01T15:04:05.000Z\nplain words');
  });
});
