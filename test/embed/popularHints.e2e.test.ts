// "Popular with buyers" in the built shop app, against the real backend (`madeto serve`, SQLite)
// holding seeded shop configurations: hints on (the most chosen values say so, in their accessible
// description too, and the fetch comes from the insights file), hints off (no request at all),
// and a product below the minimum sample (asked, nothing shown). Screenshots at 1280 and 390 px.
// The hint arrives after the first paint: a layout-shift observer in Chromium shows it moves nothing.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completedBatch, daysAgo } from '../server/popularScenario.ts';
import { startServerProcess, tempDb, type ServerProcess } from '../server/serverProcess.ts';
import { hostEvents, open, server, setupE2e } from './e2eHarness.ts';

setupE2e();

let backend: ServerProcess;

/**
 * 20 desk configurations (the minimum sample): steel 14 / aluminium 6, dual 12 / single 8,
 * handset memory 10 / up-down 10 (a tie: none), the drawer in 7 (a multi's item); 19 bikes, all
 * carbon (one short of the sample: none).
 */
const DESK = Array.from({ length: 20 }, (_, i) => ({
  frame: i < 14 ? 'steel' : 'aluminium',
  drive: i < 12 ? 'dual' : 'single',
  handset: i % 2 === 0 ? 'memory' : 'up-down',
  accessories: i < 7 ? ['drawer'] : [],
}));
const BIKE = Array.from({ length: 19 }, () => ({ frameMaterial: 'carbon' }));
/** 20 sofas, all in navy velvet: the cover is a dropdown (15 values). */
const SOFA = Array.from({ length: 20 }, () => ({ fabric: 'velvet-navy' }));

beforeAll(async () => {
  backend = await startServerProcess(tempDb());
  for (const batch of [
    completedBatch('e2e-desk-0001', 'DESK', 'shop', DESK, daysAgo(1)),
    completedBatch('e2e-bike-0001', 'BIKE', 'shop', BIKE, daysAgo(1)),
    completedBatch('e2e-sofa-0001', 'SOFA', 'shop', SOFA, daysAgo(1)),
  ]) {
    const r = await fetch(`${backend.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(r.status).toBe(201);
  }
}, 60_000);
afterAll(() => backend?.stop());

/**
 * A shop page with one widget (`attributes` added), served beside the demo pages, its `/api/`
 * forwarded to `api` (the file's backend unless given); `prepare` runs before it loads.
 */
async function shopPage(
  product: 'desk' | 'bike' | 'sofa',
  attributes: string,
  width = 1280,
  { api = backend.url, prepare }: { api?: string; prepare?: (page: Page) => Promise<unknown> } = {},
) {
  const path = `/embed/popular-${product}-${Math.random().toString(36).slice(2)}.html`;
  const asked: string[] = [];
  const answers: Promise<unknown>[] = [];
  server.api = api;
  const opened = await open(path, async (page) => {
    await page.setViewportSize({ width, height: 900 });
    await prepare?.(page);
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    page.on('response', (r) => {
      if (r.url().includes('/insights/popular')) answers.push(r.json());
    });
    await page.route(`${server.origin}${path}`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="/madeto/loader.js" async></script><script src="/embed/host.js"></script></head>
<body><madeto-configurator id="w" model="/catalogue/${product}.json" pricing="/catalogue/pricing.json"
 submit="/api/quotes" insights="off" layout="all" locale="en-GB" currency="EUR" ${attributes}>
</madeto-configurator></body></html>`,
      }),
    );
  });
  await expect
    .poll(async () => (await hostEvents(opened.page)).map((e) => e.type), { timeout: 30_000 })
    .toContain('madeto-ready');
  return { ...opened, asked, answers };
}

/**
 * The value's input (`value` of the attribute whose fieldset's legend starts with `legend`): its accessible
 * description (the text of the elements `aria-describedby` names, hidden ones included, as
 * browsers compute it) and whether its label shows the hint.
 */
