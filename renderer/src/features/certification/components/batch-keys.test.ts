import { describe, expect, it } from 'vitest';
import { batchKeyAction } from './batch-keys';

const key = (name: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ key: name, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('batchKeyAction', () => {
  it('moves Enter to the next row and Shift+Enter to the previous one', () => {
    expect(batchKeyAction(key('Enter'), 0, 3)).toEqual({ kind: 'focus', index: 1 });
    expect(batchKeyAction(key('Enter'), 1, 3)).toEqual({ kind: 'focus', index: 2 });
    expect(batchKeyAction(key('Enter', { shiftKey: true }), 2, 3)).toEqual({ kind: 'focus', index: 1 });
  });

  it('keeps Enter on the last row and Shift+Enter on the first where they are, never submitting', () => {
    expect(batchKeyAction(key('Enter'), 2, 3)).toEqual({ kind: 'stay' });
    expect(batchKeyAction(key('Enter', { shiftKey: true }), 0, 3)).toEqual({ kind: 'stay' });
  });

  it('certifies on Ctrl+Enter or Cmd+Enter from any row', () => {
    expect(batchKeyAction(key('Enter', { ctrlKey: true }), 0, 3)).toEqual({ kind: 'submit' });
    expect(batchKeyAction(key('Enter', { metaKey: true }), 2, 3)).toEqual({ kind: 'submit' });
  });

  it('leaves other keys to the field', () => {
    expect(batchKeyAction(key('a'), 0, 3)).toBeNull();
    expect(batchKeyAction(key('Tab'), 0, 3)).toBeNull();
  });
});
