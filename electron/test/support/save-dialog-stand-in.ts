// The native save dialog's stand-in: answers a path in a folder the test owns (or nothing, as a user who
// cancels), and keeps what it was asked so a test can check the title and the offered name.
import { join } from 'node:path';
import type { FolderRequest, OpenRequest, SaveDialog, SaveRequest } from '../../main/files/save-dialog';

export interface SaveDialogStandIn extends SaveDialog {
  readonly requests: (SaveRequest | FolderRequest | OpenRequest)[];
  /** What the open dialog answers next (a test sets it to the backup to restore); undefined cancels. */
  openAnswer: string | undefined;
}

/** Saves into `dir` under the offered name, or picks `dir` itself as the folder; without a dir, every request is cancelled. */
export function saveDialogStandIn(dir?: string): SaveDialogStandIn {
  const requests: (SaveRequest | FolderRequest | OpenRequest)[] = [];
  const standIn: SaveDialogStandIn = {
    requests,
    openAnswer: undefined,
    choosePath: (request) => {
      requests.push(request);
      return Promise.resolve(dir === undefined ? undefined : join(dir, request.defaultName));
    },
    chooseFolder: (request) => {
      requests.push(request);
      return Promise.resolve(dir);
    },
    chooseFile: (request) => {
      requests.push(request);
      return Promise.resolve(standIn.openAnswer);
    },
  };
  return standIn;
}
