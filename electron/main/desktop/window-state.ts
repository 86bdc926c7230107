// The window opens where the user left it: size, position and maximized, kept in userData. A saved place
// that no longer fits any screen (a monitor unplugged, a smaller laptop) never opens the window off-screen.
import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from '../files/atomic-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Undefined: let the system centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

/** How much of the title bar must show on a screen for the user to grab it. */
const GRAB_MARGIN = 48;

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1_000_000;
}

/** A saved file that is missing, unreadable, or not a window state gives the defaults. */
export function parseWindowState(text: string | undefined): WindowState {
  if (text === undefined) return { ...DEFAULT_WINDOW_STATE };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
  const saved = raw as Record<string, unknown>;
  if (!isFiniteInt(saved.width) || !isFiniteInt(saved.height)) return { ...DEFAULT_WINDOW_STATE };
  const state: WindowState = { width: saved.width, height: saved.height, maximized: saved.maximized === true };
  if (isFiniteInt(saved.x) && isFiniteInt(saved.y)) {
    state.x = saved.x;
    state.y = saved.y;
  }
  return state;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The state fitted to today's screens (their work areas, the primary first): never smaller than the
 * minimum, never larger than the screen it lands on, and with its title bar on a screen; otherwise it is
 * centred on the primary screen.
 */
export function placeOnScreen(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const fitTo = (area: Rect) => ({
    width: Math.max(MIN_WINDOW_SIZE.width, Math.min(state.width, area.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.min(state.height, area.height)),
  });
  if (state.x !== undefined && state.y !== undefined) {
    const titleBar: Rect = { x: state.x + GRAB_MARGIN, y: state.y, width: Math.max(1, state.width - 2 * GRAB_MARGIN), height: GRAB_MARGIN };
    const home = workAreas.find((area) => overlaps(titleBar, area) && state.y! >= area.y);
    if (home) {
      const size = fitTo(home);
      const x = Math.min(Math.max(state.x, home.x - size.width + 2 * GRAB_MARGIN), home.x + home.width - 2 * GRAB_MARGIN);
      const y = Math.min(state.y, home.y + home.height - GRAB_MARGIN);
      return { x, y, ...size, maximized: state.maximized };
    }
  }
  const size = fitTo(primary);
  return {
    x: primary.x + Math.round((primary.width - size.width) / 2),
    y: primary.y + Math.round((primary.height - size.height) / 2),
    ...size,
    maximized: state.maximized,
  };
}

export interface WindowStateStore {
  load(): Promise<WindowState>;
  save(state: WindowState): Promise<void>;
}

/** Kept in one small JSON file, written whole or not at all. */
export function createWindowStateStore(file: string): WindowStateStore {
  return {
    load: async () => parseWindowState(await readFile(file, 'utf8').catch(() => undefined)),
    save: (state) => writeFileAtomically(file, (handle) => handle.writeFile(`${JSON.stringify(state)}\n`)),
  };
}

/** The parts of a BrowserWindow that remembering needs. */
export interface TrackedWindow {
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** Saves the window's place as it closes; the un-maximized bounds, so restoring from maximized goes back there. */
export function rememberWindowState(win: TrackedWindow, store: WindowStateStore, onError: (error: unknown) => void): void {
  win.on('close', () => {
    void store.save({ ...win.getNormalBounds(), maximized: win.isMaximized() }).catch(onError);
  });
}
