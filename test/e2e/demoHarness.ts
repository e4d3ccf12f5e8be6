// The end-to-end journeys' setup (the buyer's and the rep's): a real `madeto serve` (fresh SQLite
// file; with `mail`, sending over SMTP to a real local SMTP server) and the demo served by a real
// Vite dev server with `/api` proxied to it (what `npm start` runs), both on free ports, and one
// headless Chromium for the file. `setupDemo()` starts them before the file's tests and stops them
// after; `signInRep` signs a person in on the rep's page (`signInNewUser` adds them first),
// `startRepQuote` has a new rep start a quote there, `storeMixedQuote` stores a rep quote of the
// sample desk, bike and sofa through the API. Waits are generous (`WAIT`): a loaded CI machine runs several of these files at
// once.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RepQuote } from '../../src/engine/quotes/repQuote.ts';
import { dateAt, nowInstant } from '../../src/react/panels/clock.ts';
import { MailCatcher } from '../../src/server/mail/mailCatcher.ts';
import { launchChromium } from '../chromium.ts';
import { addUser } from '../server/quoteJourney.ts';
import {
  jsonCaller,
  mailEnv,
  REP_TOKEN,
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

/**
 * How long an end-to-end step may take before it fails (`expect.poll(…, WAIT)`, `waitFor(WAIT)`):
 * long enough for a loaded CI machine, never a fixed pause.
 */
export const WAIT = { timeout: 30_000 } as const;

/** What `setupDemo()` gives the tests once started. */
export interface Demo {
  /** The demo's origin (Vite), e.g. `http://localhost:5175`. */
  base: string;
  browser: Browser;
  /** The backend's SQLite file (for `madeto users add`). */
  db: string;
  /** The backend's own origin (called directly, past Vite). */
  apiUrl: string;
  /** The SMTP server the backend's mail goes to (with `setupDemo({ mail: true })`). */
  mail: MailCatcher | undefined;
  /** The backend, called directly (as the test rep unless headers say otherwise). */
  api: ReturnType<typeof jsonCaller>;
  /** One page per width, made on first use and reused by the file's tests. */
  page: (width: Width) => Promise<Page>;
}

/**
 * Starts the backend, the demo's Vite server and Chromium for the calling test file; with `mail`,
 * a local SMTP server the backend sends its e-mail to; `env` adds to the backend's environment
 * (e.g. `MADETO_INTEGRATION_TOKEN` for the availability feed).
 */
export function setupDemo(options: { mail?: boolean; env?: Record<string, string> } = {}): Demo {
  let server: ServerProcess | undefined;
  let vite: ViteDevServer | undefined;
  const contexts = new Map<Width, Promise<{ context: BrowserContext; page: Page }>>();
  const demo: Demo = {
    base: '',
    browser: undefined as unknown as Browser,
    db: tempDb(),
    apiUrl: '',
    mail: undefined,
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
    if (options.mail) demo.mail = await MailCatcher.start();
    const [started, browser] = await Promise.all([
      startServerProcess(demo.db, [], 0, {
        ...(demo.mail ? mailEnv(demo.mail) : {}),
        ...options.env,
      }),
      launchChromium(),
    ]);
    server = started;
    demo.apiUrl = started.url;
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
    await demo.mail?.close();
  });
  return demo;
}

/**
 * Signs `name` in on the rep's page (`#/rep`) with e-mail and password, and waits until the page
 * says who is signed in.
 */
export async function signInRep(
  page: Page,
  base: string,
  user: { email: string; password: string; name: string },
): Promise<void> {
  await page.goto(`${base}/#/rep`);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect
    .poll(() => page.locator('.madeto-rep-user').textContent(), WAIT)
    .toContain(`Signed in as ${user.name}`);
}

/**
 * Adds `user` to the demo's database with the real CLI (`madeto users add`) and signs them in on
 * `page` with `user.password`, or without one the password the CLI generated and printed.
 */
export async function signInNewUser(
  demo: Demo,
  page: Page,
  user: { role: 'rep' | 'manager'; name: string; email: string; password?: string },
): Promise<void> {
  const { password } = addUser(demo.db, user, user.password);
  await signInRep(page, demo.base, { email: user.email, password, name: user.name });
}

/**
 * Adds the rep Rita Rep (`rep.email`, `rep.password`) and signs her in (`signInNewUser`), then
 * starts a new quote for Ana Lima whose line L1 is configured and completed ("Complete for me"),
 * not yet saved.
 */
export async function startRepQuote(
  demo: Demo,
  page: Page,
  rep: { email: string; password: string },
): Promise<void> {
  const name = 'Rita Rep';
  await signInNewUser(demo, page, { role: 'rep', name, ...rep });
  await page.getByRole('button', { name: 'New quote' }).click();
  await page.getByLabel('Sales rep').fill(name);
  await page.getByLabel('Customer name').fill('Ana Lima');
  await page.getByLabel('Customer e-mail').fill('ana@example.com');
  await page.getByRole('button', { name: 'Configure line L1' }).click();
  await page.getByRole('button', { name: 'Complete for me', exact: true }).last().click();
}

/**
 * Stores a rep quote of the sample request `promise-mixed.json` (a desk, a bike and a sofa, one
 * line each) on the demo's backend as the rep, for Bruno Costa, priced on the plant's day; `over`
 * replaces or adds fields (a company, notes, more lines). Asserts the 201.
 */
export async function storeMixedQuote(
  demo: Demo,
  over: (lines: RepQuote['lines']) => Record<string, unknown> = () => ({}),
): Promise<{ number: string; shareToken: string }> {
  const { lines } = JSON.parse(
    readFileSync(
      new URL('../../public/catalogue/requests/promise-mixed.json', import.meta.url),
      'utf8',
    ),
  ) as { lines: RepQuote['lines'] };
  const created = await fetch(`${demo.apiUrl}/api/quotes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${REP_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      rep: 'Rita Rep',
      validUntil: '2099-12-31',
      shipPolicy: 'asap',
      pricing: { date: dateAt(nowInstant(), 'Europe/Berlin'), currency: 'EUR' },
      customer: { name: 'Bruno Costa', email: 'bruno@example.com' },
      lines,
      ...over(lines),
    }),
  });
  const body = (await created.json()) as { number: string; shareToken: string; error?: unknown };
  expect([created.status, body.error]).toEqual([201, undefined]);
  return body;
}
