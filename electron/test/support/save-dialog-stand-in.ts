// The native save dialog's stand-in: answers a path in a folder the test owns (or nothing, as a user who
// cancels), and keeps what it was asked so a test can check the title and the offered name.
import { join } from 'node:path';
import type { FolderRequest, SaveDialog, SaveRequest } from '../../main/files/save-dialog';

export interface SaveDialogStandIn extends SaveDialog {
  readonly requests: (SaveRequest | FolderRequest)[];
}

/** Saves into `dir` under the offered name, or picks `dir` itself as the folder; without a dir, every request is cancelled. */
export function saveDialogStandIn(dir?: string): SaveDialogStandIn {
  const requests: (SaveRequest | FolderRequest)[] = [];
  return {
    requests,
    choosePath: (request) => {
      requests.push(request);
      return Promise.resolve(dir === undefined ? undefined : join(dir, request.defaultName));
    },
    chooseFolder: (request) => {
      requests.push(request);
      return Promise.resolve(dir);
    },
  };
}
