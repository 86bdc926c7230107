import { QueryClientProvider } from '@tanstack/react-query';
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '../../../../../electron/preload/api';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import { SignInGate } from './sign-in-gate';
import { signInWords } from './sign-in-screen';
import { OdsmError } from '../../../lib/odsm';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();

const ines = { id: 3, name: 'Ines Roy', login: 'ines', role: 'instructor' as const, instructor_id: 1, active: true, version: 1 };
const signedIn: AuthStatus = { enabled: true, idle_lock_minutes: 10, min_password_length: 10, account: ines, permissions: ['calendar.read'] };
const nobody: AuthStatus = { ...signedIn, account: null, permissions: [] };

afterEach(() => {
  delete host.odsm;
  vi.useRealTimers();
});

/** A half-filled form of the app's: its state lives in the component, as a real screen's does. */
function HalfFilledForm() {
  const [note, setNote] = useState('');
  return <input id="lesson-note" value={note} onChange={(e) => setNote(e.target.value)} />;
}

function type(id: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`#${id}`)!;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets the queries' answers and their notifications (a zero-delay timer) land. */
const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

describe('the sign-in gate', () => {
  it('locks after the idle minutes over the app, keeping the half-filled form, and the same person picks up there', async () => {
    let status = signedIn;
    const switchUser = vi.fn(() => {
      status = nobody;
      return Promise.resolve({ ok: true, data: nobody });
    });
    const signIn = vi.fn(() => {
      status = signedIn;
      return Promise.resolve({ ok: true, data: signedIn });
    });
    host.odsm = { auth: { status: () => Promise.resolve({ ok: true, data: status }), switchUser, signIn } };
    view.render(
      <QueryClientProvider client={createQueryClient()}>
        <SignInGate>
          <HalfFilledForm />
        </SignInGate>
      </QueryClientProvider>,
    );
    await settle();
    type('lesson-note', 'Parallel parking: half done');
    expect(document.querySelector('[data-testid="sign-in-screen"]')).toBeNull();

    // The idle clock runs on fake timers from the last key pressed; nothing is timed, only the order.
    vi.useFakeTimers();
    window.dispatchEvent(new KeyboardEvent('keydown'));
    await act(async () => {
      vi.advanceTimersByTime(10 * 60_000 - 1);
    });
    expect(switchUser).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
      // The sign-out's answer and its notifications, still on the fake clock.
      for (let i = 0; i < 5; i += 1) await vi.advanceTimersByTimeAsync(20);
    });
    vi.useRealTimers();
    await settle();
    expect(switchUser).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[data-testid="idle-locked"]')).not.toBeNull();
    expect(document.querySelector('.sign-in-gate')?.hasAttribute('inert')).toBe(true);
    expect(document.querySelector<HTMLInputElement>('#lesson-note')?.value).toBe('Parallel parking: half done');

    type('sign-in-login', 'ines');
    type('sign-in-password', 'ines-password-1');
    await act(async () => {
      document.querySelector('[data-testid="sign-in-screen"] form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(signIn).toHaveBeenCalledWith({ login: 'ines', password: 'ines-password-1' });
    expect(document.querySelector('[data-testid="sign-in-screen"]')).toBeNull();
    expect(document.querySelector<HTMLInputElement>('#lesson-note')?.value).toBe('Parallel parking: half done');
  });

  it('shows nothing over the app while sign-in is off', async () => {
    host.odsm = { auth: { status: () => Promise.resolve({ ok: true, data: { ...nobody, enabled: false } }) } };
    view.render(
      <QueryClientProvider client={createQueryClient()}>
        <SignInGate>
          <HalfFilledForm />
        </SignInGate>
      </QueryClientProvider>,
    );
    await settle();
    expect(document.querySelector('[data-testid="sign-in-screen"]')).toBeNull();
    expect(document.querySelector('.sign-in-gate')?.hasAttribute('inert')).toBe(false);
  });

  it('says each refusal in front-desk words', () => {
    const refusal = (code: string, details?: unknown) => new OdsmError({ code, message: 'm', details, requestId: 'r' });
    expect(signInWords(refusal('auth.try_again_later', { retry_after_seconds: 4 }))).toBe('Too many wrong passwords. Wait 4 seconds, then try again.');
    expect(signInWords(refusal('auth.wrong_credentials'))).toBe('That login and password don’t match.');
  });
});
