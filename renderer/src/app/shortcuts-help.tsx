import { Fragment } from 'react';
import { Dialog } from '../components/ui/dialog';
import { OTHER_KEYS, SHORTCUTS } from './shortcuts';

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 ? ' + ' : null}
          <kbd className="kbd">{key}</kbd>
        </Fragment>
      ))}
    </>
  );
}

/** The help overlay: every shortcut, from the same registry the key handler reads. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const rows = [
    ...SHORTCUTS.map((shortcut) => ({ id: shortcut.id, label: shortcut.label, keys: shortcut.keys })),
    ...OTHER_KEYS.map((other) => ({ id: other.label, label: other.label, keys: [other.keys] })),
  ];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-help">
      <table className="shortcuts">
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="shortcut">
              <td>
                {row.keys.map((keys, index) => (
                  <Fragment key={keys.join('+')}>
                    {index > 0 ? ' or ' : null}
                    <Keys keys={keys} />
                  </Fragment>
                ))}
              </td>
              <td>{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
