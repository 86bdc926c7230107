// Where the user picks a file to save to, a folder to save into, or a file to open. index.ts wires Electron's native
// dialogs; tests give a stand-in that answers a temp path (or nothing, as a user who cancels), so the
// rest of main never imports electron.

export interface SaveRequest {
  title: string;
  /** The file name offered, e.g. "audit-log-2026-12-01.json". */
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

export interface FolderRequest {
  title: string;
  /** The folder to start in: the one kept, when there is one. */
  defaultPath?: string;
}

export interface OpenRequest {
  title: string;
  defaultPath?: string;
  filters: { name: string; extensions: string[] }[];
}

export interface SaveDialog {
  /** The chosen path, or undefined when the user cancelled. */
  choosePath(request: SaveRequest): Promise<string | undefined>;
  /** The chosen folder, or undefined when the user cancelled. */
  chooseFolder(request: FolderRequest): Promise<string | undefined>;
  /** The chosen existing file to open, or undefined when the user cancelled. */
  chooseFile(request: OpenRequest): Promise<string | undefined>;
}