const option = (page: Page, legend: string, value: string) =>
  page.evaluate(
    ([legend, value]) => {
      const root = document.getElementById('w')!.shadowRoot!;
      const fieldset = [...root.querySelectorAll('fieldset')].find(
        (f) => f.querySelector(':scope > legend')?.firstChild?.textContent?.trim() === legend,
      );
      const input = fieldset?.querySelector<HTMLInputElement>(`input[value="${value}"]`);
      if (!input) return { found: false, description: '', shown: false };
      const description = (input.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => root.getElementById(id)?.textContent ?? '')
        .join(' ');
      const badge = input.closest('label')?.querySelector('.madeto-popular');
      return {
        found: true,
        description,
        shown: !!badge && badge.getBoundingClientRect().width > 0,
      };
    },
    [legend, value],
  );

const hintCount = (page: Page) =>
  page.evaluate(
    () => document.getElementById('w')!.shadowRoot!.querySelectorAll('.madeto-popular').length,
  );

/**
 * Each segment's or list row's hint as a buyer reads it: the words' text and size, whether they
 * stand in the legend's line above the options (not over the legend's own words, not beyond the
 * field), and the star left in the row. Cards carry their words in their own tag.
 */
const rowHints = (page: Page) =>
  page.evaluate(() =>
    [...document.getElementById('w')!.shadowRoot!.querySelectorAll('.madeto-popular')]
      .filter((el) => el.closest('.madeto-option')?.getAttribute('data-variant') !== 'card')
      .map((el) => {
        const field = el.closest('fieldset')!;
        const legend = field.querySelector(':scope > legend')!;
        const range = document.createRange();
        range.selectNodeContents(legend);
        const words = range.getBoundingClientRect();
        const options = field.querySelector('.madeto-options')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        const f = field.getBoundingClientRect();
        const style = getComputedStyle(el);
        const extras = el.closest('.madeto-option-extras')!;
        return {
          legend: legend.firstChild?.textContent?.trim(),
          text: el.textContent,
          readable:
            style.visibility === 'visible' &&
            parseFloat(style.fontSize) >= 12 &&
            box.width >= 100 &&
            el.scrollWidth <= el.clientWidth,
          inLegendLine: box.bottom <= options.top && box.top >= f.top - 1,
          clearOfLegendWords: box.left >= words.right,
          insideField: box.left >= f.left && box.right <= f.right + 0.5,
          star: getComputedStyle(extras, '::after').content,
        };
      }),
  );

/**
 * Each card's hint tag: whether it keeps clear of the value's words (every line box of the
 * label) and stays inside its card. A picture's corner may be covered; the words may not (an
 * image-less card's tag covered "Dual motor, 40 mm/s" before its radio's line kept the room).
 */
const cardHints = (page: Page) =>
  page.evaluate(() =>
    [...document.getElementById('w')!.shadowRoot!.querySelectorAll('.madeto-popular')]
      .filter((el) => el.closest('.madeto-option')?.getAttribute('data-variant') === 'card')
      .map((el) => {
        const card = el.closest('.madeto-option')!;
        const range = document.createRange();
        range.selectNodeContents(card.querySelector('.madeto-option-label')!);
        const box = el.getBoundingClientRect();
        const c = card.getBoundingClientRect();
        const covers = (r: DOMRect) =>
          r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
        return {
          value: card.querySelector('input')!.value,
          pictured: card.querySelector('img') !== null,
          clearOfLabel: ![...range.getClientRects()].some(covers),
          insideCard:
            box.left >= c.left &&
            box.right <= c.right &&
            box.top >= c.top &&
            box.bottom <= c.bottom,
        };
      }),
  );

const shots = join(tmpdir(), 'madeto-popular-shots');

