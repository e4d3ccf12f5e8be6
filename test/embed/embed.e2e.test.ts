// End-to-end: the built loader + app on the demo pages in real Chromium, served by a tiny static
// server (so the strict-CSP page gets its header). Node test driving Playwright: vitest's browser
// mode cannot give each page its own response headers. The element's life cycle, options from JS
// and the keyboard: element.e2e.test.ts.
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REP_TOKEN,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from '../server/serverProcess.ts';
import {
  browser,
  built,
  hostEvents,
  open,
  root,
  server,
  setupE2e,
  version,
  type Opened,
} from './e2eHarness.ts';

setupE2e();

/** Opens the plain shop page once its desk widget shows its choices. */
async function openShop(): Promise<Opened> {
  const opened = await open('/embed/shop.html');
  await opened.page
    .locator('#desk')
    .getByRole('radio', { name: /Aluminium, 2-stage/ })
    .waitFor({ timeout: 20_000 });
  return opened;
}

/**
 * Asserts that the elements `selectors` find (the scripts and preloads a file came with) carry
 * the loader's nonce, itself a real one.
 */
async function expectLoaderNonce(page: Page, ...selectors: string[]): Promise<void> {
  const [loader, ...others] = await page.evaluate(
    (all) => all.map((s) => document.querySelector<HTMLScriptElement>(s)?.nonce ?? null),
    ['script[src$="loader.js"]', ...selectors],
  );
  expect(loader).toMatch(/^[A-Za-z0-9+/=]{16}$/);
  expect(others).toEqual(others.map(() => loader));
}

/** Appends a `<madeto-configurator>` with this id and these attributes to the page's body. */
function addWidget(page: Page, id: string, attributes: Record<string, string>): Promise<void> {
  return page.evaluate(
    ({ id, attributes }) => {
      const el = document.createElement('madeto-configurator');
      el.id = id;
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      document.body.append(el);
    },
    { id, attributes },
  );
}

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
    const { page } = await openShop();
    await addWidget(page, 'broken', { model: '/catalogue/no-such-model.json' });
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
    await expectLoaderNonce(page, 'script[src*="madeto-app"]');
    await page.close();
  });
});

