import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { compile, hasValidCompletion, type Selection } from '../../src/engine/index.ts';
import { setupDemo, type Width } from './demoHarness.ts';
import {
  asLinkText,
  choicesInUrl,
  configureAll,
  demoProducts,
  openProduct,
  selectionInUrl,
  sendRequest,
  stepTexts,
  disabledButtons,
  type Product,
} from './buyerSteps.ts';

/**
 * Issue 14's proof: a buyer's journeys on the real demo (Vite) and the real backend
 * (`madeto serve`, SQLite), in Chromium at 1280 and 390 px, by role and label.
 */
const demo = setupDemo();
const products = demoProducts();
const product = (id: string) => products.find((p) => p.id === id)!;
const widths: Width[] = ['desktop', 'phone'];

/** Every id in the availability snapshot a buyer must never see: POs, work centres, suppliers, parts. */
function internalIds(): string[] {
  const snapshot = JSON.parse(
    readFileSync(new URL('../../public/catalogue/availability.json', import.meta.url), 'utf8'),
  ) as {
    workCenters: Record<string, unknown>;
    items: Record<string, { suppliers?: { id: string }[] }>;
    stock: Record<string, unknown>;
    inbound: { id: string; item: string; supplierId?: string }[];
  };
  const ids = new Set<string>([
    ...Object.keys(snapshot.workCenters),
    ...Object.keys(snapshot.items),
    ...Object.keys(snapshot.stock),
    ...Object.values(snapshot.items).flatMap((i) => (i.suppliers ?? []).map((s) => s.id)),
    ...snapshot.inbound.flatMap((po) => [
      po.id,
      po.item,
      ...(po.supplierId ? [po.supplierId] : []),
    ]),
  ]);
  return [...ids];
}
const INTERNAL = internalIds();

/** The internal ids found anywhere in the page's DOM (text and attributes). */
const leakedIds = async (page: Page) => {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  return INTERNAL.filter((id) => html.includes(id));
};

/** A stored quote request as `GET /api/quotes` lists it (the part this test reads). */
interface StoredRequest {
  number: string;
  kind: string;
  payload: {
    customer?: { name?: string; email?: string };
    lines: { productId: string; quantity: number; selection: Selection }[];
  };
}

/**
 * The fewest other choices of `before` that must change for `attribute = value` to fit: counted
 * independently of the widget's repair, by trying every set of that size (the engine only says
 * whether a partial selection still has a valid completion).
 */
function fewestChanges(p: Product, before: Selection, attribute: string, value: Selection[string]) {
  const compiled = compile(p.model);
  const others = Object.keys(before).filter((id) => id !== attribute);
  const subsets = function* (from: number, size: number): Generator<string[]> {
    if (size === 0) return yield [];
    for (let i = from; i <= others.length - size; i++)
      for (const rest of subsets(i + 1, size - 1)) yield [others[i]!, ...rest];
  };
  for (let size = 0; size <= others.length; size++)
    for (const freed of subsets(0, size)) {
      const s: Record<string, Selection[string]> = { ...before, [attribute]: value! };
      for (const id of freed) delete s[id];
      if (hasValidCompletion(compiled, s)) return size;
    }
  return Infinity;
}

