// The shared setup of the end-to-end tests: the embed built into a temporary directory, the demo
// server, and headless Chromium. Each test file calls `setupE2e()` once at its top.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../chromium.ts';
import { buildEmbed, type EmbedBuild } from '../../src/embed/build.ts';
import { startDemoServer, type DemoServer } from '../../src/embed/demoServer.ts';

/** The repository's root. */
export const root = resolve(import.meta.dirname, '../..');
/** The package's version (what `Madeto.version` says). */
export const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;
/** Set by `setupE2e()` before the tests run. */
export let server: DemoServer;
export let browser: Browser;
export let built: EmbedBuild;

/** Builds the embed, starts the demo server and Chromium before the file's tests; stops them after. */
export function setupE2e(): void {
  const out = mkdtempSync(join(tmpdir(), 'madeto-e2e-'));
  beforeAll(async () => {
    built = await buildEmbed(out);
    server = await startDemoServer(root, join(out, 'embed'));
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });
}

/** An opened demo page. */
export interface Opened {
  page: Page;
  /** Page errors, console errors and CSP violations, in order. */
  problems: string[];
}

/** Opens a demo page (a path), or any page (a full URL); `prepare` runs first (init scripts, routes). */
export async function open(
  path: string,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<Opened> {
  const page = await browser.newPage();
  await prepare?.(page);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await page.goto(/^https?:/.test(path) ? path : server.origin + path);
  return { page, problems };
}

/** The madeto-* events the page's host.js recorded. */
export const hostEvents = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { hostEvents: { type: string; id: string; detail: any }[] }).hostEvents,
  );

export interface Focused {
  /** `page`: a host element; `widget`: inside the widget's shadow root; `body`: focus was lost. */
  where: 'page' | 'widget' | 'body';
  id: string;
  tag: string;
  type: string | null;
  name: string | null;
  value: string | null;
  text: string;
}

/** What has the focus, looking into shadow roots. */
export const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    let inWidget = false;
    while (active?.shadowRoot?.activeElement) {
      inWidget = true;
      active = active.shadowRoot.activeElement;
    }
    const where = !active || active === document.body ? 'body' : inWidget ? 'widget' : 'page';
    return {
      where,
      id: active?.id ?? '',
      tag: active?.localName ?? '',
      type: active?.getAttribute('type') ?? null,
      name: active?.getAttribute('name') ?? null,
      value: active?.getAttribute('value') ?? null,
      text: (active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim().slice(0, 40),
    };
  });