// The shop app's quote form is its own file (madeto-form.<hash>.js, react-hook-form and the form):
// fetched from beside the app once it has started, with the loader's nonce; a placeholder of the
// form's height stands in until it runs, and a retry if it does not load.
describe('the quote form in its own file', () => {
  const formFiles = (from: number) =>
    server.requests.slice(from).filter((r) => /\/madeto\/madeto-form\.\w+\.js$/.test(r));
  const quote = (page: Page) => page.locator('#desk').locator('section.madeto-quote');

  it('under the strict CSP: fetched once, with the nonce, and a quote request goes through', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/csp.html');
    const desk = page.locator('#desk');
    await desk
      .getByRole('button', { name: 'Complete for me', exact: true })
      .click({ timeout: 20_000 });
    await desk.getByRole('textbox', { name: 'Name', exact: true }).fill('Anna Muster');
    await desk.getByRole('textbox', { name: 'Email' }).fill('anna@example.com');
    const send = desk.getByRole('button', { name: 'Send request' });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();
    await expect
      .poll(() => desk.getByText(/^Thank you — your request SHOP-\d{4} was sent\.$/).count())
      .toBe(1);
    expect(formFiles(before)).toHaveLength(1);
    await expectLoaderNonce(page, 'script[src*="madeto-form."]');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a form file that fails: a retry in the form's place; the configuration is kept", async () => {
    let refused = 0;
    const { page, problems } = await open('/embed/shop.html', (p) =>
      p.route(/\/madeto-form\.\w+\.js$/, (route) =>
        refused++ === 0 ? route.abort('connectionfailed') : route.continue(),
      ),
    );
    const desk = page.locator('#desk');
    const alert = desk.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/quote form could not be loaded/);
    expect(await quote(page).getAttribute('data-state')).toBe('unavailable');
    // The buyer goes on configuring meanwhile.
    const aluminium = desk.getByRole('radio', { name: /Aluminium, 2-stage/ });
    await aluminium.click();
    await expect.poll(() => aluminium.isChecked()).toBe(true);
    await desk.getByRole('button', { name: 'Load the form again' }).click();
    await expect.poll(() => quote(page).getAttribute('data-state')).toBe('editing');
    await desk.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada');
    expect(await aluminium.isChecked()).toBe(true);
    expect(refused).toBe(2);
    expect(problems).toEqual([
      expect.stringMatching(/^console: Failed to load resource/),
      expect.stringMatching(
        /^console: Madeto: the quote form .*madeto-form\.\w+\.js could not be loaded$/,
      ),
    ]);
    await page.close();
  });

  it('on a page that is never idle and a form far below, the first press fetches it', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/shop.html', async (p) => {
      await p.setViewportSize({ width: 390, height: 844 });
      await p.addInitScript(() => {
        window.requestIdleCallback = () => 0;
      });
    });
    const desk = page.locator('#desk');
    await desk.getByRole('radio', { name: /Aluminium, 2-stage/ }).waitFor({ timeout: 20_000 });
    // The form is thousands of pixels down: nothing asks for its file yet.
    expect(await quote(page).evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(2000);
    await page.waitForTimeout(1000);
    expect(formFiles(before)).toEqual([]);
    expect(await quote(page).getAttribute('data-state')).toBe('loading');
    await desk.getByRole('radio', { name: /Aluminium, 2-stage/ }).click();
    await expect.poll(() => formFiles(before)).toHaveLength(1);
    await expect.poll(() => quote(page).getAttribute('data-state')).toBe('editing');
    expect(problems).toEqual([]);
    await page.close();
  });
});

