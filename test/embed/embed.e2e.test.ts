// End-to-end: the built loader + app on the demo pages in real Chromium, served by a tiny static
// server (so the strict-CSP page gets its header). Node test driving Playwright: vitest's browser
// mode cannot give each page its own response headers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmbed, type EmbedBuild } from '../../src/embed/build.ts';
import {
  REP_TOKEN,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from '../server/serverProcess.ts';
import { startDemoServer, type DemoServer } from './staticServer.ts';

const root = resolve(import.meta.dirname, '../..');
const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;
const out = mkdtempSync(join(tmpdir(), 'madeto-e2e-'));
let server: DemoServer;
let browser: Browser;
let built: EmbedBuild;

beforeAll(async () => {
  built = await buildEmbed(out);
  server = await startDemoServer(root, join(out, 'embed'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Page errors, console errors and CSP violations, in order. */
  problems: string[];
}

/** Opens a demo page; `prepare` runs first (init scripts, routes). */
async function open(path: string, prepare?: (page: Page) => Promise<void>): Promise<Opened> {
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
  await page.goto(server.origin + path);
  return { page, problems };
}

const hostEvents = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { hostEvents: { type: string; id: string; detail: any }[] }).hostEvents,
  );

describe.each([
  ['a plain shop page', '/embed/shop.html'],
  ['a strict CSP (nonce, no unsafe-inline/eval)', '/embed/csp.html'],
  ['a RequireJS (Magento-like) page', '/embed/requirejs.html'],
  ['a page with html { font-size: 62.5% } and global CSS', '/embed/hostile-css.html'],
])('the widget on %s', (_name, path) => {
  it('renders, is usable, reports its events and nothing goes wrong', async () => {
    const { page, problems } = await open(path);
    const aluminium = page.locator('#desk').getByRole('radio', { name: /Aluminium, 2-stage/ });
    await aluminium.click({ timeout: 20_000 });
    await expect.poll(() => aluminium.isChecked()).toBe(true);
    await expect
      .poll(async () => (await hostEvents(page)).map((e) => e.type))
      .toEqual(expect.arrayContaining(['madeto-ready', 'madeto-change']));
    const change = (await hostEvents(page)).filter((e) => e.type === 'madeto-change').at(-1)!;
    expect(change.id).toBe('desk');
    expect(change.detail).toMatchObject({ version: 1, selection: { frame: 'aluminium' } });
    expect(typeof change.detail.complete).toBe('boolean');
    expect(await page.evaluate(() => window.Madeto?.version)).toBe(version);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('events and host callbacks', () => {
  it('price and promise reach the host with the documented detail', async () => {
    const { page, problems } = await open('/embed/shop.html');
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .click({ timeout: 20_000 });
    const last = async (type: string) =>
      (await hostEvents(page)).filter((e) => e.type === type).at(-1)?.detail;
    await expect.poll(() => last('madeto-price')).toBeDefined();
    expect(await last('madeto-price')).toMatchObject({
      version: 1,
      currency: 'EUR',
      total: expect.stringMatching(/^\d+\.\d{2}$/),
      state: expect.stringMatching(/^(incomplete|valid|approval-required)$/),
    });
    await expect.poll(() => last('madeto-promise')).toBeDefined();
    expect(await last('madeto-promise')).toMatchObject({
      version: 1,
      state: expect.stringMatching(/^(incomplete|valid|unavailable)$/),
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a host callback that throws is reported and the widget carries on', async () => {
    const { page } = await open('/embed/shop.html');
    const radio = (name: RegExp) => page.locator('#desk').getByRole('radio', { name });
    await radio(/Aluminium, 2-stage/).waitFor({ timeout: 20_000 });
    await page.evaluate(() => {
      const el = document.querySelector('madeto-configurator') as HTMLElement & {
        config: object;
      };
      el.config = {
        onChange: () => {
          throw new Error('host bug');
        },
      };
    });
    await radio(/Aluminium, 2-stage/).click();
    await expect.poll(() => radio(/Aluminium, 2-stage/).isChecked()).toBe(true);
    await radio(/Steel, 3-stage/).click();
    await expect.poll(() => radio(/Steel, 3-stage/).isChecked()).toBe(true);
    const errors = (await hostEvents(page)).filter((e) => e.type === 'madeto-error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.detail).toMatchObject({
      version: 1,
      code: 'host-callback',
      message: expect.stringContaining('host bug'),
    });
    await page.close();
  });
});

describe('a host listener that throws', () => {
  it('is the page error it is, and the widget goes on reporting and working', async () => {
    const { page, problems } = await open('/embed/shop.html');
    const radio = (name: RegExp) => page.locator('#desk').getByRole('radio', { name });
    await radio(/Aluminium, 2-stage/).waitFor({ timeout: 20_000 });
    await page.evaluate(() =>
      document.getElementById('desk')!.addEventListener('madeto-change', () => {
        throw new Error('host listener bug');
      }),
    );
    await radio(/Aluminium, 2-stage/).click();
    await expect.poll(() => radio(/Aluminium, 2-stage/).isChecked()).toBe(true);
    await radio(/Steel, 3-stage/).click();
    await expect.poll(() => radio(/Steel, 3-stage/).isChecked()).toBe(true);
    const frames = async () =>
      (await hostEvents(page))
        .filter((e) => e.type === 'madeto-change')
        .map((e) => e.detail.selection.frame);
    await expect.poll(frames).toEqual(expect.arrayContaining(['aluminium', 'steel']));
    expect(new Set(problems)).toEqual(new Set(['pageerror: host listener bug']));
    await page.close();
  });
});

describe('madeto-ready and load errors', () => {
  it('madeto-ready fires once the choices are on screen, with the documented detail', async () => {
    const page = await browser.newPage();
    // Counted in the listener itself: how many radios the widget showed when ready fired.
    await page.addInitScript(() => {
      const seen: number[] = [];
      (window as unknown as { radiosAtReady: number[] }).radiosAtReady = seen;
      document.addEventListener('madeto-ready', (e) => {
        const root = (e.target as HTMLElement).shadowRoot;
        seen.push(root?.querySelectorAll('input[type="radio"]').length ?? 0);
      });
    });
    await page.goto(`${server.origin}/embed/shop.html`);
    await expect
      .poll(async () => (await hostEvents(page)).filter((e) => e.type === 'madeto-ready'), {
        timeout: 20_000,
      })
      .toHaveLength(1);
    const radiosAtReady = await page.evaluate(
      () => (window as unknown as { radiosAtReady: number[] }).radiosAtReady,
    );
    expect(radiosAtReady).toHaveLength(1);
    expect(radiosAtReady[0]).toBeGreaterThan(0);
    const ready = (await hostEvents(page)).find((e) => e.type === 'madeto-ready')!;
    expect(ready).toMatchObject({
      id: 'desk',
      detail: {
        version: 1,
        element: 'madeto-configurator',
        mode: 'buyer',
        model: { id: 'DESK', version: expect.stringMatching(/\S/) },
        engine: 'page',
      },
    });
    await page.close();
  });

  it('a model that cannot be loaded fires madeto-error (code model), never madeto-ready', async () => {
    const { page } = await open('/embed/shop.html');
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    await page.evaluate(() => {
      const el = document.createElement('madeto-configurator');
      el.id = 'broken';
      el.setAttribute('model', '/catalogue/no-such-model.json');
      document.body.append(el);
    });
    const fromBroken = async () => (await hostEvents(page)).filter((e) => e.id === 'broken');
    await expect.poll(fromBroken, { timeout: 20_000 }).toHaveLength(1);
    expect((await fromBroken())[0]).toMatchObject({
      type: 'madeto-error',
      detail: { version: 1, code: 'model', message: expect.stringContaining('no-such-model.json') },
    });
    await page.waitForLoadState('networkidle');
    expect((await fromBroken()).map((e) => e.type)).toEqual(['madeto-error']);
    await page.close();
  });
});

describe('the strict CSP page', () => {
  it('the loader passes its nonce on to the app script', async () => {
    const { page } = await open('/embed/csp.html');
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    const nonces = await page.evaluate(() =>
      ['script[src$="loader.js"]', 'script[src*="madeto-app"]'].map(
        (selector) => document.querySelector<HTMLScriptElement>(selector)?.nonce ?? null,
      ),
    );
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/=]{16}$/);
    expect(nonces[1]).toBe(nonces[0]);
    await page.close();
  });
});

describe('the engine in a Web Worker under the strict CSP', () => {
  it('fetches the worker file, reports no violation, and clicks update the choices', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/csp-worker.html');
    const desk = page.locator('#desk');
    await desk.getByRole('radio', { name: /Aluminium, 2-stage/ }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await hostEvents(page)).find((e) => e.type === 'madeto-ready')?.detail)
      .toMatchObject({ version: 1, engine: 'worker' });
    expect(
      server.requests.slice(before).filter((r) => /\/madeto\/engine\.worker-[\w-]+\.js$/.test(r)),
    ).toHaveLength(1);
    // The aluminium frame is single-motor only: choosing it puts the dual motor in conflict.
    const dual = desk.locator('label.madeto-option', { hasText: /Dual motor/ });
    expect(await dual.getAttribute('data-state')).toBe('available');
    await desk.getByRole('radio', { name: /Aluminium, 2-stage/ }).click();
    await expect.poll(() => dual.getAttribute('data-state')).toBe('conflict');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('rep mode through the element', () => {
  const token = 'rep-token-from-js-only';

  it('takes the token from JS, renders the quote editor and sends the token to the backend', async () => {
    const { page } = await open('/embed/rep.html');
    const authorizations: string[] = [];
    await page.route('**/api/**', async (route) => {
      authorizations.push(route.request().headers()['authorization'] ?? '');
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'TEST', message: 'no backend in this test' } }),
      });
    });
    const rep = page.locator('#rep');
    // Without a token the widget says so (naming the option) and renders nothing.
    await expect
      .poll(async () => (await hostEvents(page)).find((e) => e.type === 'madeto-error')?.detail, {
        timeout: 20_000,
      })
      .toMatchObject({ version: 1, code: 'options', option: 'rep.token' });
    expect(await rep.getByRole('region', { name: 'Quote', exact: true }).count()).toBe(0);

    await page.getByLabel('Rep token').fill(token);
    await page.getByRole('button', { name: 'Open the quote editor' }).click();
    await rep.getByRole('region', { name: 'Quote', exact: true }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await hostEvents(page)).find((e) => e.type === 'madeto-ready')?.detail)
      .toMatchObject({ version: 1, mode: 'rep', model: { id: 'DESK' }, engine: null });
    expect(await rep.getByLabel('Additional discount (%)').isVisible()).toBe(true);
    // The token never lands in the page's markup.
    const markup = await page.evaluate(
      () =>
        document.documentElement.outerHTML + document.getElementById('rep')!.shadowRoot!.innerHTML,
    );
    expect(markup).not.toContain(token);

    await rep.getByRole('button', { name: 'Save quote' }).click();
    await expect.poll(() => authorizations).toContain(`Bearer ${token}`);
    await page.close();
  });
});

describe('Temporal: native first, the polyfill only where it is missing', () => {
  const polyfillName = () => built.polyfill.file.split('/').pop()!;
  const polyfillRequests = (from: number) =>
    server.requests.slice(from).filter((r) => r.includes('temporal-polyfill'));
  const withoutTemporal = async (page: Page) => {
    await page.addInitScript(() => delete (globalThis as { Temporal?: unknown }).Temporal);
  };
  const lastDeliveryDate = async (page: Page) =>
    (await hostEvents(page)).filter((e) => e.type === 'madeto-promise').at(-1)?.detail
      .deliveryDate as string | null | undefined;

  /** Completes the desk; returns the promise panel's text and the date it should show. */
  async function shownDeliveryDate(page: Page) {
    const desk = page.locator('#desk');
    await desk
      .getByRole('button', { name: 'Complete for me', exact: true })
      .first()
      .click({ timeout: 20_000 });
    const promise = desk.locator('.madeto-promise[data-state="valid"]');
    await promise.waitFor({ timeout: 20_000 });
    await expect.poll(() => lastDeliveryDate(page)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const expected = await page.evaluate(
      (day) =>
        (
          globalThis as unknown as {
            Temporal: {
              PlainDate: { from(d: string): { toLocaleString(...a: unknown[]): string } };
            };
          }
        ).Temporal.PlainDate.from(day).toLocaleString('en-GB', { dateStyle: 'medium' }),
      (await lastDeliveryDate(page))!,
    );
    return { text: await promise.textContent(), expected };
  }

  it.each([
    ['a shop page', '/embed/shop.html'],
    ['the strict CSP page (the polyfill script gets the nonce)', '/embed/csp.html'],
  ])(
    'without Temporal, %s fetches the polyfill first and shows the delivery date',
    async (_name, path) => {
      const before = server.requests.length;
      const { page, problems } = await open(path, withoutTemporal);
      const { text, expected } = await shownDeliveryDate(page);
      expect(text).toContain(expected);
      expect(polyfillRequests(before)).toEqual([`/madeto/${polyfillName()}`]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('a browser with Temporal never fetches the polyfill', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/shop.html');
    const { text, expected } = await shownDeliveryDate(page);
    expect(text).toContain(expected);
    expect(server.requests.slice(before).some((r) => r.includes('madeto-app'))).toBe(true);
    expect(polyfillRequests(before)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the app loaded without the loader fetches the polyfill itself, then starts', async () => {
    const before = server.requests.length;
    const { page } = await open('/embed/shop.html', async (p) => {
      await withoutTemporal(p);
      await p.route('**/madeto/loader.js', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
      );
    });
    await page.addScriptTag({ url: `/madeto/${built.app.file.split('/').pop()!}` });
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    expect(polyfillRequests(before)).toEqual([`/madeto/${polyfillName()}`]);
    await page.close();
  });

  it('a polyfill that cannot be loaded is a madeto-error (code polyfill), not a broken page', async () => {
    const { page } = await open('/embed/shop.html', async (p) => {
      await withoutTemporal(p);
      await p.route('**/madeto/temporal-polyfill.*', (route) => route.fulfill({ status: 404 }));
    });
    await expect
      .poll(async () => (await hostEvents(page)).find((e) => e.type === 'madeto-error'), {
        timeout: 20_000,
      })
      .toMatchObject({
        id: 'desk',
        detail: {
          version: 1,
          code: 'polyfill',
          message: expect.stringContaining('temporal-polyfill'),
        },
      });
    expect((await hostEvents(page)).some((e) => e.type === 'madeto-ready')).toBe(false);
    await page.close();
  });
});

describe('rep mode on the real backend', () => {
  let backend: ServerProcess;
  beforeAll(async () => {
    backend = await startServerProcess(tempDb());
    server.api = backend.url;
  }, 60_000);
  afterAll(async () => {
    server.api = undefined;
    await backend?.stop();
  });

  it('the embedded rep editor saves a quote with the token handed over from JS', async () => {
    const { page } = await open('/embed/rep.html');
    await page.getByLabel('Rep token').fill(REP_TOKEN);
    await page.getByRole('button', { name: 'Open the quote editor' }).click();
    const rep = page.locator('#rep');
    await rep.getByRole('region', { name: 'Quote', exact: true }).waitFor({ timeout: 20_000 });
    await rep.getByLabel('Sales rep').fill('Rita Rep');
    await rep.getByLabel('Customer name').fill('Ana Lima');
    await rep.getByLabel('Customer e-mail').fill('ana@example.com');
    await rep.getByRole('button', { name: 'Configure line L1' }).click();
    await rep.getByRole('button', { name: 'Complete for me', exact: true }).last().click();
    await rep.getByRole('button', { name: 'Save quote' }).click();
    await expect
      .poll(() => rep.locator('.madeto-rep-form p[role="status"]').textContent(), {
        timeout: 20_000,
      })
      .toMatch(/^Saved RQ-\d{4}-\d{6} revision 1$/);
    await page.close();
  }, 60_000);
});

describe('isolation', () => {
  it('host CSS does not leak in, and the widget CSS does not leak out', async () => {
    const { page } = await open('/embed/hostile-css.html');
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor();
    const inside = await page.evaluate(() => {
      const host = document.querySelector('madeto-configurator')!;
      const widget = host.shadowRoot!.querySelector('.madeto')!;
      const s = getComputedStyle(widget);
      return [getComputedStyle(host).fontSize, s.fontStyle, s.textTransform, s.letterSpacing];
    });
    expect(inside).toEqual(['16px', 'normal', 'none', 'normal']);
    const outside = await page.evaluate(() => {
      const button = getComputedStyle(document.getElementById('page-button')!);
      const text = getComputedStyle(document.getElementById('page-text')!);
      return [
        button.backgroundColor,
        button.borderTopStyle,
        text.color,
        text.fontStyle,
        text.display,
      ];
    });
    expect(outside).toEqual(['rgb(255, 105, 180)', 'dashed', 'rgb(200, 0, 0)', 'italic', 'block']);
    await page.close();
  });

  it('two widgets on one page keep separate state', async () => {
    const { page, problems } = await open('/embed/two-widgets.html');
    const radio = (id: string, name: RegExp) => page.locator(`#${id}`).getByRole('radio', { name });
    await radio('second', /Aluminium, 2-stage/).waitFor({ timeout: 20_000 });
    const secondBefore = await radio('second', /Steel, 3-stage/).isChecked();
    await radio('first', /Aluminium, 2-stage/).click();
    await expect.poll(() => radio('first', /Aluminium, 2-stage/).isChecked()).toBe(true);
    expect(await radio('second', /Aluminium, 2-stage/).isChecked()).toBe(false);
    expect(await radio('second', /Steel, 3-stage/).isChecked()).toBe(secondBefore);
    const changes = (await hostEvents(page)).filter((e) => e.type === 'madeto-change');
    expect(
      changes.filter((e) => e.detail.selection.frame === 'aluminium').map((e) => e.id),
    ).toEqual(expect.arrayContaining(['first']));
    expect(changes.some((e) => e.id === 'second' && e.detail.selection.frame === 'aluminium')).toBe(
      false,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the loader', () => {
  it('does not fetch the app until the widget nears the viewport', async () => {
    const before = server.requests.length;
    const { page } = await open('/embed/lazy.html');
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => window.Madeto?.version)).toBe(version);
    const appRequests = () => server.requests.slice(before).filter((r) => r.includes('madeto-app'));
    expect(appRequests()).toEqual([]);
    const reserved = await page.evaluate(
      () => document.querySelector('madeto-configurator')!.getBoundingClientRect().height,
    );
    expect(reserved).toBe(480);
    await page.evaluate(() => document.querySelector('madeto-configurator')!.scrollIntoView());
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    expect(appRequests()).toHaveLength(1);
    await page.close();
  });

  it('loads the app on the first interaction, wherever the widget is', async () => {
    const before = server.requests.length;
    const { page } = await open('/embed/lazy.html');
    await page.waitForLoadState('networkidle');
    const appRequests = () => server.requests.slice(before).filter((r) => r.includes('madeto-app'));
    expect(appRequests()).toEqual([]);
    await page.keyboard.press('Tab');
    await expect.poll(() => appRequests().length).toBe(1);
    await page.close();
  });

  it('is harmless when included twice, and queued calls run once the app is there', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/shop.html');
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    await page.addScriptTag({ url: '/madeto/loader.js' });
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'queued';
      document.body.append(el);
      window.Madeto!('mount', el, { model: '/catalogue/desk.json', locale: 'en-GB' });
    });
    await page
      .locator('#queued')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor();
    expect(server.requests.slice(before).filter((r) => r.includes('madeto-app'))).toHaveLength(1);
    expect(
      await page.evaluate(
        () => window.Madeto!.get(document.getElementById('queued')!)?.getState().status,
      ),
    ).toBe('mounted');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  it('axe finds nothing serious or critical inside the shadow root', async () => {
    const { page } = await open('/embed/shop.html');
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    // Audit the settled widget: price and promise shown (not a pending, dimmed state).
    await expect
      .poll(async () => (await hostEvents(page)).map((e) => e.type))
      .toEqual(expect.arrayContaining(['madeto-price', 'madeto-promise']));
    await page.waitForLoadState('networkidle');
    await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: unknown): Promise<any> } }).axe;
      const result = await axe.run({ include: [['madeto-configurator']] });
      return (result.violations as { id: string; impact: string }[])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact}: ${v.id} ${JSON.stringify((v as any).nodes?.[0]?.target)}`);
    });
    expect(found).toEqual([]);
    await page.close();
  });
});

describe('the config property', () => {
  it('set by a page script before the app arrived: taken over on upgrade, JS options win', async () => {
    const { page, problems } = await open('/embed/config.html');
    const desk = page.locator('#desk');
    const aluminium = desk.getByRole('radio', { name: /Aluminium, 2-stage/ });
    await aluminium.waitFor({ timeout: 20_000 });
    expect(
      await page.evaluate(
        () => (window as unknown as Record<string, unknown>)['configSetBeforeDefine'],
      ),
    ).toBe(true);
    // initialSelection (a nested option) applied; theme="light" lost to the JS option.
    await expect.poll(() => aluminium.isChecked()).toBe(true);
    expect(await desk.locator('[data-theme="dark"]').count()).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => {
        const el = document.getElementById('desk') as HTMLElement & { config: object };
        return [Object.hasOwn(el, 'config'), window.Madeto!.get(el)?.getState().options.theme];
      }),
    ).toEqual([false, 'dark']);
    // The function option is used too.
    await desk.getByRole('radio', { name: /Steel, 3-stage/ }).click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { selections: { frame?: string }[] }).selections.at(-1)?.frame,
        ),
      )
      .toBe('steel');

    // Set again after the upgrade: merged like update(); the selection stays.
    await page.evaluate(() => {
      (document.getElementById('desk') as HTMLElement & { config: object }).config = {
        theme: 'light',
      };
    });
    await expect.poll(() => desk.locator('[data-theme="dark"]').count()).toBe(0);
    expect(await desk.getByRole('radio', { name: /Steel, 3-stage/ }).isChecked()).toBe(true);
    expect(
      await page.evaluate(() => {
        const el = document.getElementById('desk') as HTMLElement & {
          config: { onChange?: unknown };
        };
        return [typeof el.config.onChange, window.Madeto!.get(el)?.getState().options.theme];
      }),
    ).toEqual(['function', 'light']);
    expect(problems).toEqual([]);
    await page.close();
  });
});

interface Focused {
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
const focused = (page: Page): Promise<Focused> =>
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

describe('the app defined before the element is parsed', () => {
  it('waits for the JSON child (mounts at DOMContentLoaded), no spurious error', async () => {
    const app = `/madeto/${built.app.file.split('/').pop()!}`;
    const { page, problems } = await open('/embed/early-app.html', async (p) => {
      await p.route('**/embed/early-app.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><script src="/embed/host.js"></script>
            <script src="${app}"></script></head><body>
            <madeto-configurator id="desk" locale="en-GB">
              <script type="application/json">{ "model": "/catalogue/desk.json" }</script>
            </madeto-configurator></body></html>`,
        }),
      );
    });
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    expect((await hostEvents(page)).filter((e) => e.type === 'madeto-error')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  /** Opens the keyboard page and waits for a settled widget. */
  async function settled() {
    const opened = await open('/embed/keyboard.html');
    await opened.page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await hostEvents(opened.page)).map((e) => e.type))
      .toEqual(expect.arrayContaining(['madeto-ready', 'madeto-price']));
    await opened.page.waitForLoadState('networkidle');
    return opened;
  }
  const firstRadioGroup = (page: Page) =>
    page.evaluate(() =>
      document
        .getElementById('desk')!
        .shadowRoot!.querySelector('input[type="radio"]')!
        .getAttribute('name')!,
    );

  it('Tab goes from the page into the widget, through it and out again; focus is never lost', async () => {
    const { page, problems } = await settled();
    await page.focus('#before');
    const walk: Focused[] = [];
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now.id === 'after') break;
      walk.push(now);
    }
    const describe = walk.map((f) => `${f.where}:${f.tag}[${f.type ?? ''}] ${f.value ?? f.text}`);
    expect(await focused(page), describe.join('\n')).toMatchObject({ where: 'page', id: 'after' });
    expect(walk.length, describe.join('\n')).toBeGreaterThan(0);
    expect(
      walk.filter((f) => f.where !== 'widget'),
      describe.join('\n'),
    ).toEqual([]);
    // The first radio stop is the widget's first radio group; each group is one stop.
    const radios = walk.filter((f) => f.type === 'radio');
    expect(radios[0]?.name).toBe(await firstRadioGroup(page));
    expect(new Set(radios.map((f) => f.name)).size).toBe(radios.length);

    // Back again: Shift+Tab from the page lands on the widget's last control, and leaves it at
    // its first.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual(walk.at(-1));
    await page.focus('#after');
    for (let i = 0; i < walk.length; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual(walk[0]);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ where: 'page', id: 'before' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a control the widget disables under the focus hands it on, never to <body>', async () => {
    const { page, problems } = await settled();
    const desk = page.locator('#desk');
    const steps = await desk.locator('nav.madeto-stepnav button').count();
    expect(steps).toBeGreaterThan(1);
    // "Undo" back to the start, where it is disabled.
    await desk.getByRole('radio', { name: /Aluminium, 2-stage/ }).click();
    const undo = desk.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => undo.isDisabled()).toBe(true);
    const where = async () => {
      const f = await focused(page);
      return `${f.where}:${f.tag}:${f.text}`;
    };
    // Chromium moves the focus off a disabled control at its next rendering update.
    await expect.poll(where).toMatch(/^widget:button:(?!Undo$)/);
    // "Next" until the last step, where it is disabled (the focus moves on to "Back").
    const next = desk.getByRole('button', { name: 'Next', exact: true });
    await next.focus();
    for (let i = 0; i < steps && (await next.isEnabled()); i++) {
      expect(await where()).toBe('widget:button:Next');
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => `${await next.isEnabled()} ${await where()}`)
        .toMatch(/^(true widget:button:Next|false widget:button:Back)$/);
    }
    expect(await next.isDisabled()).toBe(true);
    expect(await where()).toBe('widget:button:Back');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('arrow keys move within a radio group and choose the value', async () => {
    const { page } = await settled();
    const group = await firstRadioGroup(page);
    await page.focus('#before');
    let now = await focused(page);
    for (let i = 0; i < 50 && !(now.type === 'radio' && now.name === group); i++) {
      await page.keyboard.press('Tab');
      now = await focused(page);
    }
    expect(now).toMatchObject({ where: 'widget', type: 'radio', name: group });
    const start = now.value;
    const changes = async () =>
      (await hostEvents(page)).filter((e) => e.type === 'madeto-change').length;
    const before = await changes();
    await page.keyboard.press('ArrowDown');
    const next = await focused(page);
    expect(next).toMatchObject({ where: 'widget', type: 'radio', name: group });
    expect(next.value).not.toBe(start);
    const checked = (value: string) =>
      page.evaluate(
        ([name, value]) =>
          document
            .getElementById('desk')!
            .shadowRoot!.querySelector<HTMLInputElement>(
              `input[type="radio"][name="${name}"][value="${value}"]`,
            )!.checked,
        [group, value] as const,
      );
    await expect.poll(() => checked(next.value!)).toBe(true);
    await expect.poll(changes).toBeGreaterThan(before);
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ name: group, value: start });
    await expect.poll(() => checked(start!)).toBe(true);
    await page.close();
  });
});
