import * as z from 'zod/mini';
import { defineElement, TAG_NAME } from './element.ts';
import { mount, mountedWidget, type MountedWidget } from './mount.tsx';
import type { EmbedOptions } from './options.ts';
import { VERSION } from './version.ts';

/** A queued call: `Madeto('mount', element, options)` or `Madeto('ready', (api) => …)`. */
export type MadetoCommand =
  ['mount', HTMLElement, Partial<EmbedOptions>?] | ['ready', (api: MadetoApi) => void];

/** The one global, `window.Madeto`: a command function with the API on it. */
export interface MadetoApi {
  (...command: MadetoCommand): void;
  version: string;
  mount(el: HTMLElement, options?: Partial<EmbedOptions>): MountedWidget;
  get(el: Element): MountedWidget | undefined;
  /** Calls queued by the loader before the app arrived. */
  q?: ArrayLike<unknown>[];
}

declare global {
  interface Window {
    Madeto?: MadetoApi;
  }
}

function run(api: MadetoApi, command: ArrayLike<unknown>): void {
  const [name, a, b] = Array.from(command) as [string, unknown, unknown];
  try {
    if (name === 'mount' && a instanceof HTMLElement)
      api.mount(a, (b ?? {}) as Partial<EmbedOptions>);
    else if (name === 'ready' && typeof a === 'function') (a as (api: MadetoApi) => void)(api);
    else console.warn(`Madeto: unknown command ${JSON.stringify(name)}`);
  } catch (error) {
    console.error('Madeto: a queued call failed', error);
  }
}

/**
 * Starts the app: jitless zod (no `unsafe-eval` under a strict CSP), the custom element, and the
 * `Madeto` global, replaying calls the loader queued. Running it twice is harmless.
 */
export function startApp(win: Window = window): MadetoApi {
  z.config({ jitless: true });
  const previous = win.Madeto;
  if (previous && customElements.get(TAG_NAME) && previous.version === VERSION) return previous;
  const api = ((...command: MadetoCommand) => run(api, command)) as MadetoApi;
  api.version = VERSION;
  api.mount = (el, options) => mount(el, options);
  api.get = mountedWidget;
  win.Madeto = api;
  defineElement();
  for (const command of previous?.q ?? []) run(api, command);
  return api;
}
