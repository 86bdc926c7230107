import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  createWindowStateStore,
  parseWindowState,
  placeOnScreen,
  rememberWindowState,
  type Rect,
  type WindowState,
} from '../../main/desktop/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const wide: Rect = { x: 1366, y: 0, width: 1920, height: 1040 };

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'odsm-window-')), 'window-state.json');
}

describe('window state on screen', () => {
  it('keeps a place that is on a screen', () => {
    const state: WindowState = { x: 100, y: 50, width: 1100, height: 650, maximized: false };
    expect(placeOnScreen(state, [laptop])).toEqual(state);
  });

  it('keeps a place on the second screen while it is plugged in', () => {
    const state: WindowState = { x: 1500, y: 80, width: 1600, height: 900, maximized: true };
    expect(placeOnScreen(state, [laptop, wide])).toEqual(state);
  });

  it('centres on the primary screen a window saved on a screen that is gone', () => {
    const placed = placeOnScreen({ x: 1500, y: 80, width: 1600, height: 900, maximized: false }, [laptop]);
    expect(placed).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });
  });

  it('centres a window whose title bar is above every screen', () => {
    const placed = placeOnScreen({ x: 100, y: -400, width: 1000, height: 600, maximized: false }, [laptop]);
    expect(placed.y).toBeGreaterThanOrEqual(laptop.y);
    expect(placed.x).toBe(Math.round((1366 - 1000) / 2));
  });

  it('pulls back a window hanging off the right edge so the title bar can be grabbed', () => {
    const placed = placeOnScreen({ x: 1300, y: 100, width: 1000, height: 600, maximized: false }, [laptop, { ...wide, x: 5000 }]);
    expect(placed.x).toBe(laptop.width - 96);
    expect(placed.y).toBe(100);
  });

  it('shrinks a window larger than its screen, but not below the minimum', () => {
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 500 };
    const placed = placeOnScreen({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [tiny]);
    expect(placed).toMatchObject({ width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height });
    const fitted = placeOnScreen({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop]);
    expect(fitted).toMatchObject({ width: laptop.width, height: laptop.height });
  });

  it('centres a first start, which has no saved place', () => {
    const placed = placeOnScreen(DEFAULT_WINDOW_STATE, [laptop]);
    expect(placed).toEqual({ x: 43, y: 0, width: 1280, height: 728, maximized: false });
  });
});

describe('window state file', () => {
  it('gives the defaults for a missing, damaged or foreign file', () => {
    expect(parseWindowState(undefined)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width": 12')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('[1, 2]')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width": "wide", "height": 700}')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width": 1e300, "height": 700}')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a half-given position', () => {
    expect(parseWindowState('{"x": 10, "width": 1000, "height": 700}')).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('saves the bounds and maximized state as the window closes, and loads them back', async () => {
    const file = tempFile();
    const store = createWindowStateStore(file);
    expect(await store.load()).toEqual(DEFAULT_WINDOW_STATE);

    const win = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 30, y: 40, width: 1111, height: 777 }),
      isMaximized: () => true,
    });
    const errors: unknown[] = [];
    rememberWindowState(win, store, (error) => errors.push(error));
    win.emit('close');
    await expect.poll(() => store.load()).toEqual({ x: 30, y: 40, width: 1111, height: 777, maximized: true });
    expect(errors).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 1111 });
  });

  it('reports a save that fails, and leaves the last good file', async () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ width: 1000, height: 700, maximized: false }));
    const unwritable = createWindowStateStore(join(file, 'not-a-dir', 'state.json'));
    const win = Object.assign(new EventEmitter(), { getNormalBounds: () => ({ x: 0, y: 0, width: 1, height: 1 }), isMaximized: () => false });
    const errors: unknown[] = [];
    rememberWindowState(win, unwritable, (error) => errors.push(error));
    win.emit('close');
    await expect.poll(() => errors.length).toBe(1);
    expect(await createWindowStateStore(file).load()).toEqual({ width: 1000, height: 700, maximized: false });
  });
});
