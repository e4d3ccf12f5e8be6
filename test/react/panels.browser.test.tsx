import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { Configurator } from '../../src/react/components/Configurator.tsx';
import {
  optionDeltas,
  parseModel,
  parsePricing,
  parseSnapshot,
  price,
  promise,
} from '../../src/engine/index.ts';
import { parseOrderPayload } from '../../src/engine/orders/schema.ts';
import { verifyOrder } from '../../src/engine/orders/verifyOrder.ts';
import { defaultPanels } from '../../src/react/panels/defaultPanels.tsx';
import { createValueExtras } from '../../src/react/panels/valueExtras.ts';
import { dateAt, nowInstant } from '../../src/react/panels/clock.ts';
import { formatDate, formatDelta, formatMoney } from '../../src/react/i18n/format.ts';
import deskJson from '../../public/catalogue/desk.json';
import pricingJson from '../../public/catalogue/pricing.json';
import availabilityJson from '../../public/catalogue/availability.json';
import acme from '../../public/catalogue/requests/price-acme-desks.json';
import { seriousViolations } from './axe.ts';
import { cleanup, render } from './render.tsx';
import '../../src/react/styles/madeto.css';
import '../../src/react/styles/panels.css';

const desk = parseModel(deskJson);
const pricing = parsePricing(pricingJson);
const snapshot = parseSnapshot(availabilityJson);
/** A complete desk: line L2 of the sample request (laminate top, dual motor, no cable tray). */
const selection = acme.lines[1]!.selection as Record<string, string | number | boolean | string[]>;
const zone = snapshot.plants[desk.plantId]!.timeZone;

/** What the engine says for a selection today: the oracle the panels must show unchanged. */
function expected(chosen: typeof selection, quantity = 1) {
  const now = nowInstant();
  const date = dateAt(now, zone);
  const line = { lineId: 'L1', productId: desk.id, quantity, selection: chosen };
  return {
    price: price(
      { date, currency: 'EUR', lines: [{ ...line, category: desk.category }] },
      { pricing, models: [desk] },
    ),
    promise: promise({ now, lines: [line] }, { snapshot, models: [desk] }),
    deltas: optionDeltas(
      { productId: desk.id, selection: chosen, quantity, currency: 'EUR', date },
      { pricing, models: [desk] },
    ),
  };
}

function widget(props: { locale?: string; submit?: unknown; initialQuantity?: number } = {}) {
  return render(
    <Configurator
      model={desk}
      pricing={pricingJson}
      availability={availabilityJson}
      initialSelection={selection}
      urlKey={false}
      layout="all"
      panels={defaultPanels}
      valueExtras={createValueExtras()}
      {...props}
    />,
  );
}

const totalRow = () =>
  page
    .getByRole('region', { name: /^(Price|Preis)$/ })
    .getByRole('definition')
    .last();

afterEach(cleanup);

