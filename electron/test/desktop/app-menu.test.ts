import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenuTemplate, buildContextMenuTemplate, type MenuActions } from '../../main/desktop/app-menu';
import type { MenuCommand } from '../../shared/app-channels';

function recordingActions() {
  const done: string[] = [];
  const actions: MenuActions = {
    send: (command: MenuCommand) => void done.push(`send:${command}`),
    openLogsFolder: () => void done.push('logs'),
    showAbout: () => void done.push('about'),
  };
  return { actions, done };
}

/** Every item, depth first, with the labels of the menus above it. */
function flatten(items: MenuItemConstructorOptions[], path: string[] = []): { path: string[]; item: MenuItemConstructorOptions }[] {
  return items.flatMap((item) => {
    const here = [...path, String(item.label ?? item.role ?? item.type)];
    const children = Array.isArray(item.submenu) ? flatten(item.submenu, here) : [];
    return [{ path: here, item }, ...children];
  });
}

const menu = (packaged: boolean, platform: NodeJS.Platform = 'win32') => {
  const { actions, done } = recordingActions();
  return { items: flatten(buildAppMenuTemplate({ appName: 'Ontario Driving School Manager', packaged, platform, actions })), done };
};

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('application menu', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    const { actions } = recordingActions();
    const top = buildAppMenuTemplate({ appName: 'ODSM', packaged: true, platform: 'linux', actions }).map((item) => item.label);
    expect(top).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
  });

  it('puts the app menu first on macOS, with About and Quit in it', () => {
    const { actions } = recordingActions();
    const template = buildAppMenuTemplate({ appName: 'ODSM', packaged: true, platform: 'darwin', actions });
    expect(template[0]?.label).toBe('ODSM');
    const appItems = flatten([template[0]!]).map(({ item }) => item.label ?? item.role);
    expect(appItems).toContain('About ODSM');
    expect(appItems).toContain('quit');
  });

  it('sends New student and Book lesson to the window, with their shortcuts', () => {
    const { items, done } = menu(true);
    const newStudent = items.find(({ item }) => item.label === 'New student')!;
    const book = items.find(({ item }) => item.label === 'Book lesson')!;
    expect(newStudent.path[0]).toBe('&File');
    // Ctrl+N books, as the window's own shortcut does; New student moves to Ctrl+Shift+N.
    expect([newStudent.item.accelerator, book.item.accelerator]).toEqual(['CmdOrCtrl+Shift+N', 'CmdOrCtrl+N']);
    click(newStudent.item);
    click(book.item);
    expect(done).toEqual(['send:new-student', 'send:book-lesson']);
  });

  it('opens the keyboard shortcuts from Help, and with F1', () => {
    const { items, done } = menu(true);
    const shortcuts = items.find(({ item }) => item.label === 'Keyboard shortcuts')!;
    expect([shortcuts.path[0], shortcuts.item.accelerator]).toEqual(['&Help', 'F1']);
    click(shortcuts.item);
    expect(done).toEqual(['send:shortcuts']);
  });

  it('sends Back up now, Restore, Import students, instructors and vehicles, and Export everything to the window', () => {
    const { items, done } = menu(true);
    const backUp = items.find(({ item }) => item.label === 'Back up now')!;
    expect(backUp.path[0]).toBe('&File');
    click(backUp.item);
    click(items.find(({ item }) => item.label === 'Restore from a backup…')!.item);
    click(items.find(({ item }) => item.label === 'Import students…')!.item);
    click(items.find(({ item }) => item.label === 'Import instructors…')!.item);
    click(items.find(({ item }) => item.label === 'Import vehicles…')!.item);
    click(items.find(({ item }) => item.label === 'Export everything…')!.item);
    expect(done).toEqual(['send:back-up', 'send:restore', 'send:import-students', 'send:import-instructors', 'send:import-vehicles', 'send:export-all']);
  });

  it('has the standard editing roles', () => {
    const { items } = menu(true);
    const edit = items.filter(({ path }) => path[0] === '&Edit').map(({ item }) => item.role);
    expect(edit).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('has no developer tools in a packaged app, and has them in development', () => {
    expect(menu(true).items.some(({ item }) => item.role === 'toggleDevTools')).toBe(false);
    expect(menu(false).items.some(({ item }) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('offers Keyboard shortcuts, Diagnostics, Open logs folder and About under Help, and no link to the web', () => {
    const { items, done } = menu(true);
    const help = items.filter(({ path }) => path[0] === '&Help' && path.length > 1);
    expect(help.map(({ item }) => item.label).filter(Boolean)).toEqual(['Keyboard shortcuts', 'Diagnostics', 'Open logs folder', 'About Ontario Driving School Manager']);
    help.filter(({ item }) => item.click).forEach(({ item }) => click(item));
    expect(done).toEqual(['send:shortcuts', 'send:diagnostics', 'logs', 'about']);
    expect(JSON.stringify(items.map(({ item }) => item.label))).not.toMatch(/electron|learn more|documentation/i);
  });
});

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canUndo: true, canRedo: true, canDelete: true, canEditRichly: false };

describe('context menu', () => {
  it('offers cut, copy, paste and select all in a text field, enabled as the field allows', () => {
    const template = buildContextMenuTemplate({ isEditable: true, selectionText: '', editFlags: { ...flags, canCut: false, canCopy: false } });
    const roles = template.filter((item) => item.role).map((item) => [item.role, item.enabled]);
    expect(roles).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['selectAll', true],
    ]);
  });

  it('offers copy on selected text outside a field, and nothing on an empty spot', () => {
    expect(buildContextMenuTemplate({ isEditable: false, selectionText: 'Okafor', editFlags: flags }).map((item) => item.role)).toEqual(['copy']);
    expect(buildContextMenuTemplate({ isEditable: false, selectionText: '  ', editFlags: flags })).toEqual([]);
  });
});