describe('"Popular with buyers" in the built shop app', () => {
  it.each([1280, 390])(
    'hints on: the most chosen value says so, to the eye and in its description (%i px)',
    async (width) => {
      const { page, problems, asked } = await shopPage('desk', 'popular="on"', width);
      await expect
        .poll(() => option(page, 'Frame', 'steel'), { timeout: 20_000 })
        .toMatchObject({
          found: true,
          shown: true,
          description: expect.stringContaining('Popular with buyers'),
        });
      expect(await option(page, 'Frame', 'aluminium')).toMatchObject({ shown: false });
      expect((await option(page, 'Frame', 'aluminium')).description).not.toContain('Popular');
      expect(await option(page, 'Lifting system', 'dual')).toMatchObject({ shown: true });
      expect(await option(page, 'Accessories', 'drawer')).toMatchObject({ shown: true });
      // A tie names neither; three hints in all: frame, drive, accessories.
      expect(await option(page, 'Handset', 'memory')).toMatchObject({ found: true, shown: false });
      expect(await hintCount(page)).toBe(3);
      // Asked once, beside submit, from the insights file (the shop app has no copy of the fetch).
      expect(asked.filter((p) => p === '/api/insights/popular')).toHaveLength(1);
      expect(asked.some((p) => /\/madeto-insights\.[0-9a-f]{10}\.js$/.test(p))).toBe(true);
      // The keyboard reaches it: the focused radio's description carries the hint.
      const steel = page.locator('#w').locator('input[value="steel"]');
      await steel.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      expect(
        await page.evaluate(() => {
          const root = document.getElementById('w')!.shadowRoot!;
          const active = root.activeElement as HTMLInputElement;
          const id = active.getAttribute('aria-describedby')!;
          return [active.value, root.getElementById(id)?.textContent ?? ''];
        }),
      ).toEqual(['steel', expect.stringContaining('Popular with buyers')]);
      mkdirSync(shots, { recursive: true });
      await steel.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(shots, `desk-${width}.png`) });
      // A segment (the lifting system) and a list row (accessories) with the hint.
      for (const name of ['Lifting system', 'Accessories'])
        await page
          .locator('#w')
          .locator('fieldset', { has: page.locator('legend', { hasText: name }) })
          .screenshot({ path: join(shots, `desk-${width}-${name.split(' ')[0]}.png`) });
      expect(problems).toEqual([]);
    },
  );

  it("a dropdown's option says it in its text (the sofa's cover)", async () => {
    const { page, problems } = await shopPage('sofa', 'popular="on"');
    const cover = page.locator('#w').getByLabel('Cover', { exact: true });
    await expect
      .poll(() => cover.locator('option[value="velvet-navy"]').textContent(), { timeout: 20_000 })
      .toMatch(/^Velvet, navy \(.*Popular with buyers\)$/);
    expect(await cover.locator('option', { hasText: 'Popular with buyers' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('hints off (no attribute, or popular="off"): nothing is asked and nothing shown', async () => {
    for (const attributes of ['', 'popular="off"']) {
      const { page, problems, asked } = await shopPage('desk', attributes);
      // Long enough for the hints to have come: the idle load of the insights file is past.
      await page.waitForTimeout(3_000);
      expect(asked.filter((p) => p.includes('/insights/popular'))).toEqual([]);
      expect(await hintCount(page)).toBe(0);
      expect(await option(page, 'Frame', 'steel')).toMatchObject({ found: true, shown: false });
      expect(problems).toEqual([]);
    }
  });

  it('below the minimum sample (19 bikes, all carbon): asked, nothing shown', async () => {
    const { page, problems, asked, answers } = await shopPage('bike', 'popular="on"');
    await expect.poll(() => answers.length, { timeout: 20_000 }).toBe(1);
    expect(await answers[0]).toEqual({
      productId: 'BIKE',
      minSample: 20,
      enough: false,
      popular: [],
    });
    expect(asked.filter((p) => p === '/api/insights/popular')).toHaveLength(1);
    await page.waitForTimeout(1_000);
    expect(await hintCount(page)).toBe(0);
    expect(await option(page, 'Frame material', 'carbon')).toMatchObject({ found: true });
    expect(problems).toEqual([]);
  });
});

/** Every layout shift Chromium reports on the page (`window.shifts`), from before the first paint. */
function observeShifts(page: Page) {
  return page.addInitScript(() => {
    const shifts: { at: number; value: number; sources: string[] }[] = [];
    (window as unknown as { shifts: typeof shifts }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        startTime: number;
        value: number;
        sources: { previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[])
        shifts.push({
          at: e.startTime,
          value: e.value,
          sources: e.sources.map(
            (s) => `${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`,
          ),
        });
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts reported after `since` (the page's clock). */
const shiftsSince = (page: Page, since: number) =>
  page.evaluate(
    (since) =>
      (
        window as unknown as { shifts: { at: number; value: number; sources: string[] }[] }
      ).shifts.filter((s) => s.at >= since),
    since,
  );

/** Each option's, field's and the summary's box in the widget (to 0.1 px), in document order. */
const boxes = (page: Page) =>
  page.evaluate(() =>
    [
      ...document
        .getElementById('w')!
        .shadowRoot!.querySelectorAll('.madeto-option, .madeto-field, .madeto-summary'),
    ].map((el, i) => {
      const r = el.getBoundingClientRect();
      const round = (n: number) => Math.round(n * 10) / 10;
      return `${i} ${el.className}: ${[r.x, r.y + scrollY, r.width, r.height].map(round).join(' ')}`;
    }),
  );

/**
 * 20 bikes (the minimum sample) with a popular value in each kind of option: a segment (frame
 * size m, 12 of 20; wheel size 650b, 15), a card (carbon, 14) and a list row (the mudguards, 9).
 */
const BIKE_20 = Array.from({ length: 20 }, (_, i) => ({
  frameSize: i < 12 ? 'm' : 'l',
  wheelSize: i < 15 ? '650b' : '700c',
  frameMaterial: i < 14 ? 'carbon' : 'steel',
  accessories: i < 9 ? ['mudguards'] : [],
}));

/** Hints in segments or list rows: none on the desk (cards); the bike's two sizes and mudguards. */
const rowHintCount = { desk: 0, bike: 3 } as const;

describe('"Popular with buyers" arriving after the first paint moves nothing', () => {
  let bikes: ServerProcess;
  beforeAll(async () => {
    bikes = await startServerProcess(tempDb());
    const r = await fetch(`${bikes.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(completedBatch('e2e-bike-0020', 'BIKE', 'shop', BIKE_20, daysAgo(1))),
    });
    expect(r.status).toBe(201);
  }, 60_000);
  afterAll(() => bikes?.stop());

  it.each([
    ['desk', 1280, 3],
    ['desk', 390, 3],
    ['bike', 1280, 4],
    ['bike', 390, 4],
  ] as const)(
    '%s at %i px: no layout shift and no box changes when %i hints arrive',
    async (product, width, hints) => {
      // The answer is held back until the page has settled, then let through to the real server.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let requested = false;
      const { page, problems } = await shopPage(product, 'popular="on"', width, {
        ...(product === 'bike' && { api: bikes.url }),
        prepare: async (page) => {
          await observeShifts(page);
          await page.route('**/api/insights/popular?*', async (route) => {
            requested = true;
            await held;
            await route.continue();
          });
        },
      });
      await expect.poll(() => requested, { timeout: 20_000 }).toBe(true);
      // Settled: images decoded, idle extras in, no shift for half a second.
      await page.waitForLoadState('load');
      await expect
        .poll(
          async () => {
            const before = (await shiftsSince(page, 0)).length;
            await page.waitForTimeout(500);
            return (await shiftsSince(page, 0)).length === before;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      const before = await boxes(page);
      const since = await page.evaluate(() => performance.now());
      release();
      await expect.poll(() => hintCount(page), { timeout: 20_000 }).toBe(hints);
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      await page.waitForTimeout(300);
      expect(await shiftsSince(page, since)).toEqual([]);
      expect(await boxes(page)).toEqual(before);
      // A segment's or list row's hint is read in words too, not a bare star (before: font-size
      // 0, only the star and its tooltip).
      const rows = await rowHints(page);
      expect(rows.length).toBe(rowHintCount[product]);
      for (const r of rows)
        expect(r).toEqual({
          legend: r.legend,
          text: 'Popular with buyers',
          readable: true,
          inLegendLine: true,
          clearOfLegendWords: true,
          insideField: true,
          star: '"★"',
        });
      // A card's tag covers none of the value's words, with or without a picture.
      const cards = await cardHints(page);
      expect(cards.length).toBe(hints - rowHintCount[product]);
      for (const c of cards)
        expect(c).toEqual({
          value: c.value,
          pictured: c.pictured,
          clearOfLabel: true,
          insideCard: true,
        });
      if (product === 'desk') expect(cards.some((c) => !c.pictured)).toBe(true);
      mkdirSync(shots, { recursive: true });
      // Each field holding a hint (cards, segments, list rows), as a buyer sees it.
      const hinted = page
        .locator('#w')
        .locator('fieldset', { has: page.locator('.madeto-popular') });
      for (let i = 0; i < (await hinted.count()); i++)
        await hinted.nth(i).screenshot({ path: join(shots, `${product}-${width}-hint${i}.png`) });
      expect(problems).toEqual([]);
    },
  );
});
