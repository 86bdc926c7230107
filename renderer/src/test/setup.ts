// Setup file of the renderer project: what jsdom lacks and React Aria's overlays call.

// CSS.escape (React Aria reads a <meta> by name when a modal opens).
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
  const escape = (value: string): string => value.replace(/[^\w-]/g, (char) => `\\${char}`);
  (globalThis as { CSS?: unknown }).CSS = { ...(globalThis.CSS ?? {}), escape };
}