describe('<Configurator panels={defaultPanels}> on the sample catalogue, in Chromium', () => {
  it('shows the engine total and updates it after a click', async () => {
    widget();
    const before = expected(selection).price.total;
    await expect.element(totalRow()).toHaveTextContent(formatMoney(before, 'EUR', 'en'));
    await page.getByRole('checkbox', { name: 'Cable tray under the top' }).click();
    const after = expected({ ...selection, cableTray: true }).price.total;
    expect(after).not.toBe(before);
    await expect.element(totalRow()).toHaveTextContent(formatMoney(after, 'EUR', 'en'));
    // The live region says the new total (with the delivery date when that changed too).
    await expect
      .element(page.getByRole('status'))
      .toHaveTextContent(`Price: ${formatMoney(after, 'EUR', 'en')}`);
    await expect
      .element(page.getByRole('region', { name: 'Price' }))
      .toHaveAttribute('data-state', expect.stringMatching(/^(valid|approval-required)$/));
  });

  it('shows the promised ship and delivery dates and the timeline as a list', async () => {
    widget();
    const result = expected(selection).promise;
    const delivery = page.getByRole('region', { name: 'Delivery' });
    await expect
      .element(delivery)
      .toHaveTextContent(`Delivered${formatDate(result.deliveryDate!, 'en')}`);
    await expect.element(delivery).toHaveTextContent(`Ships${formatDate(result.shipDate!, 'en')}`);
    const stages = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
    await expect.element(stages.first()).toHaveTextContent('Order accepted');
    await expect.element(stages.last()).toHaveTextContent('Delivered');
  });

  it('shows each value its engine price delta', async () => {
    const container = widget();
    const deltas = expected(selection).deltas.deltas;
    await expect.element(totalRow()).toBeVisible();
    const oak = container.querySelector<HTMLInputElement>('input[type="radio"][value="oak"]')!;
    const label = oak.closest('label')!;
    await expect
      .poll(() => label.textContent)
      .toContain(formatDelta(deltas.topMaterial!.oak!, 'EUR', 'en'));
    expect(label.querySelector('.madeto-badge')?.textContent).toMatch(
      /^(in stock|from supplier|[+−]\d+ days?|unavailable)$/,
    );
  });

  it('formats money and dates in German for de-DE', async () => {
    widget({ locale: 'de-DE' });
    const result = expected(selection);
    const total = formatMoney(result.price.total, 'EUR', 'de-DE');
    expect(total).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0€$/);
    // The DOM text keeps Intl's no-break space; the matcher compares normalised whitespace.
    await expect.element(totalRow()).toHaveTextContent(total.replace(/\u00a0/g, ' '));
    expect(totalRow().element().textContent).toBe(total);
    await expect.element(page.getByRole('heading', { name: 'Lieferung' })).toBeVisible();
    await expect
      .element(page.getByRole('region', { name: 'Lieferung' }))
      .toHaveTextContent(formatDate(result.promise.deliveryDate!, 'de-DE'));
  });

  it('validates the quote form in place, blocks an invalid submit, then succeeds', async () => {
    const sent: unknown[] = [];
    widget({
      submit: async (payload: unknown) => {
        sent.push(payload);
        return { number: 'Q-2026-0042', response: null };
      },
    });
    const submit = page.getByRole('button', { name: 'Send request' });
    await expect.element(submit).toBeDisabled();
    const email = page.getByRole('textbox', { name: 'Email' });
    await email.fill('not-an-email');
    await userEvent.tab();
    await expect.element(email).toHaveAttribute('aria-invalid', 'true');
    await expect.element(email).toHaveAccessibleDescription(/valid email address/);
    const date = page.getByLabelText(/Requested delivery date/);
    await date.fill('2026-01-02');
    // Tab moves between a date input's own fields: leave it by clicking another field.
    await page.getByRole('textbox', { name: 'Name' }).click();
    await expect.element(date).toHaveAccessibleDescription(/or later/);
    await expect.element(submit).toBeDisabled();
    await page.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
    await email.fill('ada@example.com');
    await date.fill('');
    await expect.element(email).toHaveAttribute('aria-invalid', 'false');
    await expect.element(submit).toBeEnabled();
    await page.getByRole('textbox', { name: 'Company' }).fill('ACME Offices');
    await date.fill('2027-01-15');
    await submit.click();
    await expect
      .element(page.getByText('Thank you — your request Q-2026-0042 was sent.'))
      .toBeVisible();
    expect(sent).toHaveLength(1);
    const parsed = parseOrderPayload(sent[0]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { payload } = parsed;
    expect(payload).toMatchObject({
      kind: 'quote-request',
      lines: [{ productId: 'DESK', quantity: 1, selection }],
      totals: { total: expected(selection).price.total },
      customer: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        company: 'ACME Offices',
        notes: 'Requested delivery date: 2027-01-15',
      },
    });
    // The price shown is the price charged: the server-side check finds nothing to correct.
    const check = verifyOrder(desk, pricing, snapshot, payload);
    expect(check.differences.filter((d) => d.severity === 'error')).toEqual([]);
    expect(check.status).toBe('verified');
  });

  it('a widget without an availability source shows the price but no delivery panel (no endless "Checking availability")', async () => {
    render(
      <Configurator
        model={desk}
        pricing={pricingJson}
        initialSelection={selection}
        urlKey={false}
        layout="all"
        panels={defaultPanels}
      />,
    );
    await expect
      .element(totalRow())
      .toHaveTextContent(formatMoney(expected(selection).price.total, 'EUR', 'en'));
    expect(page.getByRole('region', { name: 'Delivery' }).elements()).toEqual([]);
    expect(document.body.textContent).not.toContain('Checking availability');
  });

  it('axe finds nothing serious', async () => {
    const container = widget();
    await expect.element(totalRow()).toBeVisible();
    expect(await seriousViolations(container)).toEqual([]);
  });
});
