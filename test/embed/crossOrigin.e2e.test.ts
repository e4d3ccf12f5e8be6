// End-to-end: the embed served from a CDN on another origin than the shop, as shops usually host
// it. The built files come from a tiny "CDN" server (cdnServer.ts); the shop page from a shop
// server on another port (another origin) that forwards the model, prices, availability and
// host.js to the demo server. Each test writes its own shop page and headers.
import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCdnServer, startShopServer, type CdnServer, type ShopServer } from './cdnServer.ts';
import { built, hostEvents, open, server, setupE2e, version, type Opened } from './e2eHarness.ts';
import { strictCsp } from '../../src/embed/demoServer.ts';

setupE2e();

let cdn: CdnServer;
let shopServer: ShopServer;
beforeAll(async () => {
  cdn = await startCdnServer(dirname(built.app.file));
  shopServer = await startShopServer(server.origin);
});
afterAll(async () => {
  await cdn?.close();
  await shopServer?.close();
});

/** What a shop page looks like; `nonce` also serves it under the strict policy plus the CDN. */
interface Shop {
  engine?: 'worker';
  nonce?: string;
  /** Puts the widget far below the fold. */
  below?: boolean;
  /** The widget's `locale` attribute (default `en-GB`). */
  locale?: string;
}

function shopHtml({ engine, nonce, below, locale = 'en-GB' }: Shop): string {
  const n = nonce ? ` nonce="${nonce}"` : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>A shop with Madeto from a CDN</title>
    <script src="${cdn.base}loader.js"${n} async></script>
    <script src="/embed/host.js"${n}></script>
  </head>
  <body>
    <h1>Desk</h1>
    ${below ? '<div style="height: 4000px"></div>' : ''}
    <madeto-configurator id="desk" ${engine ? `engine="${engine}"` : ''} locale="${locale}" currency="EUR">
      <script type="application/json">
        {
          "model": "/catalogue/desk.json",
          "pricing": "/catalogue/pricing.json",
          "availability": "/catalogue/availability.json"
        }
      </script>
    </madeto-configurator>
  </body>
</html>`;
}

/** The strict policy of the demo's `csp*.html` pages with the CDN's origin added to `script-src`. */
function cspWithCdn(nonce: string): string {
  const policy = strictCsp(nonce).replace(/script-src [^;]+/, (s) => `${s} ${cdn.origin}`);
  expect(policy).toContain(`'nonce-${nonce}' ${cdn.origin};`);
  return policy;
}

/** Opens the shop page written from `options` (problems collected as by `open`). */
function openShop(options: Shop = {}, prepare?: (page: Page) => Promise<unknown>): Promise<Opened> {
  shopServer.page = {
    html: shopHtml(options),
    headers: options.nonce ? { 'Content-Security-Policy': cspWithCdn(options.nonce) } : {},
  };
  return open(`${shopServer.origin}/shop.html`, prepare);
}

const appName = () => basename(built.app.file);
const polyfillName = () => basename(built.polyfill.file);
const formName = () => basename(built.form.file);
const previewName = () => basename(built.preview.file);
const model3dName = () => basename(built.model3d.file);
const outlookName = () => basename(built.outlook.file);
/**
 * The CDN's requests since `from`, the app's split files (fetched after it has started, in either
 * order: the form and the desk's 3D button when the page is idle, the picture once the widget has
 * rendered) sorted last.
 */
const cdnRequests = (from: number) => {
  const all = cdn.requests.slice(from);
  const split = (r: string) => /madeto-(form|model3d|preview|insights)\./.test(r);
  return [...all.filter((r) => !split(r)), ...all.filter(split).sort()];
};
/** The embed files the shop's own server was asked for (it must be none). */
const embedFilesFromShop = (from: number) =>
  server.requests
    .slice(from)
    .filter((r) =>
      /loader|madeto-(app|rep|de|form|model3d|preview|insights)|temporal-polyfill|worker/.test(r),
    );
const lastDetail = async (page: Page, type: string) =>
  (await hostEvents(page)).filter((e) => e.type === type).at(-1)?.detail;
const aluminium = (page: Page) =>
  page.locator('#desk').getByRole('radio', { name: /Aluminium, 2-stage/ });

/**
 * Waits until the quote form has come from its own file (the app fetches it after it has started,
 * when the page is idle): its placeholder has become the form.
 */
async function formLoaded(page: Page): Promise<void> {
  const form = page.locator('#desk').locator('section.madeto-quote');
  await expect.poll(() => form.getAttribute('data-state'), { timeout: 20_000 }).toBe('editing');
  // The picture's file, fetched once the widget has rendered: its placeholder (aria-busy) is gone.
  await page
    .locator('#desk')
    .locator('figure.madeto-preview:not([aria-busy])')
    .waitFor({ timeout: 20_000 });
}

/** Chooses the aluminium frame; returns once the widget reported it (madeto-change). */
async function chooseAluminium(page: Page): Promise<void> {
  await aluminium(page).click({ timeout: 20_000 });
  await expect.poll(() => aluminium(page).isChecked()).toBe(true);
  await expect
    .poll(() => lastDetail(page, 'madeto-change'))
    .toMatchObject({ version: 1, selection: { frame: 'aluminium' } });
}

describe('the embed served from a CDN on another origin', () => {
  it('the loader fetches the app from the CDN; the widget renders in its shadow root and works', async () => {
    const [cdnBefore, shopBefore] = [cdn.requests.length, server.requests.length];
    const { page, problems } = await openShop();
    await chooseAluminium(page);
    await formLoaded(page);
    expect(cdn.origin).not.toBe(shopServer.origin);
    const appScripts = await page.evaluate(() =>
      [...document.scripts]
        .map((s) => s.src)
        .filter((src) => /madeto-(app|form|preview)\./.test(src)),
    );
    expect(appScripts.sort()).toEqual(
      [cdn.base + appName(), cdn.base + formName(), cdn.base + previewName()].sort(),
    );
    // The quote form's file comes from beside the app, after it.
    expect(cdnRequests(cdnBefore)).toEqual([
      '/madeto/v1/loader.js',
      `/madeto/v1/${appName()}`,
      // The value extras' file, asked for by the widget's first render (their idle work waits).
      `/madeto/v1/${outlookName()}`,
      `/madeto/v1/${formName()}`,
      `/madeto/v1/${model3dName()}`,
      `/madeto/v1/${previewName()}`,
    ]);
    expect(embedFilesFromShop(shopBefore)).toEqual([]);
    // The choices are inside the element's open shadow root, not in the page's light DOM.
    const radios = await page.evaluate(() => ({
      shadow: document.getElementById('desk')!.shadowRoot?.querySelectorAll('input[type="radio"]')
        .length,
      light: document.querySelectorAll('input[type="radio"]').length,
    }));
    expect(radios.shadow).toBeGreaterThan(0);
    expect(radios.light).toBe(0);
    expect(await lastDetail(page, 'madeto-ready')).toMatchObject({
      version: 1,
      model: { id: 'DESK' },
      engine: 'page',
    });
    expect(await page.evaluate(() => window.Madeto?.version)).toBe(version);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fetches nothing but the loader from the CDN until the widget nears the viewport', async () => {
    const cdnBefore = cdn.requests.length;
    const { page, problems } = await openShop({ below: true });
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => window.Madeto?.version)).toBe(version);
    expect(cdnRequests(cdnBefore)).toEqual(['/madeto/v1/loader.js']);
    await page.evaluate(() => document.getElementById('desk')!.scrollIntoView());
    await aluminium(page).waitFor({ timeout: 20_000 });
    await formLoaded(page);
    expect(cdnRequests(cdnBefore)).toEqual([
      '/madeto/v1/loader.js',
      `/madeto/v1/${appName()}`,
      // The value extras' file, asked for by the widget's first render (their idle work waits).
      `/madeto/v1/${outlookName()}`,
      `/madeto/v1/${formName()}`,
      `/madeto/v1/${model3dName()}`,
      `/madeto/v1/${previewName()}`,
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('engine="worker": the browser refuses a worker from the CDN, so the engine runs on the page', async () => {
    const cdnBefore = cdn.requests.length;
    const { page, problems } = await openShop({ engine: 'worker' });
    await expect
      .poll(() => lastDetail(page, 'madeto-ready'), { timeout: 20_000 })
      .toMatchObject({ version: 1, mode: 'buyer', model: { id: 'DESK' }, engine: 'page' });
    // The worker URL is resolved against the app's (the CDN's); Chromium rejects a cross-origin
    // worker script before fetching it, CORS header or not.
    expect(cdn.requests.slice(cdnBefore).filter((r) => r.includes('worker'))).toEqual([]);
    // Usable: the aluminium frame is single-motor only, so choosing it rules the dual motor out.
    const dual = page.locator('#desk').locator('label.madeto-option', { hasText: /Dual motor/ });
    expect(await dual.getAttribute('data-state')).toBe('available');
    await chooseAluminium(page);
    await expect.poll(() => dual.getAttribute('data-state')).toBe('conflict');
    expect((await hostEvents(page)).filter((e) => e.type === 'madeto-error')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('under a strict CSP that allows the CDN (nonce, no unsafe-inline/eval) it renders, no violation', async () => {
    const nonce = randomBytes(12).toString('base64');
    const { page, problems } = await openShop({ nonce });
    await chooseAluminium(page);
    await formLoaded(page);
    const nonces = await page.evaluate(() =>
      [
        'script[src$="loader.js"]',
        'script[src*="madeto-app."]',
        'script[src*="madeto-form."]',
        'script[src*="madeto-preview."]',
      ].map((selector) => document.querySelector<HTMLScriptElement>(selector)?.nonce ?? null),
    );
    expect(nonces).toEqual([nonce, nonce, nonce, nonce]);
    // The form from the CDN runs on the app's React under the policy: a touched field is checked.
    const desk = page.locator('#desk');
    const email = desk.getByRole('textbox', { name: 'Email' });
    await email.fill('not an address');
    await desk.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(problems).toEqual([]);
    // The policy is in force: a script without the nonce is blocked and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await expect
      .poll(() => problems)
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/^console: CSP violation: script-src-elem/)]),
      );
    expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
    await page.close();
  });

  it('a German widget under that CSP: the German file comes from the CDN once, with the nonce', async () => {
    const nonce = randomBytes(12).toString('base64');
    const [cdnBefore, shopBefore] = [cdn.requests.length, server.requests.length];
    const { page, problems } = await openShop({ nonce, locale: 'de-DE' });
    await page
      .locator('#desk')
      .getByRole('button', { name: 'Rückgängig' })
      .waitFor({ timeout: 20_000 });
    await chooseAluminium(page);
    await formLoaded(page);
    const german = basename(built.german.file);
    expect(cdnRequests(cdnBefore)).toEqual([
      '/madeto/v1/loader.js',
      `/madeto/v1/${appName()}`,
      `/madeto/v1/${german}`,
      `/madeto/v1/${outlookName()}`,
      `/madeto/v1/${formName()}`,
      `/madeto/v1/${model3dName()}`,
      `/madeto/v1/${previewName()}`,
    ]);
    // The form from its own file speaks the app's German (the messages are the app's, shared).
    await page
      .locator('#desk')
      .getByRole('button', { name: 'Anfrage senden' })
      .waitFor({ timeout: 20_000 });
    expect(embedFilesFromShop(shopBefore)).toEqual([]);
    const nonces = await page.evaluate(
      (german) =>
        [`link[href$="${german}"]`, `script[src$="${german}"]`].map(
          (selector) => document.querySelector<HTMLScriptElement>(selector)?.nonce ?? null,
        ),
      german,
    );
    expect(nonces).toEqual([nonce, nonce]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('without native Temporal, the polyfill comes from the CDN too and the widget renders', async () => {
    const [cdnBefore, shopBefore] = [cdn.requests.length, server.requests.length];
    const { page, problems } = await openShop({}, async (p) => {
      await p.addInitScript(() => delete (globalThis as { Temporal?: unknown }).Temporal);
    });
    await chooseAluminium(page);
    await formLoaded(page);
    // The polyfill and the app are requested together (they run in order): compare as a set.
    expect(cdn.requests.slice(cdnBefore).sort()).toEqual(
      [
        '/madeto/v1/loader.js',
        `/madeto/v1/${polyfillName()}`,
        `/madeto/v1/${appName()}`,
        `/madeto/v1/${outlookName()}`,
        `/madeto/v1/${formName()}`,
        `/madeto/v1/${model3dName()}`,
        `/madeto/v1/${previewName()}`,
      ].sort(),
    );
    expect(embedFilesFromShop(shopBefore)).toEqual([]);
    expect(await page.evaluate(() => typeof (globalThis as { Temporal?: unknown }).Temporal)).toBe(
      'object',
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
