// The application menu and the text fields' context menu, as plain templates: index.ts hands them to
// Electron's Menu.buildFromTemplate, and the tests read them as data. The menu is ours, not Electron's
// default one, which ships "Toggle Developer Tools" and a Help link to electronjs.org.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/app-channels';

export interface MenuActions {
  /** Sends a command to the window (File → New student takes the user to the form). */
  send(command: MenuCommand): void;
  openLogsFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  appName: string;
  /** A packaged app has no developer tools in its View menu. */
  packaged: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildAppMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, appName, packaged } = options;
  const mac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.showAbout() };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      // Ctrl+N books, as the renderer's shortcut does (renderer/src/app/shortcuts.ts): the same key, the same command.
      { label: 'New student', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.send('new-student') },
      { label: 'Book lesson', accelerator: 'CmdOrCtrl+N', click: () => actions.send('book-lesson') },
      { label: 'Import students…', click: () => actions.send('import-students') },
      { label: 'Import instructors…', click: () => actions.send('import-instructors') },
      { label: 'Import vehicles…', click: () => actions.send('import-vehicles') },
      { label: 'Export everything…', click: () => actions.send('export-all') },
      separator,
      { label: 'Back up now', click: () => actions.send('back-up') },
      { label: 'Restore from a backup…', click: () => actions.send('restore') },
      ...(mac ? [] : [separator, { role: 'quit', label: 'Quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(packaged ? [] : [{ role: 'forceReload' } as const, { role: 'toggleDevTools' } as const]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = { label: '&Window', submenu: [{ role: 'minimize' }, ...(mac ? [{ role: 'zoom' } as const] : []), { role: 'close' }] };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Keyboard shortcuts', accelerator: 'F1', click: () => actions.send('shortcuts') },
      { label: 'Diagnostics', click: () => actions.send('diagnostics') },
      { label: 'Open logs folder', click: () => actions.openLogsFolder() },
      ...(mac ? [] : [separator, about]),
    ],
  };
  // macOS puts About and Quit under the app's own menu.
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [about, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}

/** Cut, copy and paste where the user right-clicks a text field; copy on selected text; nothing elsewhere. */
export function buildContextMenuTemplate(params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>): MenuItemConstructorOptions[] {
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      separator,
      { role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  return params.selectionText.trim() ? [{ role: 'copy', enabled: flags.canCopy }] : [];
}
