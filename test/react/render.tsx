import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';

const roots: Root[] = [];

/** Renders `ui` into a fresh container in the real page; `cleanup` unmounts everything. */
export function render(ui: ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  flushSync(() => root.render(ui));
  return container;
}

/** Unmounts every rendered tree and empties the page. */
export function cleanup(): void {
  for (const root of roots.splice(0)) root.unmount();
  document.body.innerHTML = '';
}
