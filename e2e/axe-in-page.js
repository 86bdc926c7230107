// Runs inside each page of the e2e harness, after axe-core (see axe-watch.ts): watches for screens (a new
// h1) and dialogs, and checks each with axe once the page has been still for 400 ms, one at a time.
// Serious and critical violations go to the harness through the __odsmAxeFinding binding.
/* global window, document, location, Element, MutationObserver */
(() => {
  if (window.top !== window) return;
  const queue = new Set();
  let timer;
  let running = Promise.resolve();

  const scopeOf = (node) => {
    if (node === document) return `screen ${location.hash || '#'} ("${document.querySelector('h1')?.textContent ?? ''}")`;
    const labelled = document.getElementById(node.getAttribute('aria-labelledby') ?? '');
    return `dialog "${node.getAttribute('aria-label') ?? labelled?.textContent ?? ''}"`;
  };

  async function check(node) {
    if (!window.axe || (node !== document && !node.isConnected)) return;
    const scope = scopeOf(node);
    try {
      const result = await window.axe.run(node, { resultTypes: ['violations'] });
      for (const v of result.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        window.__odsmAxeFinding?.({ rule: v.id, impact: v.impact, help: v.help, scope, targets: v.nodes.map((n) => n.target.join(' ')) });
      }
    } catch {
      // The dialog closed while it was checked: nothing left to judge.
    }
  }

  function flush() {
    const nodes = [...queue];
    queue.clear();
    running = running.then(async () => {
      for (const node of nodes) await check(node);
    });
  }

  function schedule(node) {
    queue.add(node);
    clearTimeout(timer);
    timer = setTimeout(flush, 400);
  }

  // The harness's "check what is shown now, and wait for every check scheduled so far".
  window.__odsmAxeIdle = async () => {
    clearTimeout(timer);
    queue.add(document);
    const dialog = document.querySelector('[role="dialog"]');
    if (dialog) queue.add(dialog);
    flush();
    await running;
  };

  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const record of records) {
        for (const added of record.addedNodes) {
          if (!(added instanceof Element)) continue;
          const dialog = added.matches('[role="dialog"]') ? added : added.querySelector('[role="dialog"]');
          if (dialog) schedule(dialog);
          if (added.matches('h1') || added.querySelector('h1')) schedule(document);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
    schedule(document);
  });
})();
