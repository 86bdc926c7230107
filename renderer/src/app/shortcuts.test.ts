import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate } from '../../../electron/main/desktop/app-menu';
import type { MenuCommand } from '../../../electron/shared/app-channels';
import { SHORTCUTS, shortcutFor, type KeyLike, type ShortcutId } from './shortcuts';

function key(k: string, mods: Partial<KeyLike> = {}, target: EventTarget | null = document.body): KeyLike {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target, ...mods };
}

function field(type = 'text'): HTMLInputElement {
  const input = document.createElement('input');
  input.type = type;
  return input;
}

describe('the global shortcuts', () => {
  it('finds a student with Ctrl+K, books with Ctrl+N, prints with Ctrl+P, and opens the help with ? or F1', () => {
    const found = (event: KeyLike) => shortcutFor(event)?.id;
    expect([found(key('k', { ctrlKey: true })), found(key('N', { ctrlKey: true })), found(key('p', { metaKey: true }))]).toEqual(['find-student', 'book-lesson', 'print']);
    expect([found(key('?', { shiftKey: true })), found(key('F1'))]).toEqual(['help', 'help']);
    expect(found(key('k'))).toBeUndefined();
    expect(found(key('n', { ctrlKey: true, shiftKey: true }))).toBeUndefined(); // the menu's New student
    expect([found(key('p', { altKey: true })), found(key('p', { altKey: true }, field()))]).toEqual(['take-payment', 'take-payment']);
    expect(found(key('p', { altKey: true, ctrlKey: true }))).toBeUndefined();
  });

  it('never fires a plain key while the user types, and still fires one with Ctrl', () => {
    expect(shortcutFor(key('?', { shiftKey: true }, field()))).toBeUndefined();
    expect(shortcutFor(key('?', {}, document.createElement('textarea')))).toBeUndefined();
    expect(shortcutFor(key('?', {}, field('search')))).toBeUndefined();
    expect(shortcutFor(key('?', {}, field('checkbox')))?.id).toBe('help');
    expect(shortcutFor(key('k', { ctrlKey: true }, field()))?.id).toBe('find-student');
  });
});

/** Ctrl+N as the menu writes it ("CmdOrCtrl+N"), in the same words as a key event's. */
function accelerators(items: MenuItemConstructorOptions[], send: (item: MenuItemConstructorOptions) => MenuCommand | null): { accelerator: string; command: MenuCommand | null }[] {
  return items.flatMap((item) => {
    const own = typeof item.accelerator === 'string' ? [{ accelerator: item.accelerator, command: send(item) }] : [];
    return [...own, ...(Array.isArray(item.submenu) ? accelerators(item.submenu, send) : [])];
  });
}

function asKey(accelerator: string): KeyLike {
  const parts = accelerator.split('+');
  const last = parts[parts.length - 1] ?? '';
  return key(last.length === 1 ? last.toLowerCase() : last, { ctrlKey: parts.includes('CmdOrCtrl'), shiftKey: parts.includes('Shift'), altKey: parts.includes('Alt') });
}

describe('the shortcuts and the application menu', () => {
  it('share a key only where both do the same thing', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      let sent: MenuCommand | null = null;
      const actions = { send: (command: MenuCommand) => void (sent = command), openLogsFolder: () => {}, showAbout: () => {} };
      const menu = buildAppMenuTemplate({ appName: 'ODSM', packaged: true, platform, actions });
      const send = (item: MenuItemConstructorOptions) => {
        sent = null;
        (item.click as unknown as (() => void) | undefined)?.();
        return sent;
      };
      const sameCommand: Partial<Record<ShortcutId, MenuCommand>> = { 'book-lesson': 'book-lesson', help: 'shortcuts' };
      for (const { accelerator, command } of accelerators(menu, send)) {
        const shortcut = shortcutFor(asKey(accelerator));
        if (shortcut) expect([accelerator, command]).toEqual([accelerator, sameCommand[shortcut.id]]);
      }
    }
  });

  it('lists every shortcut for the help overlay with its keys', () => {
    expect(SHORTCUTS.map((shortcut) => shortcut.keys.map((keys) => keys.join('+')).join(' or '))).toEqual(['Ctrl+K', 'Ctrl+N', 'Ctrl+P', 'Alt+P', '? or F1']);
  });
});
