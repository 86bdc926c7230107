import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * A component test's page: each test of the calling file renders into a fresh container in the document,
 * unmounted and removed once the test ends. Call it once, at the top of the file.
 */
export function reactRootPerTest(): { readonly container: HTMLDivElement; render: (node: ReactNode) => void } {
  let container: HTMLDivElement | undefined;
  let root: Root | undefined;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
  });

  return {
    get container() {
      if (!container) throw new Error('reactRootPerTest: the container exists only while a test runs');
      return container;
    },
    render: (node) => act(() => root?.render(node)),
  };
}
