// The buyer journeys' setup: a real `madeto serve` (fresh SQLite file) and the demo served by a
// real Vite dev server with `/api` proxied to it (what `npm start` runs), both on free ports, and
// one headless Chromium for the file. `setupDemo()` starts them before the file's tests and stops
// them after.
import type { Browser, BrowserContext, Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../chromium.ts';
import {
  jsonCaller,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from '../server/serverProcess.ts';

/** The two widths the buyer journeys run at: a desktop and a phone. */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
export type Width = keyof typeof VIEWPORTS;

/** What `setupDemo()` gives the tests once started. */
export interface Demo {
  /** The demo's origin (Vite), e.g. `http://localhost:5175`. */
  base: string;
  browser: Browser;
  /** The backend, called directly (as the test rep unless headers say otherwise). */
  api: ReturnType<typeof jsonCaller>;
  /** One page per width, made on first use and reused by the file's tests. */
  page: (width: Width) => Promise<Page>;
}

/**
 * Starts the backend, the demo's Vite server and Chromium for the calling test file; `env` adds to
 * the backend's environment (e.g. `MADETO_INTEGRATION_TOKEN` for the availability feed).
 */
export function setupDemo(env: Record<string, string> = {}): Demo {
  let server: ServerProcess | undefined;
  let vite: ViteDevServer | undefined;
  const contexts = new Map<Width, Promise<{ context: BrowserContext; page: Page }>>();
  const demo: Demo = {
    base: '',
    browser: undefined as unknown as Browser,
    api: jsonCaller(() => {
      if (!server) throw new Error('the backend has not started (call setupDemo() at the top)');
      return server;
    }),
    page: async (width) => {
      let made = contexts.get(width);
      if (!made) {
        made = (async () => {
          const context = await demo.browser.newContext(VIEWPORTS[width]);
          const page = await context.newPage();
          return { context, page };
        })();
        contexts.set(width, made);
      }
      return (await made).page;
    },
  };
  beforeAll(async () => {
    const [started, browser] = await Promise.all([
      startServerProcess(tempDb(), [], 0, env),
      launchChromium(),
    ]);
    server = started;
    demo.browser = browser;
    vite = await createServer({
      configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
      logLevel: 'error',
      server: { port: 0, strictPort: false, proxy: { '/api': { target: started.url } } },
    });
    await vite.listen();
    demo.base = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
  }, 120_000);
  afterAll(async () => {
    await demo.browser?.close();
    await vite?.close();
    await server?.stop();
  });
  return demo;
}