// The outbox and the http adapter come with the form's file too: a quote request whose send
// failed stays in localStorage; the next load fetches the file at mount (not waiting for idle
// or the form) and sends it again with the same idempotency key.
// The shop app's value extras (price deltas, availability badges) are their own file
// (madeto-outlook.<hash>.js): fetched once the widget has rendered, with the loader's nonce; the
// idle work that computes them waits for it.
describe('the value extras in their own file', () => {
  const outlookFiles = (from: number) =>
    server.requests.slice(from).filter((r) => /\/madeto\/madeto-outlook\.\w+\.js$/.test(r));
  const extrasOf = (page: Page, name: RegExp) =>
    page
      .locator('#desk')
      .locator('label.madeto-option', { has: page.getByRole('radio', { name }) })
      .locator('.madeto-option-extras');

  it('under the strict CSP: fetched once, with the nonce; each value shows its delta and badge, a click updates them', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/csp.html');
    const aluminium = extrasOf(page, /Aluminium, 2-stage/);
    await expect
      .poll(() => aluminium.textContent(), { timeout: 20_000 })
      .toMatch(/^\+€\d+(in stock|from supplier|[+−]\d+ days?)/);
    const steel = extrasOf(page, /Steel, 3-stage/);
    expect(await steel.textContent()).toMatch(/^€0/);
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .click();
    // Against aluminium, steel is now the one that costs less.
    await expect.poll(() => steel.textContent(), { timeout: 20_000 }).toMatch(/^[-−]€\d+/);
    expect(outlookFiles(before)).toHaveLength(1);
    await expectLoaderNonce(page, 'script[src*="madeto-outlook."]');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a quote request left unsent', () => {
  const formFiles = (from: number) =>
    server.requests.slice(from).filter((r) => /\/madeto\/madeto-form\.\w+\.js$/.test(r));

  it('is sent again by the next load of the page, which fetches the form file for it', async () => {
    const path = `/embed/outbox-${Math.random().toString(36).slice(2)}.html`;
    const posts: string[] = [];
    let online = false;
    let refused = 0;
    const { page } = await open(path, async (p) => {
      await p.setViewportSize({ width: 390, height: 844 });
      await p.route(`${server.origin}${path}`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="/madeto/loader.js" async></script><script src="/embed/host.js"></script></head>
<body><madeto-configurator id="desk" model="/catalogue/desk.json" pricing="/catalogue/pricing.json"
 availability="/catalogue/availability.json" submit="/api/quotes" insights="off" locale="en-GB"
 currency="EUR"></madeto-configurator></body></html>`,
        }),
      );
      await p.route(/\/api\/quotes$/, (route) => {
        if (!online) {
          refused++;
          return route.abort('connectionfailed');
        }
        posts.push(route.request().headers()['idempotency-key'] ?? '');
        return route.fulfill({
          status: 201,
          contentType: 'application/json',
          body: JSON.stringify({ number: 'SHOP-0099' }),
        });
      });
    });
    const stored = () =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('madeto:outbox:')));
    const desk = page.locator('#desk');
    await desk
      .getByRole('button', { name: 'Complete for me', exact: true })
      .click({ timeout: 20_000 });
    await desk.getByRole('textbox', { name: 'Name', exact: true }).fill('Anna Muster');
    await desk.getByRole('textbox', { name: 'Email' }).fill('anna@example.com');
    const send = desk.getByRole('button', { name: 'Send request' });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();
    // The first try and the adapter's 3 retries fail: the request stays in the outbox.
    await expect.poll(() => refused, { timeout: 15_000 }).toBe(4);
    await expect.poll(stored).toHaveLength(1);
    const [key] = await stored();
    // The next load, online, on a page that is never idle, the form far below the phone's view.
    online = true;
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    const before = server.requests.length;
    await page.reload();
    await expect.poll(() => posts, { timeout: 20_000 }).toEqual([key!.split(':').pop()]);
    await expect.poll(stored).toEqual([]);
    expect(formFiles(before)).toHaveLength(1);
    await page.close();
  });
});

// The German catalogue is its own file (madeto-de.<hash>.js): English shops never fetch it; a
// German page gets it preloaded by the loader and its widget shows German from its first frame.
describe('the German catalogue', () => {
  const germanFiles = (from: number) =>
    server.requests.slice(from).filter((r) => /\/madeto\/madeto-de\.\w+\.js$/.test(r));

  it('an English shop page does not download it', async () => {
    const before = server.requests.length;
    const { page, problems } = await openShop();
    await page.locator('#desk').getByRole('button', { name: 'Undo' }).waitFor();
    expect(germanFiles(before)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a German page under the strict CSP: fetched once, with the nonce, never English first', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/csp.html', async (p) => {
      await p.route('**/embed/csp.html', async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace('locale="en-GB"', 'locale="de-DE"');
        await route.fulfill({ response, body });
      });
      // Every frame: did the widget ever show an English toolbar?
      await p.addInitScript(() => {
        const w = window as unknown as { englishSeen?: boolean };
        const look = () => {
          const text = document.querySelector('#desk')?.shadowRoot?.textContent ?? '';
          if (/\bUndo\b/.test(text)) w.englishSeen = true;
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
    });
    const desk = page.locator('#desk');
    await desk.getByRole('button', { name: 'Rückgängig' }).waitFor({ timeout: 20_000 });
    await desk.getByRole('radio', { name: /Aluminium, 2-stage/ }).click();
    expect(await desk.getByText('Preis', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as { englishSeen?: boolean }).englishSeen)).toBe(
      undefined,
    );
    expect(germanFiles(before)).toHaveLength(1);
    await expectLoaderNonce(page, 'link[href*="madeto-de."]', 'script[src*="madeto-de."]');
    expect(problems).toEqual([]);
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
  const scripts = (before: number) =>
    server.requests.slice(before).filter((r) => /madeto-(app|rep)\./.test(r));

  it.each([
    ['a shop page gets the shop app only', '/embed/shop.html', '#desk', 'madeto-app'],
    [
      'a rep page (mode="rep" in its markup) gets the rep app only',
      '/embed/rep.html',
      '',
      'madeto-rep',
    ],
  ])('%s', async (_name, path, widget, expected) => {
    const before = server.requests.length;
    const { page, problems } = await open(path);
    if (widget)
      await page
        .locator(widget)
        .getByRole('radio', { name: /Aluminium, 2-stage/ })
        .waitFor({
          timeout: 20_000,
        });
    await expect.poll(() => scripts(before), { timeout: 20_000 }).toHaveLength(1);
    expect(scripts(before)[0]).toContain(`/madeto/${expected}.`);
    await page.waitForLoadState('networkidle');
    expect(scripts(before)).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('data-app="rep" on the loader script loads the rep app for a widget added later', async () => {
    const before = server.requests.length;
    const { page, problems } = await open('/embed/blank.html', async (p) => {
      await p.route('**/embed/blank.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><html lang="en"><title>Rep tool</title><script src="/madeto/loader.js" data-app="rep" async></script><main id="app"></main>',
        }),
      );
    });
    // A first key press loads the app before any widget is on the page: nothing to tell rep mode
    // from, but the loader's data-app.
    await page.keyboard.press('Tab');
    await expect.poll(() => scripts(before)).toHaveLength(1);
    await page.waitForFunction(() => customElements.get('madeto-configurator'));
    await page.evaluate(() => {
      const el = document.createElement('madeto-configurator');
      el.id = 'later';
      el.setAttribute('model', '/catalogue/desk.json');
      el.setAttribute('pricing', '/catalogue/pricing.json');
      el.setAttribute('mode', 'rep');
      (el as unknown as { config: unknown }).config = {
        rep: {
          token: 't',
          models: ['/catalogue/desk.json', '/catalogue/bike.json', '/catalogue/sofa.json'],
        },
      };
      document.getElementById('app')!.append(el);
    });
    await page
      .locator('#later')
      .getByRole('region', { name: 'Quote', exact: true })
      .waitFor({ timeout: 20_000 });
    expect(scripts(before)).toEqual([expect.stringContaining('/madeto/madeto-rep.')]);
    // (No backend here: the editor's calls to /api answer 404, which the console reports.)
    expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
    await page.close();
  });

  it('the shop app answers a rep widget added after it with madeto-error naming the rep app', async () => {
    const { page, problems } = await openShop();
    await addWidget(page, 'late-rep', { model: '/catalogue/desk.json', mode: 'rep' });
    await expect
      .poll(async () =>
        (await hostEvents(page))
          .filter((e) => e.type === 'madeto-error' && e.id === 'late-rep')
          .map((e) => e.detail),
      )
      .toEqual([
        expect.objectContaining({
          version: 1,
          code: 'options',
          option: 'mode',
          message: expect.stringContaining('data-app="rep"'),
        }),
      ]);
    // The shop's own widget carries on.
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .click();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the reserved height holds until the widget is usable (no collapse), then gives way', async () => {
    const { page, problems } = await open('/embed/shop.html', async (p) => {
      await p.addInitScript(() => {
        // Every frame: the widget's height, and whether madeto-ready has fired yet.
        const log: { height: number; ready: boolean }[] = [];
        (window as unknown as { heights: typeof log }).heights = log;
        let ready = false;
        document.addEventListener('madeto-ready', () => (ready = true));
        const frame = () => {
          const el = document.querySelector('madeto-configurator');
          if (el) {
            // The shop's own reservation, larger than the desk widget will be (2294 px).
            (el as HTMLElement).style.setProperty('--madeto-reserve', '3000px');
            log.push({ height: Math.round(el.getBoundingClientRect().height), ready });
          }
          if (!ready || log.filter((f) => f.ready).length < 30) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    });
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    const heights = () =>
      page.evaluate(
        () => (window as unknown as { heights: { height: number; ready: boolean }[] }).heights,
      );
    await expect
      .poll(async () => (await heights()).filter((f) => f.ready).length, { timeout: 10_000 })
      .toBe(30);
    const frames = await heights();
    // From the loader's first frame (an async script: the page may paint a frame or two before
    // it runs) until the widget is usable, never less: first the loader's sheet, then the
    // widget's own.
    const reserved = frames.slice(frames.findIndex((f) => f.height === 3000));
    const loading = reserved.filter((f) => !f.ready).map((f) => f.height);
    expect(loading.length).toBeGreaterThan(0);
    expect(loading).not.toContain(0);
    expect(Math.min(...loading)).toBe(3000);
    // Once usable, the widget takes its own height.
    expect(frames.at(-1)!.height).toBeLessThan(3000);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an app that does not load: madeto-error (code app), the space given back, Madeto.load() retries', async () => {
    let refuse = true;
    const { page, problems } = await open('/embed/shop.html', (p) =>
      p.route('**/madeto/madeto-app.*', (route) =>
        refuse ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
      ),
    );
    await expect
      .poll(async () => (await hostEvents(page)).filter((e) => e.type === 'madeto-error'))
      .toEqual([
        {
          type: 'madeto-error',
          id: 'desk',
          detail: {
            version: 1,
            code: 'app',
            message: expect.stringMatching(/did not load: http:.*\/madeto\/madeto-app\.\w+\.js$/),
          },
        },
      ]);
    const height = () =>
      page.evaluate(() => document.getElementById('desk')!.getBoundingClientRect().height);
    const state = () =>
      page.evaluate(() => document.getElementById('desk')!.getAttribute('data-madeto-state'));
    // No empty hole: the page's own reservation (reserve.css) lets go of a failed widget too.
    expect(await state()).toBe('failed');
    expect(await height()).toBe(0);
    expect(problems).toEqual([expect.stringContaining('status of 503')]);

    refuse = false;
    await page.evaluate(() => (window.Madeto as unknown as { load: () => void }).load());
    await page
      .locator('#desk')
      .getByRole('radio', { name: /Aluminium, 2-stage/ })
      .waitFor({ timeout: 20_000 });
    expect(await height()).toBeGreaterThan(0);
    await expect.poll(state).toBe('ready');
    await page.close();
  });

  it("the page's own CSS reserves the height before the async loader runs; the loader moves nothing", async () => {
    let releaseLoader!: () => void;
    let releaseApp!: () => void;
    const loaderHeld = new Promise<void>((resolve) => (releaseLoader = resolve));
    const appHeld = new Promise<void>((resolve) => (releaseApp = resolve));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**/madeto/loader.js', async (route) => {
      await loaderHeld;
      await route.continue();
    });
    await page.route('**/madeto/madeto-app.*', async (route) => {
      await appHeld;
      await route.continue();
    });
    await page.goto(server.origin + '/embed/shop.html', { waitUntil: 'domcontentloaded' });
    const layout = () =>
      page.evaluate(() => ({
        loader: Boolean(window.Madeto?.version),
        state: document.getElementById('desk')!.getAttribute('data-madeto-state'),
        height: document.getElementById('desk')!.getBoundingClientRect().height,
        h2: document.querySelector('h2')!.getBoundingClientRect().top,
      }));
    // Painted, the loader not yet run: the page's reserve.css + shop.css hold 2290 px.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    const before = await layout();
    expect(before).toMatchObject({ loader: false, state: null, height: 2290 });
    // The loader ran (the app held back): the same height, nothing below it moved.
    releaseLoader();
    await expect.poll(async () => (await layout()).state).toBe('loading');
    expect(await layout()).toMatchObject({ loader: true, height: 2290, h2: before.h2 });
    releaseApp();
    await expect.poll(async () => (await layout()).state, { timeout: 20_000 }).toBe('ready');
    await page.close();
  });

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
    const { page, problems } = await openShop();
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
    const { page } = await openShop();
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