describe('buyer journeys on the demo and the real backend', () => {
  it('finds the internal ids in the snapshot (the leak checks have something to look for)', () => {
    expect(INTERNAL).toEqual(expect.arrayContaining(['PO-BER-4410', 'BER-CNC', 'S-LINAK-DK']));
  });

  describe.each(widths)('at %s width', (width) => {
    it.each(['DESK', 'BIKE', 'SOFA'])(
      'configures %s from empty to a sent quote request the backend stored',
      async (id) => {
        const page = await demo.page(width);
        const p = product(id);
        const region = await openProduct(page, demo.base, p);
        expect(selectionInUrl(page, p)).toEqual({});
        // Every disabled button says why, beside it: empty (undo, redo, reset, back, send)…
        const reasonless = async (state: string) => {
          const disabled = await disabledButtons(region);
          expect(
            disabled.filter((b) => b.reason === ''),
            state,
          ).toEqual([]);
          return disabled;
        };
        const empty = await reasonless('empty');
        expect(empty.map((b) => b.name)).toEqual(
          expect.arrayContaining(['Undo', 'Redo', 'Reset', 'Back', 'Send request']),
        );
        expect(empty.find((b) => b.name === 'Send request')?.reason).toMatch(/Finish|Choose/);
        await configureAll(region, p);
        const choices = choicesInUrl(page);
        expect(Object.keys(choices).length).toBeGreaterThan(0);
        expect(await leakedIds(page)).toEqual([]);
        // …complete, on the last step, before name and e-mail (Send waits for them)…
        const complete = await reasonless('complete, no name or e-mail');
        expect(complete.find((b) => b.name === 'Send request')?.reason).toMatch(/name/i);
        await region
          .getByRole('form', { name: 'Request a quote' })
          .getByRole('textbox', { name: 'Name', exact: true })
          .fill('Ana Lima');
        const named = await reasonless('complete, name only');
        expect(named.find((b) => b.name === 'Send request')?.reason).toMatch(/e-?mail/i);
        const number = await sendRequest(region, 'Ana Lima', 'ana@example.com');
        expect(await leakedIds(page)).toEqual([]);

        const list = await demo.api('GET', '/api/quotes?limit=100');
        expect(list.status).toBe(200);
        const stored = (list.body['items'] as StoredRequest[]).find((q) => q.number === number);
        expect(stored?.kind).toBe('quote-request');
        expect(stored?.payload.customer).toMatchObject({
          name: 'Ana Lima',
          email: 'ana@example.com',
        });
        expect(stored?.payload.lines).toHaveLength(1);
        expect(stored?.payload.lines[0]).toMatchObject({ productId: id, quantity: 1 });
        expect(asLinkText(stored!.payload.lines[0]!.selection)).toEqual(choices);
      },
    );
  });

  it('explains a conflict and repairs it to the nearest valid configuration', async () => {
    const page = await demo.page('desktop');
    const p = product('DESK');
    const region = await openProduct(page, demo.base, p);
    await configureAll(region, p);
    const before = selectionInUrl(page, p);
    // The first option that needs other changes, on any step.
    const steps = region.getByRole('navigation', { name: 'Steps' }).getByRole('button');
    const form = region.getByRole('form', { name: p.model.name, exact: true });
    let target: { legend: string; value: string; label: string } | undefined;
    for (let i = 0; i < (await steps.count()) && !target; i++) {
      await steps.nth(i).click();
      for (const radio of await form.getByRole('radio').all()) {
        const found = await radio.evaluate((el) =>
          el.closest('label')?.getAttribute('data-state') === 'conflict'
            ? {
                legend: el.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '',
                value: (el as HTMLInputElement).value,
                label:
                  el.closest('label')?.querySelector('.madeto-option-label')?.textContent ?? '',
              }
            : undefined,
        );
        if (found) {
          target = found;
          await radio.click();
          break;
        }
      }
    }
    expect(target, 'DESK has an option that needs other changes').toBeDefined();
    const attribute = p.model.attributes.find((a) => a.label === target!.legend)!;
    expect(attribute).toBeDefined();

    const dialog = page.getByRole('dialog', { name: /needs other changes/ });
    await dialog.waitFor();
    // Why: the rule in the way, in words.
    await dialog.getByRole('heading', { name: 'Why' }).waitFor();
    const reasons = await dialog.getByRole('listitem').first().textContent();
    expect(reasons?.trim().length).toBeGreaterThan(10);
    expect(await leakedIds(page)).toEqual([]);
    expect((await disabledButtons(dialog)).filter((b) => b.reason === '')).toEqual([]);
    const changes = await dialog
      .getByRole('list', { name: 'Changes' })
      .getByRole('listitem')
      .allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Apply change', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => String(selectionInUrl(page, p)[attribute.id])).toBe(target!.value);
    const after = selectionInUrl(page, p);
    const changed = Object.keys({ ...before, ...after }).filter(
      (id) => id !== attribute.id && JSON.stringify(before[id]) !== JSON.stringify(after[id]),
    );
    // As few other choices change as any valid configuration allows, each to a value.
    expect(changed.length).toBe(fewestChanges(p, before, attribute.id, after[attribute.id]!));
    // A choice is cleared only where no value of it fits (e.g. feet that only a steel frame has).
    const compiled = compile(p.model);
    for (const id of changed.filter((c) => after[c] === undefined)) {
      const a = p.model.attributes.find((x) => x.id === id)!;
      const values: Selection[string][] =
        a.type === 'choice' ? a.values.map((v) => v.id) : a.type === 'boolean' ? [true, false] : [];
      expect(
        values.filter((v) => hasValidCompletion(compiled, { ...after, [id]: v! })),
        id,
      ).toEqual([]);
    }
    // The result is valid and complete: every step complete, Send no longer waiting for choices.
    expect(hasValidCompletion(compile(p.model), after)).toBe(true);
    expect((await stepTexts(region)).filter((s) => !/complete/.test(s))).toEqual([]);
    await expect
      .poll(() => region.getByText('Finish the configuration to request a quote.').count())
      .toBe(0);
  });

  // A yes/no not answered yet (a mixed checkbox) whose "yes" needs other changes: a click
  // answers "no" (it always picked "yes" and opened the explanation, so the step stayed open).
  it('answers a yes/no "no" when "yes" needs other changes (BIKE e-assist, steel frame)', async () => {
    const page = await demo.page('desktop');
    const p = product('BIKE');
    const region = await openProduct(page, demo.base, p);
    await region.getByRole('radio', { name: 'Columbus Zona steel, brazed in Vicenza' }).check();
    const eAssist = p.model.attributes.find((a) => a.id === 'eAssist')!;
    await region.getByRole('button', { name: /E-assist/ }).click();
    const box = region.getByRole('checkbox', { name: eAssist.label });
    await box.click();
    await expect.poll(() => selectionInUrl(page, p)['eAssist'], { timeout: 3_000 }).toBe(false);
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    await expect
      .poll(() => stepTexts(region))
      .toContainEqual(expect.stringMatching(/E-assist.*complete/));
    // "Yes" is one click on, with its explanation.
    await box.click();
    const dialog = page.getByRole('dialog', { name: /e-assist: “yes” needs other changes/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(selectionInUrl(page, p)['eAssist']).toBe(false);
  });

  it('shows the phone sticky bar with total and delivery, and Review jumps to the summary', async () => {
    const page = await demo.page('phone');
    const p = product('DESK');
    const region = await openProduct(page, demo.base, p);
    await region.getByRole('radio', { name: 'Steel, 3-stage columns' }).check();
    const bar = region.getByRole('group', { name: 'Your configuration' });
    await bar.waitFor();
    expect(await bar.isVisible()).toBe(true);
    await expect.poll(() => bar.textContent()).toMatch(/(Total|So far).*€[\d,.]+/);
    await expect.poll(() => bar.textContent()).toMatch(/Delivery[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    // The bar stays in view (sticky) while the buyer is in the steps.
    const inView = (l: typeof bar) =>
      l.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
      });
    expect(await inView(bar)).toBe(true);
    const summary = region.getByRole('complementary', { name: 'Summary' });
    expect(await inView(summary)).toBe(false);
    await bar.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => inView(summary)).toBe(true);
  });
});
